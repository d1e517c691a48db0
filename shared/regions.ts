/** The regions the Bodo Platform supports; bucket, table and alarms always live in one of them. */
export const SUPPORTED_REGIONS = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2'] as const;

/** One of the platform's supported regions. */
export type SupportedRegion = (typeof SUPPORTED_REGIONS)[number];

/** True when `value` names a supported region. */
export function isSupportedRegion(value: unknown): value is SupportedRegion {
  return typeof value === 'string' && (SUPPORTED_REGIONS as readonly string[]).includes(value);
}
