import { AppError } from '../../shared/errors';
import type { Session } from '../core/profiles/session';
import type { SessionHolder } from './types';

/** An in-memory holder for the connected session. */
export function createSessionHolder(): SessionHolder {
  let session: Session | null = null;
  return {
    current: () => session,
    set: (s) => {
      session = s;
    },
    require: () => {
      if (!session) throw new AppError('NotConnected', 'Connect to an AWS profile first.');
      return session;
    },
  };
}
