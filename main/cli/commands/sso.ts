// `onramp sso …`: what each command is called, says and accepts. The code behind them is in
// sso-run.ts and loads only when one of them runs, so `onramp --help` and other commands never pay for it.
import type { OptionSpec } from '../args';
import { CREDENTIAL_FLAGS } from '../credential-flags';
import { lazyCommand, type CommandEntry } from './entry';

export const SSO_LOGIN_FLAGS: OptionSpec = {
  ...CREDENTIAL_FLAGS,
  'no-browser': { type: 'boolean', description: 'Do not open a browser; only print the page and the code (on stderr).' },
};

/** `onramp sso login`. */
export const ssoCommands: Record<string, CommandEntry> = {
  'sso login': { summary: 'Sign in to IAM Identity Center (SSO) for a profile, in the browser', flags: SSO_LOGIN_FLAGS, run: lazyCommand(() => import('./sso-run'), 'login') },
};
