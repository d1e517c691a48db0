/**
 * The monitoring handler slice is typed against MONITORING_CHANNELS: a channel missing from it or an
 * extra one fails the build (`tsc -b` checks the @ts-expect-error lines below), and at run time the
 * slice has exactly the channels of its list.
 */
import { describe, expect, it } from 'vitest';
import { monitoringHandlers } from '../../../main/handlers/monitoring';
import type { HandlerSlice } from '../../../main/handlers/types';
import { MONITORING_CHANNELS } from '../../../shared/contract/monitoring-channels';
import { monitoringContract } from '../../../shared/contract/monitoring';
import { createRuns } from '../../../main/core/app/runs';

type Slice = HandlerSlice<(typeof MONITORING_CHANNELS)[number]>;

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
  it('has exactly the channels of MONITORING_CHANNELS, and the contract has an entry for each', () => {
    const slice = monitoringHandlers({ env: {}, dataDir: '/nonexistent', store: null as never, session: null as never, runs: createRuns() });
    expect(Object.keys(slice).sort()).toEqual([...MONITORING_CHANNELS].sort());
    expect(Object.keys(monitoringContract).sort()).toEqual([...MONITORING_CHANNELS].sort());
  });
});
