// `onramp watch`: what it is called, says and accepts. The code behind it is in watch-run.ts and loads only when it runs.
import type { OptionSpec } from '../args';
import { CREDENTIAL_FLAGS } from '../credential-flags';
import { lazyCommand, type CommandEntry } from './entry';

export const WATCH_FLAGS: OptionSpec = {
  ...CREDENTIAL_FLAGS,
  region: { type: 'string', value: 'R1,R2|all', description: 'Regions to watch, separated by commas, or all (the default: every supported region).' },
  interval: { type: 'string', value: 'SECONDS', description: 'Seconds from the end of one pass to the start of the next (default 300, at least 10).' },
  once: { type: 'boolean', description: 'One pass: print what changed since the last pass (kept in the data folder), then exit 0.' },
};

/** `onramp watch`. */
export const watchCommands: Record<string, CommandEntry> = {
  watch: {
    summary: 'Watch alarms, vCPUs, subscriptions, credentials, spend and drift; one line per change (Ctrl-C stops)',
    flags: WATCH_FLAGS,
    run: lazyCommand(() => import('./watch-run'), 'watch'),
  },
};
