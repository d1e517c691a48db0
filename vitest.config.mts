import { availableParallelism } from 'node:os';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { TIERS, type TierName } from './scripts/test-tiers.mjs';

// The suite in four tiers (scripts/test-tiers.mjs says which file goes where), each runnable alone:
// `npm run test:unit` (seconds), `test:moto`, `test:e2e`, `test:packaging`; `npm test` runs them all.

// In CI a missing test tool (moto, Chromium, terraform, …) fails the run before any test.
const CHECK_TOOLS = 'tests/helpers/global-setup.ts';
// One moto server (and, for e2e, one Chromium) per worker slot for the whole run (tests/helpers/slot-servers.ts).
const SHARE_SERVERS = 'tests/helpers/global-setup-servers.ts';
// The `onramp` CLI the tests run as a process: bundled once per run from the current sources.
const BUNDLE_CLI = 'tests/helpers/global-setup-cli.ts';
// The built renderer the browser tests load, rebuilt only when its sources changed.
const BUILD_RENDERER = 'tests/helpers/global-setup-renderer.ts';

/** One tier as a Vitest project: its files, and the global setups its tests need. */
function tier(name: TierName, globalSetup: string[]): TestProjectInlineConfiguration {
  return {
    test: {
      name,
      include: TIERS[name].include,
      exclude: TIERS[name].exclude,
      globalSetup: [CHECK_TOOLS, ...globalSetup],
      environment: 'node',
      testTimeout: 60_000,
      hookTimeout: 60_000,
      // expect.poll gives up after 1 s by default, too soon on a busy machine; it returns as soon as the
      // expectation holds, so the longer limit only delays the report of a real failure.
      expect: { poll: { timeout: 15_000 } },
      pool: 'forks',
      env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      setupFiles: ['tests/helpers/setup-env.ts'],
    },
  };
}

export default defineConfig({
  test: {
    // One test file per core plus one: most files spend part of their time waiting on moto, a browser
    // or a CLI process, so with one per core a 2-core machine stays about a third idle (measured: 14 min
    // with two workers, 12.5 with three; four were slower again). `--maxWorkers=N` overrides it.
    maxWorkers: availableParallelism() + 1,
    // The usual report, then the time each tier took.
    reporters: ['default', './tests/helpers/tier-times-reporter.ts'],
    projects: [
      tier('unit', [BUNDLE_CLI]),
      tier('moto', [BUNDLE_CLI, SHARE_SERVERS]),
      tier('e2e', [SHARE_SERVERS, BUILD_RENDERER]),
      tier('packaging', []),
    ],
  },
});
