/** Channels of the profiles domain (kept free of zod: the preload builds its API from these names). */
export const PROFILES_CHANNELS = ['profiles:list'] as const;
