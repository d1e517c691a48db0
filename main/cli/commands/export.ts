// `onramp export …`: what each command is called, says and accepts. The code behind them is in
// export-run.ts and loads only when one of them runs, so `onramp --help` and other commands never pay for it.
import { EXPORT_FORMATS } from '../../../shared/contract/export-formats';
import { lazyCommand, type CommandEntry } from './entry';
import { SETUP_FLAGS } from './setup';



/** `onramp setup export`. */
export const exportCommands: Record<string, CommandEntry> = {
  'setup export': {
    summary: 'Print the setup as CloudFormation, Terraform or an AWS CLI script (no AWS call)',
    flags: {
      format: { type: 'string', value: 'FORMAT', required: true, description: `Document to print: ${EXPORT_FORMATS.join(', ')}.` },
      ...SETUP_FLAGS,
      profile: { ...SETUP_FLAGS.profile!, required: false, description: 'Accepted for symmetry with setup apply; no AWS call is made.' },
      'mfa-code': { ...SETUP_FLAGS['mfa-code']!, description: 'Accepted for symmetry with setup apply; no AWS call is made.' },
    },
    run: lazyCommand(() => import('./export-run'), 'exportSetup'),
  },
};
