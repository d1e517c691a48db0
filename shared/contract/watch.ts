/**
 * The background watcher as the window sees it: whether it watches (and why), the last pass, the
 * next one, pause, and its settings (which changes notify, quiet hours, start at login). The watcher
 * itself runs in main whether or not a window is open; its passes are runs of kind `watch-pass`.
 */
import { z } from 'zod';
import { EmptySchema } from './common';
import type { ContractEntry } from './entry';
import type { WATCH_CHANNELS } from './watch.channels';
import { WatchSummarySchema } from '../watch/events';
import { WatchSettingsSchema } from '../watch/settings';

/** Where the watcher stands. */
export const WatchStatusSchema = z.object({
  /** True while the app watches (and keeps running with its window closed). */
  watching: z.boolean(),
  /** Why it watches or not, in words. */
  reason: z.string(),
  /** The profile watched, or null when none is known yet. */
  profile: z.string().nullable(),
  pausedUntil: z.number().nullable(),
  nextAt: z.number().nullable(),
  /** The last pass's summary, or null before the first. */
  last: WatchSummarySchema.nullable(),
  /** The pass in flight (a run of kind watch-pass), or null. */
  runId: z.string().nullable(),
  settings: WatchSettingsSchema,
  /** Start at login: how it is done here, and what the system still needs (macOS approval), or null before it was set. */
  startAtLogin: z.object({ method: z.enum(['login-items', 'xdg-autostart']), note: z.string().nullable() }).nullable(),
});
/** Where the watcher stands. */
export type WatchStatus = z.infer<typeof WatchStatusSchema>;

/** A change of the watcher's settings: only the fields given change. */
export const WatchUpdateSchema = WatchSettingsSchema.partial().strict();
/** A change of the watcher's settings. */
export type WatchUpdate = z.infer<typeof WatchUpdateSchema>;

/** Pause for an hour, until tomorrow (local midnight), or resume. */
export const WatchPauseSchema = z.object({ for: z.enum(['hour', 'tomorrow', 'resume']) }).strict();

/** Contract entries for the watch channels. */
export const watchContract = {
  'watch:status': { doc: 'Where the background watcher stands: watching or not and why, the last pass, the next, pause, settings.', request: EmptySchema, response: WatchStatusSchema },
  'watch:update': { doc: 'Change the watcher settings (on/off, kinds that notify, quiet hours, start at login); answers the new status.', request: WatchUpdateSchema, response: WatchStatusSchema },
  'watch:pause': { doc: 'Pause watching for an hour or until tomorrow, or resume; answers the new status.', request: WatchPauseSchema, response: WatchStatusSchema },
} satisfies Record<(typeof WATCH_CHANNELS)[number], ContractEntry>;
