import { startSsoSignIn } from '../../core/sso/sign-in';
import { runCancellable } from '../cancel';
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
/** Ctrl-C during a sign-in: stop waiting for the browser. */
const SSO_CANCEL = {
  cancelling: 'cancelling — no longer waiting for the browser (Ctrl-C again to quit now).',
  quitting: 'quit; nothing was cached.',
};

export const login: Command = async (argv, io) => {
  const flags = parseFlags(argv, SSO_LOGIN_FLAGS);
  const { profile } = credentialFlags(flags);
  // A run like the app's sign-in: Ctrl-C stops waiting (exit 130); nothing is cached then.
  const result = await runCancellable(io, SSO_CANCEL, (runs) =>
    runs.start({
      kind: 'sso-sign-in',
      subject: profile,
      fields: { code: null },
      work: async (run) => {
        const pending = await startSsoSignIn({ env: io.env }, profile, run.signal);
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
        return pending.done;
      },
      result: ({ expiresAt }) => ({ expiresAt }),
    }),
  );
  return {
    json: result,
    human: `Signed in as profile "${profile}"; the token is cached in ${result.cacheFile} until ${result.expiresAt}.`,
    exitCode: EXIT.ok,
  };
};

