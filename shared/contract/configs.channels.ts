/** Channels of the configs domain: the locally saved Cloud Configurations (kept free of zod: the preload builds its API from these names). */
export const CONFIGS_CHANNELS = ['configs:list', 'configs:forget'] as const;
