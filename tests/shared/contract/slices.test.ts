import { describe, expect, it } from 'vitest';
import { createHandlers, createSessionHolder } from '../../../main/handlers';
import { CHANNELS, contract } from '../../../shared/contract';
import { budgetsContract } from '../../../shared/contract/budgets';
import { BUDGETS_CHANNELS } from '../../../shared/contract/budgets-channels';
import { costContract } from '../../../shared/contract/cost';
import { COST_CHANNELS } from '../../../shared/contract/cost-channels';
import { exportContract } from '../../../shared/contract/export';
import { EXPORT_CHANNELS } from '../../../shared/contract/export-channels';
import { monitoringContract } from '../../../shared/contract/monitoring';
import { MONITORING_CHANNELS } from '../../../shared/contract/monitoring-channels';
import { platformContract } from '../../../shared/contract/platform';
import { PLATFORM_CHANNELS } from '../../../shared/contract/platform-channels';
import { readinessContract } from '../../../shared/contract/readiness';
import { READINESS_CHANNELS } from '../../../shared/contract/readiness-channels';
import { settingsContract } from '../../../shared/contract/settings';
import { SETTINGS_CHANNELS } from '../../../shared/contract/settings-channels';
import { ssoContract } from '../../../shared/contract/sso';
import { SSO_CHANNELS } from '../../../shared/contract/sso-channels';

// Each domain's contract slice is typed against its own channel list (`satisfies Record<List, …>`), so
// an extra or a missing entry fails the build; at run time the slices, the whole contract and the
// handler table hold exactly the channels the lists name.

describe('contract slices and the handler table', () => {
  it.each([
    ['budgets', budgetsContract, BUDGETS_CHANNELS],
    ['cost', costContract, COST_CHANNELS],
    ['export', exportContract, EXPORT_CHANNELS],
    ['monitoring', monitoringContract, MONITORING_CHANNELS],
    ['platform', platformContract, PLATFORM_CHANNELS],
    ['readiness', readinessContract, READINESS_CHANNELS],
    ['settings', settingsContract, SETTINGS_CHANNELS],
    ['sso', ssoContract, SSO_CHANNELS],
  ] as const)('%s: exactly its channel list', (_domain, slice, channels) => {
    expect(Object.keys(slice).sort()).toEqual([...channels].sort());
  });

  it('the contract and the handler table have exactly the channels, each documented', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNELS].sort());
    expect(new Set(CHANNELS).size).toBe(CHANNELS.length);
    for (const c of CHANNELS) expect(contract[c].doc.length, c).toBeGreaterThan(10);
    const table = createHandlers({ env: {}, dataDir: '/nonexistent', store: null as never, session: createSessionHolder() });
    expect(Object.keys(table).sort()).toEqual([...CHANNELS].sort());
  });
});
