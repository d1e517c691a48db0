import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where Onramp keeps its own files (saved configurations, settings, caches, logs) when not run by
 * Electron: ONRAMP_DATA_DIR, else the platform's usual per-user application-data folder.
 * The Electron layer passes app.getPath('userData') instead. Never inside ~/.aws.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  if (env.ONRAMP_DATA_DIR) return env.ONRAMP_DATA_DIR;
  const home = env.HOME || homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Onramp');
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'Onramp');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'Onramp');
}
