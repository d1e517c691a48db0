import { z } from 'zod';
import { EmptySchema, RegionSchema } from './common';
import type { ContractEntry } from './entry';
import { ProfileNameSchema } from './profiles';
import { normalisePlatformUrl, platformUrlProblem } from '../platform/urls';
import type { SETTINGS_CHANNELS } from './settings.channels';
import { WatchSettingsSchema } from '../watch/settings';

/** The colour schemes the app offers; `system` follows the OS. */
export const THEMES = ['light', 'dark', 'system'] as const;

/** A Bodo Platform base URL override: https (http only on loopback), no user-info or query; trailing slashes dropped. */
const platformUrl = (label: string) =>
  z
    .string({ error: `${label} must be text.` })
    .transform(normalisePlatformUrl)
    .superRefine((value, ctx) => {
      const problem = platformUrlProblem(value, label);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

/** The user's preferences, remembered between runs. */
export const SettingsSchema = z
  .object({
    /** The profile connected last, preselected on the next start. */
    lastProfile: ProfileNameSchema.nullable(),
    /** The region used last. */
    lastRegion: RegionSchema.nullable(),
    /** How often the dashboard refreshes, in seconds. */
    refreshIntervalSeconds: z
      .number({ error: 'Refresh interval must be a number of seconds.' })
      .int({ error: 'Refresh interval must be a whole number of seconds.' })
      .min(30, { error: 'Refresh interval must be at least 30 seconds.' })
      .max(3600, { error: 'Refresh interval must be at most 3600 seconds.' }),
    theme: z.enum(THEMES, { error: `Theme must be one of ${THEMES.join(', ')}.` }),
    /** What one vCPU-hour costs, in US dollars, for the cost estimates. */
    pricePerVcpuHour: z
      .number({ error: 'Price per vCPU-hour must be a number.' })
      .finite({ error: 'Price per vCPU-hour must be a finite number.' })
      .min(0, { error: 'Price per vCPU-hour must not be negative.' })
      .max(100, { error: 'Price per vCPU-hour must be at most 100.' }),
    /**
     * How long a Cost Explorer answer is reused before asking again, in hours (default 6). Each
     * Cost Explorer request costs $0.01 and daily figures change only a few times a day.
     */
    costRefreshHours: z
      .number({ error: 'Cost refresh interval must be a number of hours.' })
      .int({ error: 'Cost refresh interval must be a whole number of hours.' })
      .min(1, { error: 'Cost refresh interval must be at least 1 hour.' })
      .max(168, { error: 'Cost refresh interval must be at most 168 hours (a week).' })
      .optional(),
    /** The Bodo Platform's API base URL; null or absent for https://api.bodo.ai/api (ONRAMP_PLATFORM_API_URL wins). */
    platformApiUrl: platformUrl('Platform API URL').nullable().optional(),
    /** The Bodo Platform's auth URL; null or absent for https://auth.bodo.ai (ONRAMP_PLATFORM_AUTH_URL wins). */
    platformAuthUrl: platformUrl('Platform auth URL').nullable().optional(),
    /** The background watcher: on/off, which changes notify, quiet hours, start at login (absent: the defaults). */
    watch: WatchSettingsSchema.optional(),
  })
  .strict();
export type Settings = z.infer<typeof SettingsSchema>;

/** Settings on first start, or after a corrupt settings file was set aside. */
export const DEFAULT_SETTINGS: Settings = {
  lastProfile: null,
  lastRegion: null,
  refreshIntervalSeconds: 300,
  theme: 'system',
  pricePerVcpuHour: 0.05,
};

/** The Cost Explorer refresh interval when none is saved. */
export const DEFAULT_COST_REFRESH_HOURS = 6;

/** The Cost Explorer refresh interval of some settings, in milliseconds. */
export function costRefreshMs(settings: Pick<Settings, 'costRefreshHours'>): number {
  return (settings.costRefreshHours ?? DEFAULT_COST_REFRESH_HOURS) * 3_600_000;
}

/** A partial update: only the fields given change. */
export const SettingsUpdateSchema = SettingsSchema.partial().strict();
export type SettingsUpdate = z.infer<typeof SettingsUpdateSchema>;

/** Contract entries for the settings channels: the user's preferences. */
export const settingsContract = {
  'settings:get': {
    doc: 'The saved settings (defaults when none are saved or the file was unreadable).',
    request: EmptySchema,
    response: SettingsSchema,
  },
  'settings:update': {
    doc: 'Change some settings; returns the full settings as saved.',
    request: SettingsUpdateSchema,
    response: SettingsSchema,
  },
} satisfies Record<(typeof SETTINGS_CHANNELS)[number], ContractEntry>;
