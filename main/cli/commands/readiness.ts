// `onramp readiness …`: what each command is called, says and accepts. The code behind them is in
// readiness-run.ts and loads only when one of them runs, so `onramp --help` and other commands never pay for it.
import type { OptionSpec } from '../args';
import { CREDENTIAL_FLAGS } from '../credential-flags';
import { lazyCommand, type CommandEntry } from './entry';

export const DOCTOR_FLAGS: OptionSpec = {
  ...CREDENTIAL_FLAGS,
  region: { type: 'string', value: 'REGION', description: 'Check one supported region (default: all four).' },
  'workspace-vcpus': { type: 'string', value: 'N', description: 'vCPUs one workspace needs (default 8).' },
  bucket: { type: 'string', value: 'BUCKET', description: 'With --table, --role and --region: check the setup permissions on these exact names.' },
  table: { type: 'string', value: 'TABLE', description: 'DynamoDB table name for the permission check.' },
  role: { type: 'string', value: 'ROLE', description: 'IAM role name for the permission check.' },
};

/** `onramp doctor`. */
export const readinessCommands: Record<string, CommandEntry> = {
  doctor: { summary: 'Check permissions and account limits before setup', flags: DOCTOR_FLAGS, run: lazyCommand(() => import('./readiness-run'), 'doctor') },
};
