/**
 * The watcher's settings as the user sets them in Settings: whether the app keeps watching (null
 * until the user chooses: then it watches once there is something to watch — an alarm, a budget or a
 * configuration), which kinds of change become desktop notifications, quiet hours, and start at
 * login (off by default). `shouldNotify` is the one rule the notifier follows.
 */
import { z } from 'zod';
import { WATCH_EVENT_KINDS, type WatchEvent, type WatchEventKind } from './events';

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Quiet hours are times of day such as 22:00.' });

/** Quiet hours in local time; `start` after `end` spans midnight (22:00–07:00). */
export const QuietHoursSchema = z.object({ start: HHMM, end: HHMM }).strict();
/** Quiet hours. */
export type QuietHours = z.infer<typeof QuietHoursSchema>;

/** Which kinds notify. */
export const WatchKindsSchema = z.object(Object.fromEntries(WATCH_EVENT_KINDS.map((k) => [k, z.boolean()])) as Record<WatchEventKind, z.ZodBoolean>).strict();
/** Which kinds notify. */
export type WatchKinds = z.infer<typeof WatchKindsSchema>;

/** The watcher's settings. */
export const WatchSettingsSchema = z
  .object({
    /** Keep watching (and keep running with the window closed); null: on once there is something to watch. */
    enabled: z.boolean().nullable(),
    kinds: WatchKindsSchema,
    quietHours: QuietHoursSchema.nullable(),
    startAtLogin: z.boolean(),
  })
  .strict();
/** The watcher's settings. */
export type WatchSettings = z.infer<typeof WatchSettingsSchema>;

/** Every kind on, no quiet hours, not at login, watching once there is something to watch. */
export const DEFAULT_WATCH_SETTINGS: WatchSettings = {
  enabled: null,
  kinds: Object.fromEntries(WATCH_EVENT_KINDS.map((k) => [k, true])) as WatchKinds,
  quietHours: null,
  startAtLogin: false,
};

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** True when `at` (local time) is within the quiet hours. */
export function inQuietHours(quiet: QuietHours | null, at: Date): boolean {
  if (!quiet) return false;
  const m = at.getHours() * 60 + at.getMinutes();
  const s = minutes(quiet.start);
  const e = minutes(quiet.end);
  if (s === e) return false;
  return s < e ? m >= s && m < e : m >= s || m < e;
}

/** Whether a change becomes a desktop notification: its kind is on and it is not quiet hours. */
export function shouldNotify(event: Pick<WatchEvent, 'kind'>, settings: Pick<WatchSettings, 'kinds' | 'quietHours'>, at: Date): boolean {
  return settings.kinds[event.kind] && !inQuietHours(settings.quietHours, at);
}

/** Whether the app watches: the user's choice, else whether there is something to watch. */
export function watchingOn(settings: Pick<WatchSettings, 'enabled'>, somethingToWatch: boolean): boolean {
  return settings.enabled ?? somethingToWatch;
}
