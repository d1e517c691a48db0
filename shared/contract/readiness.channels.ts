/** Channels of the account readiness: permission preflight and limits per region domain. */
export const READINESS_CHANNELS = ['readiness:check', 'readiness:permissions'] as const;
