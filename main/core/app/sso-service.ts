/**
 * IAM Identity Center sign-ins started from the app: each runs the device flow in main (see
 * core/sso/sign-in.ts), opens the verification page the SSO-OIDC service returned in the user's
 * browser, and is polled by the renderer until it has cached the token. The CLI awaits the same
 * `startSsoSignIn` directly.
 */
import { randomUUID } from 'node:crypto';
import type { SsoProgress, SsoSignIn } from '../../../shared/contract/sso';
import { AppError, type AppErrorShape } from '../../../shared/errors';
import { toAppError } from '../aws/errors';
import type { PollClock } from '../sso/device-flow';
import { isSafeVerificationUrl, SignInCancelled, startSsoSignIn, type PendingSignIn } from '../sso/sign-in';

/** What the sign-ins need. `openExternal` opens a URL in the user's browser (Electron's shell, checked again there). */
export interface SsoServiceDeps {
  env: NodeJS.ProcessEnv;
  openExternal?: (url: string) => Promise<void>;
  clock?: PollClock;
  /** Forget finished sign-ins after this long. */
  keepFinishedMs?: number;
}

interface Entry {
  pending: PendingSignIn;
  state: SsoProgress['state'];
  error: AppErrorShape | null;
}

/** The app's running and recently finished sign-ins. */
export interface SsoSignIns {
  start(profile: string): Promise<SsoSignIn>;
  progress(signInId: string): SsoProgress;
  openBrowser(signInId: string): Promise<{ browserOpened: boolean }>;
  cancel(signInId: string): void;
}

/** Create the registry of sign-ins for one app. */
export function createSsoSignIns(deps: SsoServiceDeps): SsoSignIns {
  const entries = new Map<string, Entry>();
  const keep = deps.keepFinishedMs ?? 60 * 60_000;

  const entry = (signInId: string): Entry => {
    const found = entries.get(signInId);
    if (!found) throw new AppError('NotFound', 'That sign-in is not known (it may have finished over an hour ago).', 'signInId');
    return found;
  };

  const open = async (url: string): Promise<boolean> => {
    if (!deps.openExternal || !isSafeVerificationUrl(url)) return false;
    try {
      // Waived: not Electron's shell — an injected opener, called only with the https (or loopback)
      // page the OIDC service returned, checked by isSafeVerificationUrl just above.
      await deps.openExternal(url); /* eng-disable OPEN_EXTERNAL_JS_CHECK */
      return true;
    } catch {
      return false;
    }
  };

  return {
    async start(profile) {
      // A new sign-in for the same profile replaces a waiting one.
      for (const e of entries.values()) if (e.pending.profile === profile && e.state === 'waiting') e.pending.cancel();
      const pending = await startSsoSignIn({ env: deps.env, clock: deps.clock }, profile);
      const signInId = randomUUID();
      const e: Entry = { pending, state: 'waiting', error: null };
      entries.set(signInId, e);
      pending.done
        .then(() => {
          e.state = 'signed-in';
        })
        .catch((err: unknown) => {
          if (err instanceof SignInCancelled || e.state === 'cancelled') {
            e.state = 'cancelled';
          } else {
            e.state = 'failed';
            e.error = toAppError(err).toShape();
          }
        })
        .finally(() => setTimeout(() => entries.delete(signInId), keep).unref?.());
      const browserOpened = await open(pending.verificationUriComplete);
      return {
        signInId,
        profile,
        userCode: pending.userCode,
        verificationUri: pending.verificationUri,
        verificationUriComplete: pending.verificationUriComplete,
        expiresAt: new Date(pending.expiresAt).toISOString(),
        browserOpened,
      };
    },
    progress(signInId) {
      const e = entry(signInId);
      return { signInId, profile: e.pending.profile, state: e.state, error: e.error };
    },
    async openBrowser(signInId) {
      const e = entry(signInId);
      if (e.state !== 'waiting') throw new AppError('InvalidInput', 'That sign-in is no longer waiting for the browser.', 'signInId');
      return { browserOpened: await open(e.pending.verificationUriComplete) };
    },
    cancel(signInId) {
      const e = entry(signInId);
      if (e.state !== 'waiting') return;
      e.state = 'cancelled';
      e.pending.cancel();
    },
  };
}
