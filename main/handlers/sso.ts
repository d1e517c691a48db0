import type { SSO_CHANNELS } from '../../shared/contract/sso-channels';
import { createSsoSignIns } from '../core/app/sso-service';
import type { HandlerDeps, HandlerSlice } from './types';

/** IAM Identity Center sign-in: start, poll, reopen the browser, cancel (thin adapters over core/app/sso-service). */
export function ssoHandlers(deps: HandlerDeps): HandlerSlice<(typeof SSO_CHANNELS)[number]> {
  const signIns = createSsoSignIns({ env: deps.env, openExternal: deps.openExternal });
  return {
    'sso:sign-in': ({ profile }) => signIns.start(profile),
    'sso:progress': async ({ signInId }) => signIns.progress(signInId),
    'sso:open-browser': ({ signInId }) => signIns.openBrowser(signInId),
    'sso:cancel': async ({ signInId }) => {
      signIns.cancel(signInId);
      return null;
    },
  };
}
