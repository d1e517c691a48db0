/** Channels of the settings domain: the user's preferences (kept free of zod: the preload builds its API from these names). */
export const SETTINGS_CHANNELS = ['settings:get', 'settings:update'] as const;
