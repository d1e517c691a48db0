/** Channels of the session domain: the connected identity (kept free of zod: the preload builds its API from these names). */
export const SESSION_CHANNELS = ['session:connect', 'session:current', 'session:disconnect', 'session:connect-keys', 'session:save-profile'] as const;
