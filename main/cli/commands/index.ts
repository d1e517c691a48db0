import type { CommandEntry } from './entry';
import { configurationCommands } from './configurations';
import { costCommands } from './cost';
import { exportCommands } from './export';
import { monitoringCommands } from './monitoring';
import { orgCommands } from './org';
import { profileCommands } from './profiles';
import { platformCommands } from './platform';
import { readinessCommands } from './readiness';
import { setupCommands } from './setup';
import { ssoCommands } from './sso';
import { watchCommands } from './watch';

export type { Command, CommandEntry } from './entry';

/** Every command by its words (`setup plan`, `alarm create`, …). */
export const COMMANDS: Record<string, CommandEntry> = {
  ...profileCommands,
  ...ssoCommands,
  ...setupCommands,
  ...configurationCommands,
  ...readinessCommands,
  ...monitoringCommands,
  ...exportCommands,
  ...platformCommands,
  ...costCommands,
  ...orgCommands,
  ...watchCommands,
};
