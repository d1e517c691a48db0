// `onramp platform …`: what each command is called, says and accepts. The code behind them is in
// platform-run.ts and loads only when one of them runs, so `onramp --help` and other commands never pay for it.
import type { OptionSpec } from '../args';
import { lazyCommand, type CommandEntry } from './entry';
import { SETUP_FLAGS } from './setup';

/** `platform list` takes no flags of its own. */
export const PLATFORM_LIST_FLAGS: OptionSpec = {};

/** `onramp platform register|list`. */
export const platformCommands: Record<string, CommandEntry> = {
  'platform register': {
    summary: 'Register a Cloud Configuration with the Bodo Platform (BODO_ORG_CLIENT_ID / BODO_ORG_SECRET_KEY)',
    flags: SETUP_FLAGS,
    run: lazyCommand(() => import('./platform-run'), 'register'),
  },
  'platform list': { summary: "The platform's Cloud Configurations and whether they match the saved ones", flags: PLATFORM_LIST_FLAGS, run: lazyCommand(() => import('./platform-run'), 'list') },
};
