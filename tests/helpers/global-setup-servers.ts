import type { TestProject } from 'vitest/node';
import { openSlotBroker } from './slot-servers';

/**
 * Global setup of the tiers whose tests use moto or a browser: opens the run's broker of per-slot
 * servers (one moto server, one Chromium per worker slot, each started on first use; see
 * ./slot-servers.ts) and tells the test files where it is.
 */
export default async function shareSlotServers(project: TestProject): Promise<() => Promise<void>> {
  const broker = await openSlotBroker();
  project.provide('onrampSlotBroker', broker.url);
  return async () => {
    const served = await broker.close();
    if (served) console.log(`[test servers] ${served}`);
  };
}
