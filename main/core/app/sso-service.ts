/**
 * IAM Identity Center sign-ins started from the app: each is a run (kind sso-sign-in, see runs.ts)
 * that runs the device flow in main (core/sso/sign-in.ts), opens the verification page the SSO-OIDC
 * service returned in the user's browser, shows the code to confirm in its progress, and ends once
 * the token is cached. The renderer follows and cancels it like any run; the CLI starts the same
 * sign-in in its own runs.
 */
import type { RunOf, RunProgress, RunRef } from '../../../shared/contract/runs';
import { AppError } from '../../../shared/errors';
import type { PollClock } from '../sso/device-flow';
import { isSafeVerificationUrl, startSsoSignIn, type PendingSignIn } from '../sso/sign-in';
import type { RunControl, Runs } from './runs';

/** What the sign-ins need. `openExternal` opens a URL in the user's browser (Electron's shell, checked again there). */
export interface SsoServiceDeps {
  env: NodeJS.ProcessEnv;
  /** The app's runs, where each sign-in runs. */
  runs: Runs<RunProgress>;
  openExternal?: (url: string) => Promise<void>;
  clock?: PollClock;
}

/** The app's sign-ins. */
export interface SsoSignIns {
  /** Start signing `profile` in (replacing a sign-in of that profile still waiting); answers the run's id. */
  start(profile: string): RunRef;
  /** Open the verification page of a sign-in still waiting for the browser again. */
  openBrowser(runId: string): Promise<{ browserOpened: boolean }>;
}

/** What a sign-in's code looks like in its progress. */
function codeOf(pending: PendingSignIn, browserOpened: boolean): NonNullable<RunOf<'sso-sign-in'>['code']> {
  return {
    userCode: pending.userCode,
    verificationUri: pending.verificationUri,
    verificationUriComplete: pending.verificationUriComplete,
    expiresAt: new Date(pending.expiresAt).toISOString(),
    browserOpened,
  };
}

/** Create the sign-ins of one app. */
export function createSsoSignIns(deps: SsoServiceDeps): SsoSignIns {
  const { runs } = deps;

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

  const signIn = (profile: string) => async (run: RunControl<RunProgress, 'sso-sign-in'>) => {
    const pending = await startSsoSignIn({ env: deps.env, clock: deps.clock }, profile, run.signal);
    run.set({ code: codeOf(pending, await open(pending.verificationUriComplete)) });
    const { expiresAt } = await pending.done;
    return { expiresAt };
  };

  return {
    start(profile) {
      // A new sign-in for the same profile replaces a waiting one.
      for (const r of runs.list()) if (r.kind === 'sso-sign-in' && r.subject === profile && r.state === 'running') runs.cancel(r.runId);
      const { runId } = runs.start({ kind: 'sso-sign-in', subject: profile, fields: { code: null }, work: signIn(profile) });
      return { runId };
    },
    async openBrowser(runId) {
      const run = runs.progress(runId);
      if (run.kind !== 'sso-sign-in') throw new AppError('InvalidInput', 'That run is not a sign-in.', 'runId');
      if (run.state !== 'running' || !run.code) throw new AppError('InvalidInput', 'That sign-in is no longer waiting for the browser.', 'runId');
      // The page main recorded from the service's answer, never one the renderer supplies.
      return { browserOpened: await open(run.code.verificationUriComplete) };
    },
  };
}
