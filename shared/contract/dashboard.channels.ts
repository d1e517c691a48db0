/** Channels of the dashboard domain (kept free of zod: the preload builds its API from these names). */
export const DASHBOARD_CHANNELS = ['dashboard:summary'] as const;
