/** Channels of the settings and diagnostics domain: user preferences and the "Copy diagnostics" report. */
export const SETTINGS_CHANNELS = ['settings:get', 'settings:update', 'diagnostics:get'] as const;
