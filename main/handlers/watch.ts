import type { WATCH_CHANNELS } from '../../shared/contract/watch.channels';
import { createAppWatch, type AppWatch } from '../core/watch/app-watch';
import { tomorrowAt } from '../../shared/watch/pause';
import { SettingsStore } from '../core/settings/settings-store';
import type { HandlerSlice, RunningDeps } from './types';

/**
 * The background watcher's status, settings and pause. The app's watcher (built by the composition
 * root and started by the Electron layer) answers; without one (tests), a watcher that was never
 * started answers the same questions.
 */
export function watchHandlers(deps: RunningDeps): HandlerSlice<(typeof WATCH_CHANNELS)[number]> {
  let own: AppWatch | null = null;
  const watch = () =>
    deps.watch ??
    (own ??= createAppWatch({
      env: deps.env,
      dataDir: deps.dataDir,
      settings: deps.settings ?? new SettingsStore(deps.dataDir, (p) => deps.logger?.warn(p)),
      session: deps.session,
      store: deps.store,
      runs: deps.runs,
      logger: deps.logger,
    }));
  const now = () => (deps.now ?? Date.now)();
  return {
    'watch:status': () => watch().status(),
    'watch:update': (patch) => watch().update(patch),
    'watch:pause': (request) => {
      switch (request.for) {
        case 'hour':
          return watch().pause(now() + 3_600_000);
        case 'tomorrow':
          return watch().pause(tomorrowAt(now()));
        case 'resume':
          return watch().pause(null);
      }
    },
  };
}
