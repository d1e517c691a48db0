// The test tiers: which test file runs in which Vitest project. Read by vitest.config.mts, by the
// tier-times reporter and by tests/scripts/test-tiers.test.ts, which fails when a file that uses moto
// is not in a tier that shares moto servers. A new file needs no config change: its folder or its name
// places it.
//
//   unit       every other *.test.ts(x)          pure logic, jsdom components, fakes, local files, the CLI without AWS
//   moto       tests/**/*.moto.test.ts(x)        anything else that talks to a moto server (useMoto)
//   e2e        tests/e2e/**, tests/electron/**   the built renderer in Chromium (or the real Electron app), against moto
//   packaging  tests/packaging/**, tests/lint/**  the tools around the code: npm pack and start, electron-builder,
//                                                 CI's strictness, ESLint's type-aware run over the project

const TEST = '*.test.{ts,tsx}';
const E2E = [`tests/e2e/**/${TEST}`, `tests/electron/**/${TEST}`];
const PACKAGING = [`tests/packaging/**/${TEST}`, `tests/lint/**/${TEST}`];
const MOTO = [`tests/**/*.moto.test.{ts,tsx}`];
const NEVER = ['tests/bench/**', '**/node_modules/**'];

/** Include and exclude globs (relative to the repository root) of each tier, in the order npm test runs them. */
export const TIERS = {
  unit: { include: [`tests/**/${TEST}`], exclude: [...NEVER, ...E2E, ...PACKAGING, ...MOTO] },
  moto: { include: MOTO, exclude: [...NEVER, ...E2E, ...PACKAGING] },
  e2e: { include: E2E, exclude: NEVER },
  packaging: { include: PACKAGING, exclude: NEVER },
};

/** The tier names, in the order `npm test` runs them. */
export const TIER_NAMES = /** @type {Array<keyof typeof TIERS>} */ (Object.keys(TIERS));

/** The tiers whose tests may use a moto server (their global setup shares one per worker slot). */
export const MOTO_TIERS = ['moto', 'e2e'];
