/** Channels of the setup domain: the Cloud Configuration in AWS (kept free of zod: the preload builds its API from these names). */
export const SETUP_CHANNELS = ['setup:plan', 'setup:apply', 'setup:verify', 'setup:destroy', 'setup:interrupted', 'setup:resolve-interrupted'] as const;
