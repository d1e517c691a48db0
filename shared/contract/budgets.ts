import { z } from 'zod';
import { compare, isDecimal, parseDecimal } from '../cost/decimal';
import { AlarmEmailSchema, TopicArnSchema } from '../monitoring/alarm-config';
import type { BUDGETS_CHANNELS } from './budgets.channels';
import { RunRefSchema } from './common';
import type { ContractEntry } from './entry';

/**
 * AWS Budgets' limits (https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_budgets_CreateBudget.html,
 * https://docs.aws.amazon.com/cost-management/latest/userguide/budgets-limits.html): at most 5
 * notifications per budget, each with at most 1 SNS and 10 email subscribers.
 */
export const BUDGET_LIMITS = { notifications: 5, emails: 10, topics: 1 } as const;

/** What a budget counts: every charge, or only the platform's AWS Marketplace charges. */
export const BUDGET_SCOPES = ['all', 'platform'] as const;
export type BudgetScope = (typeof BUDGET_SCOPES)[number];

/** Why a budget name is invalid, or null: 1–100 characters, no ":" or "\", no "/action/" (the BudgetName pattern). */
export function budgetNameProblem(name: string): string | null {
  if (name.length < 1 || name.length > 100) return 'Budget name must be 1–100 characters.';
  if (/[:\\]/.test(name)) return 'Budget name may not contain ":" or "\\".';
  if (name.includes('/action/')) return 'Budget name may not contain "/action/".';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'Budget name may not contain control characters.';
  return null;
}

