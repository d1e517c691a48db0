import type { ORG_CHANNELS } from '../../shared/contract/org.channels';
import type { OrgRolloutInput, OrgRolloutSummary } from '../../shared/contract/org';
import { AppError } from '../../shared/errors';
import { createPlatformClient, PlatformCredentialStore, resolvePlatformUrls, type CloudConfigApi } from '../core/platform';
import { SettingsStore } from '../core/settings/settings-store';
import type { HandlerSlice, RunningDeps } from './types';

// The roll-out core (and its CloudFormation and Organizations clients) loads on first use.
const core = async () => {
  const [rollout, plan, apply, status, destroy, dashboard, seeds, register] = await Promise.all([
    import('../core/org/rollout'),
    import('../core/org/plan'),
    import('../core/org/apply'),
    import('../core/org/status'),
    import('../core/org/destroy'),
    import('../core/org/dashboard'),
    import('../core/org/seeds'),
    import('../core/org/register'),
  ]);
  return { ...rollout, ...plan, ...apply, ...status, ...destroy, ...dashboard, ...seeds, ...register };
};

/** Why an apply does not register its accounts: no platform API token is stored in the app. */
export const REGISTER_SKIPPED = 'no Bodo Platform API token is saved in Onramp (Settings → Bodo Platform): save one and apply again to register each account';

/**
 * Organization roll-outs: list, plan, status and the dashboard over every account (adapters over
 * core/org); apply and destroy are runs (kinds org-apply, org-destroy: one item per account), as
 * `onramp org apply|destroy` runs them.
 */
export function orgHandlers(deps: RunningDeps): HandlerSlice<(typeof ORG_CHANNELS)[number]> {
  const aws = () => deps.session.require().aws;
  const now = deps.now ?? Date.now;
  const follow = deps.org?.pollMs === undefined ? undefined : { pollMs: deps.org.pollMs };
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
    'org:apply': async ({ consentTrustedAccess, ...input }) => {
      const conn = aws();
      const rolloutInput: OrgRolloutInput = input;
      const { runId } = deps.runs.start({
        kind: 'org-apply',
        subject: input.name,
        fields: {},
        // Planned again here, as `onramp org apply` does: the run applies what AWS holds now, and refuses a plan with conflicts.
        work: async (run) => {
          const c = await core();
          run.step({ id: 'plan', label: 'Plan: read the organization and look inside each account', state: 'running', detail: null });
          const rollout = await c.openRollout(conn, rolloutInput, new c.SeedStore(deps.dataDir, now));
          const plan = await c.planRollout(rollout, rolloutInput, { saved: await deps.store.list(), signal: run.signal });
          run.step({ id: 'plan', label: 'Plan: read the organization and look inside each account', state: 'done', detail: `${plan.accounts.length} account${plan.accounts.length === 1 ? '' : 's'}` });
          const api = await platform();
          return c.applyRollout(rollout, rolloutInput, plan, {
            step: run.step,
            item: run.item,
            signal: run.signal,
            follow,
            consentTrustedAccess,
            register: api ? c.platformRegistrar(api, now) : null,
            registerSkipped: REGISTER_SKIPPED,
          });
        },
      });
      return { runId };
    },
    'org:status': async ({ name, region, accounts, drift, verify }) => {
      const c = await core();
      const rollout = await c.openExisting(aws(), name, region);
      return c.rolloutStatus(rollout, { drift, verify, accounts, platform: await platform(), follow });
    },
    'org:destroy': async ({ name, region, accounts, confirmation }) => {
      if (confirmation.trim() !== name) {
        throw new AppError('InvalidInput', `Type the roll-out's name ("${name}") to confirm removing it.`, 'confirmation');
      }
      const c = await core();
      // Opened before the run starts: a roll-out that does not exist is this request's error, not a run's.
      const rollout = await c.openExisting(aws(), name, region);
      const { runId } = deps.runs.start({
        kind: 'org-destroy',
        subject: name,
        fields: {},
        work: (run) => c.destroyRollout(rollout, { step: run.step, item: run.item, signal: run.signal, follow, accounts, seeds: new c.SeedStore(deps.dataDir, now) }),
      });
      return { runId };
    },
    'org:dashboard': async ({ name, region, usageClass }) => {
      const c = await core();
      return c.orgDashboard(await c.openExisting(aws(), name, region), { usageClass, now: now() });
    },
  };
}
