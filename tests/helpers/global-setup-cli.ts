import type { TestProject } from 'vitest/node';
import { buildTestCli, TEST_CLI } from './cli-build';

/** Global setup of the tiers that run the `onramp` CLI as a process: bundle it once, from the sources as they are. */
export default async function bundleCliOnce(project: TestProject): Promise<void> {
  await buildTestCli();
  project.provide('onrampCliEntry', TEST_CLI);
}
