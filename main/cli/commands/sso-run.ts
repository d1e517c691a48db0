import { startSsoSignIn } from '../../core/sso/sign-in';
import { parseFlags } from '../args';
import { credentialFlags } from '../deps';
import { EXIT } from '../io';
import { SSO_LOGIN_FLAGS } from './sso';
import type { Command } from './index';

/**
 * `onramp sso login --profile P [--no-browser]`: IAM Identity Center device sign-in. The page and
 * the code go to stderr (stdout stays the result); the token goes to ~/.aws/sso/cache, shared with
 * the AWS CLI and SDKs.
 */
export const login: Command = async (argv, io) => {
  const flags = parseFlags(argv, SSO_LOGIN_FLAGS);
  const { profile } = credentialFlags(flags);
  const pending = await startSsoSignIn({ env: io.env }, profile);
  const minutes = Math.max(1, Math.round((pending.expiresAt - Date.now()) / 60_000));
  io.stderr(
    [
      `Signing in to IAM Identity Center for profile "${profile}".`,
      'Open this page in your browser and confirm the code:',
      `  ${pending.verificationUriComplete}`,
      `Code: ${pending.userCode}`,
      '',
    ].join('\n'),
  );
  if (flags['no-browser'] !== true) {
    await (io.openBrowser?.(pending.verificationUriComplete) ?? Promise.reject(new Error('no browser'))).catch(() =>
      io.stderr('Could not open a browser: open the page above yourself.\n'),
    );
  }
  io.stderr(`Waiting for you to confirm the code (it expires in ${minutes} minute${minutes === 1 ? '' : 's'})…\n`);
  const result = await pending.done;
  return {
    json: result,
    human: `Signed in as profile "${profile}"; the token is cached in ${result.cacheFile} until ${result.expiresAt}.`,
    exitCode: EXIT.ok,
  };
};

