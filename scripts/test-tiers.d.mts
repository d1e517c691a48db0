// Types for scripts/test-tiers.mjs (imported by vitest.config.mts and the tests).
export type TierName = 'unit' | 'moto' | 'e2e' | 'packaging';
/** Include and exclude globs (relative to the repository root) of each tier, in the order npm test runs them. */
export declare const TIERS: Record<TierName, { include: string[]; exclude: string[] }>;
/** The tier names, in the order `npm test` runs them. */
export declare const TIER_NAMES: TierName[];
/** The tiers whose tests may use a moto server (their global setup shares one per worker slot). */
export declare const MOTO_TIERS: TierName[];
