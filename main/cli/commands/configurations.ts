// `onramp configurations`: what it is called, says and accepts. Its code is in configurations-run.ts
// and loads only when it runs, so `onramp --help` and other commands never pay for it.
import type { OptionSpec } from '../args';
import { lazyCommand, type CommandEntry } from './entry';

/** `onramp configurations`'s flags: local only, so no credentials. */
export const CONFIGURATIONS_FLAGS: OptionSpec = {
  account: { type: 'string', value: 'ACCOUNT', description: "Only this AWS account's configurations (12 digits)." },
};

/** `onramp configurations`. */
export const configurationCommands: Record<string, CommandEntry> = {
  configurations: {
    summary: 'List the saved Cloud Configurations of every account (local; no AWS call)',
    flags: CONFIGURATIONS_FLAGS,
    run: lazyCommand(() => import('./configurations-run'), 'configurations'),
  },
};
