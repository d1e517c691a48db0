// `onramp setup …`: what each command is called, says and accepts. The code behind them is in
// setup-run.ts and loads only when one of them runs, so `onramp --help` and other commands never pay for it.
import type { OptionSpec } from '../args';
import { CREDENTIAL_FLAGS } from '../credential-flags';
import { lazyCommand, type CommandEntry } from './entry';

/** The flags every setup command takes (and `setup export`). */
export const SETUP_FLAGS: OptionSpec = {
  ...CREDENTIAL_FLAGS,
  region: { type: 'string', value: 'REGION', required: true, description: 'Region of the bucket and table: us-east-1, us-east-2, us-west-1 or us-west-2.' },
  name: { type: 'string', value: 'NAME', required: true, description: 'Name of the Cloud Configuration (also tagged on every resource).' },
  bucket: { type: 'string', value: 'BUCKET', required: true, description: 'S3 bucket name (global across all accounts).' },
  table: { type: 'string', value: 'TABLE', required: true, description: 'DynamoDB table name (partition key LockID).' },
  role: { type: 'string', value: 'ROLE', description: 'IAM role name the platform assumes (default BodoPlatformUser).' },
  'external-id': { type: 'string', value: 'ID', required: true, description: "External ID from the platform's Cloud Configuration form." },
  'platform-account': { type: 'string', value: 'ACCOUNT', description: "The platform's AWS account ID (default 481633624848)." },
};

export const RECOVER_FLAGS: OptionSpec = {
  ...CREDENTIAL_FLAGS,
  run: { type: 'string', value: 'RUN', required: true, description: 'The run ID that "onramp setup interrupted" lists.' },
  action: { type: 'string', value: 'finish|undo', required: true, description: 'finish: re-apply, hardening what was created; undo: delete exactly what the journal lists.' },
};

/** `onramp setup plan|apply|verify|destroy|interrupted|recover`. */
export const setupCommands: Record<string, CommandEntry> = {
  'setup plan': { summary: 'Show what apply would create, keep, repair, or refuse', flags: SETUP_FLAGS, run: lazyCommand(() => import('./setup-run'), 'plan') },
  'setup apply': { summary: 'Create or repair the Cloud Configuration (Ctrl-C cancels and undoes)', flags: SETUP_FLAGS, run: lazyCommand(() => import('./setup-run'), 'apply') },
  'setup verify': { summary: 'Re-check a Cloud Configuration against AWS', flags: SETUP_FLAGS, run: lazyCommand(() => import('./setup-run'), 'verify') },
  'setup destroy': { summary: 'Delete what Onramp created (never the platform\'s state)', flags: SETUP_FLAGS, run: lazyCommand(() => import('./setup-run'), 'destroy') },
  'setup interrupted': { summary: 'List setup runs that stopped before finishing (from the journal)', flags: {}, run: lazyCommand(() => import('./setup-run'), 'interrupted') },
  'setup recover': { summary: 'Finish or undo an interrupted setup run', flags: RECOVER_FLAGS, run: lazyCommand(() => import('./setup-run'), 'recover') },
};
