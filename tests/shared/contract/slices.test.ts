import { describe, expect, it } from 'vitest';
import { createHandlers, createSessionHolder } from '../../../main/handlers';
import { CHANNELS, contract } from '../../../shared/contract';
import { alarmsContract } from '../../../shared/contract/alarms';
import { ALARMS_CHANNELS } from '../../../shared/contract/alarms.channels';
import { configsContract } from '../../../shared/contract/configs';
import { CONFIGS_CHANNELS } from '../../../shared/contract/configs.channels';
import { dashboardContract } from '../../../shared/contract/dashboard';
import { DASHBOARD_CHANNELS } from '../../../shared/contract/dashboard.channels';
import { diagnosticsContract } from '../../../shared/contract/diagnostics';
import { DIAGNOSTICS_CHANNELS } from '../../../shared/contract/diagnostics.channels';
import { budgetsContract } from '../../../shared/contract/budgets';
import { BUDGETS_CHANNELS } from '../../../shared/contract/budgets.channels';
import { costContract } from '../../../shared/contract/cost';
import { COST_CHANNELS } from '../../../shared/contract/cost.channels';
import { exportContract } from '../../../shared/contract/export';
import { EXPORT_CHANNELS } from '../../../shared/contract/export.channels';
import { orgContract } from '../../../shared/contract/org';
import { ORG_CHANNELS } from '../../../shared/contract/org.channels';
import { platformContract } from '../../../shared/contract/platform';
import { PLATFORM_CHANNELS } from '../../../shared/contract/platform.channels';
import { profilesContract } from '../../../shared/contract/profiles';
import { PROFILES_CHANNELS } from '../../../shared/contract/profiles.channels';
import { readinessContract } from '../../../shared/contract/readiness';
import { READINESS_CHANNELS } from '../../../shared/contract/readiness.channels';
import { runsContract } from '../../../shared/contract/runs';
import { RUNS_CHANNELS } from '../../../shared/contract/runs.channels';
import { sessionContract } from '../../../shared/contract/session';
import { SESSION_CHANNELS } from '../../../shared/contract/session.channels';
import { settingsContract } from '../../../shared/contract/settings';
import { SETTINGS_CHANNELS } from '../../../shared/contract/settings.channels';
import { setupContract } from '../../../shared/contract/setup';
import { SETUP_CHANNELS } from '../../../shared/contract/setup.channels';
import { ssoContract } from '../../../shared/contract/sso';
import { SSO_CHANNELS } from '../../../shared/contract/sso.channels';
import { topicsContract } from '../../../shared/contract/topics';
import { TOPICS_CHANNELS } from '../../../shared/contract/topics.channels';
import { usageContract } from '../../../shared/contract/usage';
import { USAGE_CHANNELS } from '../../../shared/contract/usage.channels';
import { watchContract } from '../../../shared/contract/watch';
import { WATCH_CHANNELS } from '../../../shared/contract/watch.channels';

// Each domain's contract slice is typed against its own channel list (`satisfies Record<List, …>`), so
// an extra or a missing entry fails the build; at run time the slices, the whole contract and the
// handler table hold exactly the channels the lists name.

describe('contract slices and the handler table', () => {
  it.each([
    ['runs', runsContract, RUNS_CHANNELS],
    ['profiles', profilesContract, PROFILES_CHANNELS],
    ['session', sessionContract, SESSION_CHANNELS],
    ['setup', setupContract, SETUP_CHANNELS],
    ['configs', configsContract, CONFIGS_CHANNELS],
    ['usage', usageContract, USAGE_CHANNELS],
    ['alarms', alarmsContract, ALARMS_CHANNELS],
    ['topics', topicsContract, TOPICS_CHANNELS],
    ['dashboard', dashboardContract, DASHBOARD_CHANNELS],
    ['cost', costContract, COST_CHANNELS],
    ['budgets', budgetsContract, BUDGETS_CHANNELS],
    ['readiness', readinessContract, READINESS_CHANNELS],
    ['export', exportContract, EXPORT_CHANNELS],
    ['settings', settingsContract, SETTINGS_CHANNELS],
    ['diagnostics', diagnosticsContract, DIAGNOSTICS_CHANNELS],
    ['sso', ssoContract, SSO_CHANNELS],
    ['platform', platformContract, PLATFORM_CHANNELS],
    ['org', orgContract, ORG_CHANNELS],
    ['watch', watchContract, WATCH_CHANNELS],
  ] as const)('%s: exactly its channel list, each named by the domain', (domain, slice, channels) => {
    expect(Object.keys(slice).sort()).toEqual([...channels].sort());
    for (const c of channels) expect(c.startsWith(`${domain}:`), c).toBe(true);
  });

  it('the contract and the handler table have exactly the channels, each documented', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNELS].sort());
    expect(new Set(CHANNELS).size).toBe(CHANNELS.length);
    for (const c of CHANNELS) expect(contract[c].doc.length, c).toBeGreaterThan(10);
    const table = createHandlers({ env: {}, dataDir: '/nonexistent', store: null as never, session: createSessionHolder() });
    expect(Object.keys(table).sort()).toEqual([...CHANNELS].sort());
  });
});
