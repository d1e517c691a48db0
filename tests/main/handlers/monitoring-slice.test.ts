/**
 * The monitoring handler slice is typed against the usage, alarms, topics and dashboard channel lists:
 * a channel missing from it or an extra one fails the build (`tsc -b` checks the @ts-expect-error lines below), and at run time the
 * slice has exactly the channels of its list.
 */
import { describe, expect, it } from 'vitest';
import { monitoringHandlers, type MonitoringChannel } from '../../../main/handlers/monitoring';
import type { HandlerSlice } from '../../../main/handlers/types';
import { alarmsContract } from '../../../shared/contract/alarms';
import { ALARMS_CHANNELS } from '../../../shared/contract/alarms.channels';
import { dashboardContract } from '../../../shared/contract/dashboard';
import { DASHBOARD_CHANNELS } from '../../../shared/contract/dashboard.channels';
import { topicsContract } from '../../../shared/contract/topics';
import { TOPICS_CHANNELS } from '../../../shared/contract/topics.channels';
import { usageContract } from '../../../shared/contract/usage';
import { USAGE_CHANNELS } from '../../../shared/contract/usage.channels';

const MONITORING_CHANNELS = [...USAGE_CHANNELS, ...ALARMS_CHANNELS, ...TOPICS_CHANNELS, ...DASHBOARD_CHANNELS];
const monitoringContract = { ...usageContract, ...alarmsContract, ...topicsContract, ...dashboardContract };
import { createRuns } from '../../../main/core/app/runs';

type Slice = HandlerSlice<MonitoringChannel>;

/** Compile-time only: each assignment below must be refused by the type checker. */
export function typeChecks(full: Slice): Slice[] {
  const { 'alarms:delete': _dropped, ...missing } = full;
  return [
    // @ts-expect-error a slice without one of its channels is refused
    missing,
    // @ts-expect-error an extra channel is refused
    { ...full, 'alarms:extra': async () => null },
  ];
}

describe('monitoring handler slice', () => {
  it('has exactly the channels of its four lists, and the contract has an entry for each', () => {
    const slice = monitoringHandlers({ env: {}, dataDir: '/nonexistent', store: null as never, session: null as never, runs: createRuns() });
    expect(Object.keys(slice).sort()).toEqual([...MONITORING_CHANNELS].sort());
    expect(Object.keys(monitoringContract).sort()).toEqual([...MONITORING_CHANNELS].sort());
  });
});
