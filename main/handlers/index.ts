import type { IpcResult } from '../../shared/contract';
import { dispatch } from './dispatch';
import { budgetsHandlers } from './budgets';
import { configsHandlers } from './configs';
import { costHandlers } from './cost';
import { exportHandlers } from './export';
import { monitoringHandlers } from './monitoring';
import { orgHandlers } from './org';
import { platformHandlers } from './platform';
import { readinessHandlers } from './readiness';
import { sessionHandlers } from './session';
import { settingsHandlers } from './settings';
import { runsHandlers } from './runs';
import { watchHandlers } from './watch';
import { setupHandlers } from './setup';
import { ssoHandlers } from './sso';
import { createRuns } from '../core/app/runs';
import type { HandlerDeps, HandlerTable, RunningDeps } from './types';
import { PlatformCredentialStore } from '../core/platform/credential-store';

export type { AppRuns, HandlerDeps, HandlerTable } from './types';
export { createSessionHolder } from './session-holder';

/**
 * The full handler table, one slice per domain, sharing one set of runs (so runs:progress finds what
 * any slice started). Electron-free: the app, the e2e harness and tests share it.
 */
export function createHandlers(options: HandlerDeps): HandlerTable {
  const deps: RunningDeps = {
    ...options,
    runs: options.runs ?? createRuns({ now: options.now }),
    // One platform credential store for every slice that reaches the platform (memory-only unless the Electron layer gives a keychain-backed one).
    platformCredentials: options.platformCredentials ?? new PlatformCredentialStore(options.dataDir, null, (p) => options.logger?.warn(p)),
  };
  return {
    ...runsHandlers(deps),
    ...sessionHandlers(deps),
    ...setupHandlers(deps),
    ...configsHandlers(deps),
    ...monitoringHandlers(deps),
    ...readinessHandlers(deps),
    ...exportHandlers(deps),
    ...settingsHandlers(deps),
    ...ssoHandlers(deps),
    ...platformHandlers(deps),
    ...costHandlers(deps),
    ...budgetsHandlers(deps),
    ...orgHandlers(deps),
    ...watchHandlers(deps),
  };
}

/** A ready-to-use invoke function: validate, run, and wrap the result. */
export function createInvoker(deps: HandlerDeps): (channel: unknown, payload: unknown) => Promise<IpcResult<unknown>> {
  const table = createHandlers(deps);
  return (channel, payload) => dispatch(table, channel, payload);
}
