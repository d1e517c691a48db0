import { z } from 'zod';
import { isDecimal } from '../cost/decimal';
import { MAX_MONTHS, monthProblem } from '../cost/period';
import { USAGE_KINDS } from '../cost/usage-types';
import { RunRefSchema } from './common';
import type { COST_CHANNELS } from './cost.channels';
import type { ContractEntry } from './entry';

/** An exact amount as Cost Explorer writes them: a decimal string ("12.3456789"), never a float. */
export const AmountSchema = z.string().refine(isDecimal, { error: 'must be a decimal amount' });

/** The Cost Explorer metric every figure is (see docs/cost.md: credits and discounts stay visible as their own record types). */
export const COST_METRIC = 'UnblendedCost';

/** Which spend to show: month to date (default), one month, or the last N months. */
const periodFields = {
  month: z
    .string()
    .max(20)
    .superRefine((m, ctx) => {
      const problem = monthProblem(m);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  months: z.number().int().min(1).max(MAX_MONTHS, { error: `at most ${MAX_MONTHS} months (Cost Explorer keeps the last ${MAX_MONTHS})` }).optional(),
};
const notBoth = { error: 'Give a month or a number of months, not both.', path: ['months'] };
export const CostQuerySchema = z
  .object(periodFields)
  .strict()
  .refine((q) => q.month === undefined || q.months === undefined, notBoth);
/** A refresh of a period: `force` asks Cost Explorer even when the cached answer is still fresh. */
export const CostRefreshSchema = z
  .object({ ...periodFields, force: z.boolean().optional() })
  .strict()
  .refine((q) => q.month === undefined || q.months === undefined, notBoth);
export type CostQuery = z.infer<typeof CostQuerySchema>;

const ServiceAmountSchema = z.object({ service: z.string(), amount: AmountSchema });

/** Where the month is heading: AWS's forecast, Onramp's labelled estimate, or nothing (with why). */
export const ForecastSchema = z.discriminatedUnion('source', [
  z.object({
    source: z.literal('cost-explorer'),
    /** The month the forecast is for (YYYY-MM). */
    month: z.string(),
    /** Month-end total: the actual spend before today plus Cost Explorer's forecast from today to the month's end. */
    monthEnd: AmountSchema,
    lower: AmountSchema,
    upper: AmountSchema,
    predictionIntervalLevel: z.number(),
    method: z.string(),
  }),
  z.object({
    source: z.literal('onramp-estimate'),
    month: z.string(),
    monthEnd: AmountSchema,
    /** How Onramp computed it (never AWS's figure). */
    method: z.string(),
    /** Why Cost Explorer's forecast is not shown. */
    reason: z.string(),
  }),
  z.object({ source: z.literal('none'), reason: z.string() }),
]);
export type Forecast = z.infer<typeof ForecastSchema>;

/** Actual spend from Cost Explorer for a period, the platform's Marketplace charges apart from the infrastructure. */
export const CostReportSchema = z.object({
  account: z.string(),
  /** The period as AWS has it: start inclusive, end exclusive (YYYY-MM-DD). */
  period: z.object({ start: z.string(), end: z.string() }),
  /** The calendar months covered (YYYY-MM), oldest first. */
  months: z.array(z.object({ month: z.string(), total: AmountSchema, platform: AmountSchema, infrastructure: AmountSchema, credits: AmountSchema })),
  /** True when the period reaches today (figures still growing; AWS marks them estimated). */
  current: z.boolean(),
  metric: z.literal(COST_METRIC),
  currency: z.string(),
  /** Every charge (usage, tax, fees…) except credits and refunds, which are shown apart. */
  total: AmountSchema,
  /** Charges billed through AWS Marketplace (billing entity "AWS Marketplace"): the platform's own. */
  platform: AmountSchema,
  /** Everything else: the AWS resources in the account. */
  infrastructure: AmountSchema,
  /** Credits and refunds, negative amounts, never netted into the totals above. */
  credits: z.object({ total: AmountSchema, credits: AmountSchema, refunds: AmountSchema, byService: z.array(ServiceAmountSchema) }),
  /** total + credits.total: what the bill comes to after credits and refunds. */
  net: AmountSchema,
  /** Charges by service, largest first; `platform` for the Marketplace ones. */
  byService: z.array(ServiceAmountSchema.extend({ platform: z.boolean() })),
  /** One entry per day of the period up to today. `ec2Instances` is the usage of "Amazon Elastic Compute Cloud - Compute" (instance hours). */
  daily: z.array(z.object({ date: z.string(), total: AmountSchema, platform: AmountSchema, ec2Instances: AmountSchema })),
  /** The largest EC2 usage types (instances, NAT gateway hours, EBS, data transfer, public IPs), largest first. */
  ec2UsageTypes: z.array(z.object({ usageType: z.string(), service: z.string(), kind: z.enum(USAGE_KINDS), amount: AmountSchema })),
  forecast: ForecastSchema,
  /** When Cost Explorer answered (epoch ms). */
  fetchedAt: z.number(),
  /** True when served from the data folder's cache, with no request to Cost Explorer. */
  cached: z.boolean(),
  /** When a refresh will next ask Cost Explorer (epoch ms): fetchedAt + the refresh interval. */
  freshUntil: z.number(),
  /** The Cost Explorer requests this answer made now (0 when cached) and what they cost ($0.01 each). */
  requests: z.object({ costExplorer: z.number(), estimatedCostUsd: z.number() }),
  /** Things the user should know (another currency, a partial answer, …). */
  notes: z.array(z.string()),
});
export type CostReport = z.infer<typeof CostReportSchema>;

/** Contract entries of the cost domain. */
export const costContract = {
  'cost:report': {
    doc: "A period's spend from the data folder's cache while it is fresh, or null (no Cost Explorer request either way).",
    request: CostQuerySchema,
    response: CostReportSchema.nullable(),
  },
  'cost:refresh': {
    doc: 'Start a cost-refresh run: the fresh cached answer, or Cost Explorer asked ($0.01 a request and page); follow it with runs:progress, stop it with runs:cancel.',
    request: CostRefreshSchema,
    response: RunRefSchema,
  },
} satisfies Record<(typeof COST_CHANNELS)[number], ContractEntry>;
