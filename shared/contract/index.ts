import type { z } from 'zod';
import type { AppErrorShape } from '../errors';
import type { Channel } from './channels';
import type { ContractEntry } from './entry';
import { alarmsContract } from './alarms';
import { budgetsContract } from './budgets';
import { configsContract } from './configs';
import { costContract } from './cost';
import { dashboardContract } from './dashboard';
import { diagnosticsContract } from './diagnostics';
import { exportContract } from './export';
import { orgContract } from './org';
import { platformContract } from './platform';
import { profilesContract } from './profiles';
import { readinessContract } from './readiness';
import { runsContract } from './runs';
import { sessionContract } from './session';
import { settingsContract } from './settings';
import { setupContract } from './setup';
import { ssoContract } from './sso';
import { topicsContract } from './topics';
import { usageContract } from './usage';
import { watchContract } from './watch';

export * from './channels';

export type { ContractEntry } from './entry';

/** The IPC contract: every channel with its request and response schema, one domain (file) at a time. */
export const contract = {
  ...runsContract,
  ...profilesContract,
  ...sessionContract,
  ...setupContract,
  ...configsContract,
  ...usageContract,
  ...alarmsContract,
  ...topicsContract,
  ...dashboardContract,
  ...readinessContract,
  ...exportContract,
  ...settingsContract,
  ...diagnosticsContract,
  ...ssoContract,
  ...platformContract,
  ...costContract,
  ...budgetsContract,
  ...orgContract,
  ...watchContract,
} satisfies Record<Channel, ContractEntry>;

/** The request type of a channel. */
export type RequestOf<C extends Channel> = z.input<(typeof contract)[C]['request']>;
/** The response type of a channel. */
export type ResponseOf<C extends Channel> = z.output<(typeof contract)[C]['response']>;

/** What every IPC call resolves to: a value or a typed error, never a thrown SDK error. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
