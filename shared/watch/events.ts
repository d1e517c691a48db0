/**
 * What the watcher reports: one event per change it saw (an alarm changing state, the vCPU total
 * crossing an alarm's threshold, a subscription still pending, credentials about to expire, spend
 * passing a budget, a saved configuration failing its verify), and the summary of its last pass the
 * tray and Settings show. Shared by the core, the CLI's `onramp watch --json` lines and the app.
 */
import { z } from 'zod';

/** The kinds of change the watcher reports (each can be turned off for desktop notifications). */
export const WATCH_EVENT_KINDS = ['alarm-state', 'usage', 'subscription', 'credentials', 'spend', 'drift'] as const;
/** One kind of change. */
export type WatchEventKind = (typeof WATCH_EVENT_KINDS)[number];

/** The screen a notification's click opens. */
export const WATCH_SCREENS = ['dashboard', 'cost', 'configurations', 'connect'] as const;
/** A screen a notification opens. */
export type WatchScreen = (typeof WATCH_SCREENS)[number];

/** An alarm's state as CloudWatch reports it. */
export const WatchAlarmStateSchema = z.enum(['OK', 'ALARM', 'INSUFFICIENT_DATA']);
/** An alarm's state. */
export type WatchAlarmState = z.infer<typeof WatchAlarmStateSchema>;

/** One change, as a line of `onramp watch --json` and as a desktop notification. Never carries a secret. */
export const WatchEventSchema = z.object({
  /** When the watcher saw it (ISO 8601). */
  t: z.string(),
  kind: z.enum(WATCH_EVENT_KINDS),
  /** One sentence for a person. */
  message: z.string(),
  /** The screen that shows more. */
  screen: z.enum(WATCH_SCREENS),
  /** For alarm-state and usage: the alarm's region and name. */
  region: z.string().optional(),
  alarm: z.string().optional(),
  /** For alarm-state: the state before (null when the watcher had not seen the alarm) and now. */
  from: WatchAlarmStateSchema.nullable().optional(),
  to: WatchAlarmStateSchema.optional(),
});
/** One change the watcher saw. */
export type WatchEvent = z.infer<typeof WatchEventSchema>;

/** One region as the last pass saw it: the vCPUs now (null when no data) and the alarms in ALARM. */
export const WatchRegionSummarySchema = z.object({ region: z.string(), vcpus: z.number().nullable(), inAlarm: z.array(z.string()) });
/** One region in the last pass. */
export type WatchRegionSummary = z.infer<typeof WatchRegionSummarySchema>;

/** What the last pass saw, for the tray's menu and Settings. */
export const WatchSummarySchema = z.object({
  at: z.number(),
  regions: z.array(WatchRegionSummarySchema),
  /** Month-to-date spend from the cost cache, or null when there is no fresh figure. */
  spend: z.object({ month: z.string(), currency: z.string(), total: z.string() }).nullable(),
  /** Regions the pass could not read, with why. */
  problems: z.array(z.string()),
});
/** The last pass's summary. */
export type WatchSummary = z.infer<typeof WatchSummarySchema>;

/** A watch pass's result: the changes it reported and what it saw. */
export const WatchPassResultSchema = z.object({ events: z.array(WatchEventSchema), summary: WatchSummarySchema });
/** A watch pass's result. */
export type WatchPassResult = z.infer<typeof WatchPassResultSchema>;
