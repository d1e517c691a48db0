import { AppError } from '../../shared/errors';
import { connect, saveSessionAsProfile } from '../core/app/session-service';
import { listProfiles } from '../core/profiles/profiles';
import type { Session } from '../core/profiles/session';
import type { HandlerDeps, HandlerSlice } from './types';

type SessionChannel = 'profiles:list' | 'session:connect' | 'session:current' | 'session:disconnect' | 'session:connect-keys' | 'session:save-profile';

/** Profiles and the connected session (thin adapters over core/app/session-service). */
export function sessionHandlers(deps: HandlerDeps): HandlerSlice<SessionChannel> {
  const service = { env: deps.env, requestLog: deps.requestLog };
  const hold = (session: Session) => {
    deps.session.set(session);
    // Load the remaining SDK clients now, in the background, not during the first apply or refresh.
    void session.aws.prewarm();
    return session.info;
  };
  return {
    'profiles:list': () => listProfiles({ env: deps.env }),
    'session:connect': async (req) => {
      const code = req.mfaCode;
      return hold(
        await connect(service, {
          kind: 'profile',
          profile: req.profile,
          region: req.region,
          mfaCodeProvider: async (serial) => {
            if (!code) throw new AppError('MfaRequired', `Enter the 6-digit code from MFA device ${serial}.`, 'mfaCode');
            return code;
          },
        }),
      );
    },
    'session:connect-keys': async (req) =>
      hold(await connect(service, { kind: 'keys', keys: { accessKeyId: req.accessKeyId, secretAccessKey: req.secretAccessKey, sessionToken: req.sessionToken }, region: req.region })),
    'session:save-profile': async (req) => {
      const current = deps.session.require();
      if (!current.saveAsProfile) {
        throw new AppError('InvalidInput', 'Connect with access keys first: only keys typed into Onramp can be saved as a profile.', 'name');
      }
      const { session, result } = await saveSessionAsProfile(current, {
        name: req.name,
        region: req.region ?? current.info.region,
        force: req.replace ?? false,
        replaceHint: 'tick "Replace it" to overwrite its keys',
      });
      deps.session.set(session);
      return result;
    },
    'session:current': async () => deps.session.current()?.info ?? null,
    'session:disconnect': async () => {
      deps.session.set(null);
      return null;
    },
  };
}