/** A budget name, trimmed. */
export const BudgetNameSchema = z
  .string({ error: 'Budget name must be text.' })
  .max(4096)
  .overwrite((s) => s.trim())
  .superRefine((v, ctx) => {
    const problem = budgetNameProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** A monthly amount in USD: a positive decimal with at most two decimals ("500", "1250.50"); thousands separators are dropped. */
export const BudgetAmountSchema = z
  .string({ error: 'Amount must be text, e.g. "500".' })
  .max(40)
  .overwrite((s) => s.trim().replace(/,(?=\d{3}(\D|$))/g, ''))
  .superRefine((v, ctx) => {
    if (!/^\d+(\.\d{1,2})?$/.test(v) || !isDecimal(v)) return void ctx.addIssue({ code: 'custom', message: `Amount "${v.slice(0, 20)}" must be a number of dollars, e.g. 500 or 1250.50.` });
    if (compare(parseDecimal(v), parseDecimal('0')) <= 0) ctx.addIssue({ code: 'custom', message: 'Amount must be more than zero.' });
    if (compare(parseDecimal(v), parseDecimal('1000000000')) > 0) ctx.addIssue({ code: 'custom', message: 'Amount must be at most 1,000,000,000.' });
  });

/** A percentage of the amount that triggers an alert: more than 0, at most 1,000, up to two decimals. */
export const ThresholdPercentSchema = z
  .number({ error: 'A threshold must be a percentage, e.g. 80.' })
  .gt(0, { error: 'A threshold must be more than 0%.' })
  .max(1000, { error: 'A threshold must be at most 1,000%.' })
  .refine((n) => Math.round(n * 100) === n * 100, { error: 'A threshold may have at most two decimals.' });

const thresholds = (what: string) =>
  z
    .array(ThresholdPercentSchema)
    .max(BUDGET_LIMITS.notifications)
    .refine((t) => new Set(t).size === t.length, { error: `Each ${what} threshold may be given only once.` });

/** A budget to create. */
export const BudgetConfigSchema = z
  .object({
    name: BudgetNameSchema,
    amount: BudgetAmountSchema,
    scope: z.enum(BUDGET_SCOPES, { error: 'Scope must be all or platform.' }).default('all'),
    emails: z
      .array(AlarmEmailSchema)
      .max(BUDGET_LIMITS.emails, { error: `AWS Budgets allows at most ${BUDGET_LIMITS.emails} email subscribers per notification.` })
      .default([]),
    topicArn: TopicArnSchema.nullable().default(null),
    /** Percentages of the amount: alert when ACTUAL spend passes each. */
    actual: thresholds('actual').default([80, 100]),
    /** Percentages of the amount: alert when FORECASTED spend passes each. */
    forecasted: thresholds('forecasted').default([100]),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.emails.length === 0 && c.topicArn === null) ctx.addIssue({ code: 'custom', message: 'Give at least one email address or an SNS topic to notify.', path: ['emails'] });
    if (new Set(c.emails.map((e) => e.toLowerCase())).size !== c.emails.length) ctx.addIssue({ code: 'custom', message: 'Each email address may be given only once.', path: ['emails'] });
    const n = c.actual.length + c.forecasted.length;
    if (n === 0) ctx.addIssue({ code: 'custom', message: 'Give at least one actual or forecasted threshold.', path: ['actual'] });
    if (n > BUDGET_LIMITS.notifications) ctx.addIssue({ code: 'custom', message: `AWS Budgets allows at most ${BUDGET_LIMITS.notifications} notifications per budget; ${n} thresholds were given.`, path: ['actual'] });
  });
export type BudgetConfig = z.output<typeof BudgetConfigSchema>;
export type BudgetConfigInput = z.input<typeof BudgetConfigSchema>;

const NotificationSchema = z.object({ type: z.enum(['ACTUAL', 'FORECASTED']), threshold: z.number() });
const SubscriberSchema = z.object({ type: z.enum(['EMAIL', 'SNS']), address: z.string() });

/** A budget as listed. */
export const BudgetSummarySchema = z.object({
  name: z.string(),
  amount: z.string(),
  unit: z.string(),
  /** What it counts: every charge, the platform's Marketplace charges, or a filter Onramp did not make. */
  scope: z.enum([...BUDGET_SCOPES, 'other']),
  timeUnit: z.string(),
  actualSpend: z.string().nullable(),
  forecastedSpend: z.string().nullable(),
  notifications: z.array(NotificationSchema),
  /** Who is notified, or null when AWS could not say (and Onramp did not make it). */
  subscribers: z.array(SubscriberSchema).nullable(),
  /** True for a budget Onramp created (it keeps a record in the data folder). */
  managedByOnramp: z.boolean(),
});
export type BudgetSummary = z.infer<typeof BudgetSummarySchema>;

/** What a create did. */
export const CreateBudgetResultSchema = z.object({
  name: z.string(),
  amount: z.string(),
  unit: z.string(),
  scope: z.enum(BUDGET_SCOPES),
  notifications: z.array(NotificationSchema),
  subscribers: z.array(SubscriberSchema),
  /** False when an identical budget already existed (nothing was changed). */
  created: z.boolean(),
  /** The topic's policy: Onramp added the statement letting AWS Budgets publish, it already allowed it, or no topic. */
  topicPolicy: z.enum(['added', 'already-allowed']).nullable(),
  notes: z.array(z.string()),
});
export type CreateBudgetResult = z.infer<typeof CreateBudgetResultSchema>;

/** What a delete did. */
export const DeleteBudgetResultSchema = z.object({
  name: z.string(),
  deleted: z.literal(true),
  /** The statement Onramp had added to the topic: removed, kept (another budget still uses the topic), or none. */
  topicPolicy: z.enum(['removed', 'kept']).nullable(),
  notes: z.array(z.string()),
});
export type DeleteBudgetResult = z.infer<typeof DeleteBudgetResultSchema>;

/** Contract entries of the budgets domain. */
export const budgetsContract = {
  'budgets:list': {
    doc: "The account's AWS Budgets cost budgets with their alerts and who they notify.",
    request: z.object({}).strict(),
    response: z.array(BudgetSummarySchema),
  },
  'budgets:create': {
    doc: 'Start a budget-create run: a monthly cost budget with ACTUAL and FORECASTED alerts, all or nothing (an identical one is left as it is); runs:cancel stops it and undoes what it made.',
    request: z.object({ config: BudgetConfigSchema }).strict(),
    response: RunRefSchema,
  },
  'budgets:delete': {
    doc: 'Delete a budget, and the topic statement Onramp added for it when no other budget of Onramp uses that topic.',
    request: z.object({ name: BudgetNameSchema }).strict(),
    response: DeleteBudgetResultSchema,
  },
} satisfies Record<(typeof BUDGETS_CHANNELS)[number], ContractEntry>;
