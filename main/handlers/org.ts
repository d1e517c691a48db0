import type { ORG_CHANNELS } from '../../shared/contract/org.channels';
import type { OrgRolloutSummary } from '../../shared/contract/org';
import { createPlatformClient, PlatformCredentialStore, resolvePlatformUrls, type CloudConfigApi } from '../core/platform';
import { SettingsStore } from '../core/settings/settings-store';
import type { HandlerDeps, HandlerSlice } from './types';

// The roll-out core (and its CloudFormation and Organizations clients) loads on first use.
const core = async () => {
  const [rollout, plan, status, dashboard, seeds] = await Promise.all([
    import('../core/org/rollout'),
    import('../core/org/plan'),
    import('../core/org/status'),
    import('../core/org/dashboard'),
    import('../core/org/seeds'),
  ]);
  return { ...rollout, ...plan, ...status, ...dashboard, ...seeds };
};

/** Organization roll-outs: list, plan, status and the dashboard over every account (adapters over core/org). */
export function orgHandlers(deps: HandlerDeps): HandlerSlice<(typeof ORG_CHANNELS)[number]> {
  const aws = () => deps.session.require().aws;
  const now = deps.now ?? Date.now;
  /** The platform's API with the stored token, or null when none is stored (registrations then show as not asked). */
  async function platform(): Promise<CloudConfigApi | null> {
    const store = deps.platformCredentials ?? new PlatformCredentialStore(deps.dataDir, null);
    const creds = await store.get();
    if (!creds) return null;
    const urls = resolvePlatformUrls(deps.env, await (deps.settings ?? new SettingsStore(deps.dataDir)).get());
    return createPlatformClient({ urls, credentials: async () => creds, now }).configs;
  }
  return {
    'org:list': async ({ region }) => {
      const { findRollouts } = await core();
      return (await findRollouts(aws(), region)).map(
        (r): OrgRolloutSummary => ({
          name: r.description.name,
          region: r.description.region,
          stackSet: r.scope.name,
          autoDeploy: r.stackSet?.autoDeploy ?? false,
          bucketPattern: r.description.bucketPattern,
          tableName: r.description.tableName,
          roleName: r.description.roleName,
        }),
      );
    },
    'org:plan': async (input) => {
      const c = await core();
      const rollout = await c.openRollout(aws(), input, new c.SeedStore(deps.dataDir, now));
      return c.planRollout(rollout, input, { saved: await deps.store.list() });
    },
    'org:status': async ({ name, region, accounts, drift, verify }) => {
      const c = await core();
      const rollout = await c.openExisting(aws(), name, region);
      return c.rolloutStatus(rollout, { drift, verify, accounts, platform: await platform() });
    },
    'org:dashboard': async ({ name, region, usageClass }) => {
      const c = await core();
      return c.orgDashboard(await c.openExisting(aws(), name, region), { usageClass, now: now() });
    },
  };
}
