/** The dashboard domain: per region, current usage, a 24-hour sparkline, quota headroom and alarms. */
import { z } from 'zod';
import { ERROR_CODES } from '../errors';
import { DEFAULT_USAGE_CHOICE, UsageClassChoiceSchema } from '../monitoring/metric';
import { SUPPORTED_REGIONS } from '../regions';
import { AlarmSummarySchema } from './alarms';
import { RegionSchema } from './common';
import type { DASHBOARD_CHANNELS } from './dashboard.channels';
import type { ContractEntry } from './entry';
import { DatapointSchema } from './usage';

/** One usage class on a dashboard card: its latest value, 24-hour peak and quota. */
export const ClassUsageSchema = z.object({
  usageClass: z.string(),
  current: z.number().nullable(),
  peak24h: z.number().nullable(),
  quota: z.number().nullable(),
  quotaCode: z.string().nullable(),
});

/** One region's dashboard card: its data, or its own error. */
export const RegionSummarySchema = z.discriminatedUnion('ok', [
  z.object({
    region: z.string(),
    ok: z.literal(true),
    /** A usage class, or `all`. */
    usageClass: z.string(),
    current: z.number().nullable(),
    currentAt: z.number().nullable(),
    peak24h: z.number().nullable(),
    series: z.array(DatapointSchema),
    /** The quota of a single class; null for all classes (each class has its own, in `classes`). */
    quota: z.number().nullable(),
    quotaNote: z.string().nullable(),
    headroom: z.number().nullable(),
    /** Per class: the total's breakdown (all classes), or the one class. */
    classes: z.array(ClassUsageSchema),
    /** The usage classes the total adds up: every class the account publishes here (all classes), or the one class. */
    summedClasses: z.array(z.string()).optional(),
    alarms: z.array(AlarmSummarySchema),
  }),
  z.object({
    region: z.string(),
    ok: z.literal(false),
    error: z.object({ code: z.enum(ERROR_CODES), message: z.string(), field: z.string().optional() }),
  }),
]);
/** One region's card on the dashboard. */
export type RegionSummary = z.output<typeof RegionSummarySchema>;
/** The dashboard: one card per region, each failing on its own. */
export const DashboardSummarySchema = z.object({ generatedAt: z.number(), regions: z.array(RegionSummarySchema) });
export type DashboardSummary = z.output<typeof DashboardSummarySchema>;

/** Contract entries for the dashboard channels. */
export const dashboardContract = {
  'dashboard:summary': {
    doc: 'Per region: current vCPU usage (all usage classes by default, with a per-class breakdown), 24-hour sparkline, quota headroom and alarms; each region fails on its own.',
    request: z
      .object({
        regions: z.array(RegionSchema).min(1).max(SUPPORTED_REGIONS.length).default([...SUPPORTED_REGIONS]),
        usageClass: UsageClassChoiceSchema.default(DEFAULT_USAGE_CHOICE),
      })
      .strict(),
    response: DashboardSummarySchema,
  },
} satisfies Record<(typeof DASHBOARD_CHANNELS)[number], ContractEntry>;
