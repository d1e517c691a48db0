/** Channels of the watch domain: the background watcher's status, settings and pause (kept free of zod: the preload builds its API from these names). */
export const WATCH_CHANNELS = ['watch:status', 'watch:update', 'watch:pause'] as const;

/**
 * The one message main sends the window without being asked: a desktop notification was clicked,
 * open this screen. The preload passes on only a name from WATCH_NAVIGATE_SCREENS.
 */
export const WATCH_NAVIGATE_EVENT = 'watch:navigate';
/** The screens a notification may open. */
export const WATCH_NAVIGATE_SCREENS = ['dashboard', 'cost', 'configurations', 'connect'] as const;
