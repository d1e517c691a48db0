/** Channels of the usage domain: metric history, usage classes, vCPU quota, request count (kept free of zod: the preload builds its API from these names). */
export const USAGE_CHANNELS = ['usage:history', 'usage:classes', 'usage:quota', 'usage:requests'] as const;
