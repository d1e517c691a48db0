import { AppError } from '../../shared/errors';
import { listProfiles } from '../core/profiles/profiles';
import { openSession } from '../core/profiles/session';
import type { HandlerDeps, HandlerSlice } from './types';

/** Profiles and the connected session. */
export function sessionHandlers(deps: HandlerDeps): HandlerSlice<'profiles:list' | 'session:connect' | 'session:current' | 'session:disconnect'> {
  return {
    'profiles:list': () => listProfiles({ env: deps.env }),
    'session:connect': async (req) => {
      const code = req.mfaCode;
      const session = await openSession({
        profile: req.profile,
        region: req.region,
        env: deps.env,
        requestLog: deps.requestLog,
        mfaCodeProvider: async (serial) => {
          if (!code) throw new AppError('MfaRequired', `Enter the 6-digit code from MFA device ${serial}.`, 'mfaCode');
          return code;
        },
      });
      deps.session.set(session);
      // Load the remaining SDK clients now, in the background, not during the first apply or refresh.
      void session.aws.prewarm();
      return session.info;
    },
    'session:current': async () => deps.session.current()?.info ?? null,
    'session:disconnect': async () => {
      deps.session.set(null);
      return null;
    },
  };
}
