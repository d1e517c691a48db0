import type { SSO_CHANNELS } from '../../shared/contract/sso.channels';
import { createSsoSignIns } from '../core/app/sso-service';
import type { HandlerSlice, RunningDeps } from './types';

/** IAM Identity Center sign-in: start (a run), reopen the browser (thin adapters over core/app/sso-service). */
export function ssoHandlers(deps: RunningDeps): HandlerSlice<(typeof SSO_CHANNELS)[number]> {
  const signIns = createSsoSignIns({ env: deps.env, runs: deps.runs, openExternal: deps.openExternal });
  return {
    'sso:sign-in': async ({ profile }) => signIns.start(profile),
    'sso:open-browser': ({ runId }) => signIns.openBrowser(runId),
  };
}
