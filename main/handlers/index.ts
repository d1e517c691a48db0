import type { IpcResult } from '../../shared/contract';
import { dispatch } from './dispatch';
import { configsHandlers } from './configs';
import { exportHandlers } from './export';
import { monitoringHandlers } from './monitoring';
import { orgHandlers } from './org';
import { platformHandlers } from './platform';
import { readinessHandlers } from './readiness';
import { sessionHandlers } from './session';
import { settingsHandlers } from './settings';
import { setupHandlers } from './setup';
import { ssoHandlers } from './sso';
import type { HandlerDeps, HandlerTable } from './types';
import { PlatformCredentialStore } from '../core/platform/credential-store';

export type { HandlerDeps, HandlerTable } from './types';
export { createSessionHolder } from './session-holder';

/** The full handler table, one slice per domain. Electron-free: the app, the e2e harness and tests share it. */
export function createHandlers(given: HandlerDeps): HandlerTable {
  // One platform credential store for every slice that reaches the platform (memory-only unless the Electron layer gives a keychain-backed one).
  const deps: HandlerDeps = { ...given, platformCredentials: given.platformCredentials ?? new PlatformCredentialStore(given.dataDir, null, (p) => given.logger?.warn(p)) };
  return {
    ...sessionHandlers(deps),
    ...setupHandlers(deps),
    ...configsHandlers(deps),
    ...monitoringHandlers(deps),
    ...readinessHandlers(deps),
    ...exportHandlers(deps),
    ...settingsHandlers(deps),
    ...ssoHandlers(deps),
    ...platformHandlers(deps),
    ...orgHandlers(deps),
  };
}

/** A ready-to-use invoke function: validate, run, and wrap the result. */
export function createInvoker(deps: HandlerDeps): (channel: unknown, payload: unknown) => Promise<IpcResult<unknown>> {
  const table = createHandlers(deps);
  return (channel, payload) => dispatch(table, channel, payload);
}
