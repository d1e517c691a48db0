/** Channels of the alarms domain (kept free of zod: the preload builds its API from these names). */
export const ALARMS_CHANNELS = ['alarms:list', 'alarms:create', 'alarms:delete-plan', 'alarms:delete', 'alarms:test-notification'] as const;
