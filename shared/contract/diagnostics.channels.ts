/** Channels of the diagnostics domain: the "Copy diagnostics" report (kept free of zod: the preload builds its API from these names). */
export const DIAGNOSTICS_CHANNELS = ['diagnostics:get'] as const;
