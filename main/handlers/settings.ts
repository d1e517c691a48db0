import { arch, platform, release } from 'node:os';
import { RegionSchema } from '../../shared/contract/common';
import type { DIAGNOSTICS_CHANNELS } from '../../shared/contract/diagnostics.channels';
import type { SETTINGS_CHANNELS } from '../../shared/contract/settings.channels';
import { buildDiagnostics } from '../core/diagnostics/diagnostics';
import type { Logger } from '../core/logging/logger';
import { SettingsStore } from '../core/settings/settings-store';
import type { HandlerDeps, HandlerSlice, HandlerTable } from './types';

/** Settings and the diagnostics report. */
export function settingsHandlers(deps: HandlerDeps): HandlerSlice<(typeof SETTINGS_CHANNELS | typeof DIAGNOSTICS_CHANNELS)[number]> {
  // Without a store from the caller (tests, the e2e harness), settings live in the data folder.
  let own: SettingsStore | null = null;
  const store = () => deps.settings ?? (own ??= new SettingsStore(deps.dataDir, (p) => deps.logger?.warn(p)));
  return {
    'settings:get': () => store().get(),
    'settings:update': (patch) => store().update(patch),
    'diagnostics:get': async () =>
      buildDiagnostics({
        app: deps.appInfo ?? { name: 'Onramp', version: 'unknown' },
        versions: process.versions,
        os: { platform: platform(), release: release(), arch: arch() },
        settings: await store().get(),
        endpointUrl: deps.session.current()?.info.endpointUrl ?? deps.env.AWS_ENDPOINT_URL ?? null,
        recentErrors: deps.logger?.recentErrors() ?? [],
      }),
  };
}

/**
 * The same table, but a successful `session:connect` also saves its profile and region as the
 * "last used" settings (best effort: a failed save is logged, never fails the connect).
 */
export function rememberLastSession(table: HandlerTable, store: SettingsStore, logger?: Logger): HandlerTable {
  const connect = table['session:connect'];
  return {
    ...table,
    'session:connect': async (request) => {
      const info = await connect(request);
      const region = RegionSchema.safeParse(info.region);
      await store
        .update({ lastProfile: info.profile, ...(region.success ? { lastRegion: region.data } : {}) })
        .catch((err: unknown) => logger?.warn(`Could not save the last profile: ${(err as Error).message}`));
      return info;
    },
  };
}
