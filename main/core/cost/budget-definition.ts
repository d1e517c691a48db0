/**
 * The budget Onramp creates, as AWS Budgets' CreateBudget takes it
 * (https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_budgets_CreateBudget.html),
 * and how an existing one is compared with it. Pure.
 *
 * Scope: AWS Budgets filters with `FilterExpression`, an Expression whose Dimensions keys include
 * BILLING_ENTITY (API_budgets_ExpressionDimensionValues), so "platform" is the budget of the charges
 * billed by "AWS Marketplace" — the same filter the cost report uses. Both scopes leave credits and
 * refunds out (RECORD_TYPE), so a budget tracks the same charges the Cost screen's total shows and
 * credits cannot hide a runaway month. The amounts are `Metrics: [UnblendedCost]`, as in the report.
 */
import type { Budget, Expression, Notification, NotificationWithSubscribers, Subscriber } from '@aws-sdk/client-budgets';
import type { BudgetConfig, BudgetScope, BudgetSummary } from '../../../shared/contract/budgets';
import { COST_METRIC } from '../../../shared/contract/cost';
import { compare, parseDecimal, isDecimal } from '../../../shared/cost/decimal';
import { MARKETPLACE } from './explorer';

const NO_CREDITS: Expression = { Not: { Dimensions: { Key: 'RECORD_TYPE', Values: ['Credit', 'Refund'] } } };

/** The FilterExpression of a scope. */
export function scopeFilter(scope: BudgetScope): Expression {
  switch (scope) {
    case 'all':
      return NO_CREDITS;
    case 'platform':
      return { And: [{ Dimensions: { Key: 'BILLING_ENTITY', Values: [MARKETPLACE] } }, NO_CREDITS] };
  }
}

/** Canonical JSON (keys sorted) for comparing filters. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Which scope an existing budget's filter is ('other' for any filter Onramp does not make). */
export function scopeOf(budget: Pick<Budget, 'FilterExpression' | 'CostFilters'>): BudgetSummary['scope'] {
  const f = budget.FilterExpression;
  const legacy = budget.CostFilters && Object.keys(budget.CostFilters).length > 0;
  if (!f) return legacy ? 'other' : 'all';
  if (canonical(f) === canonical(scopeFilter('all'))) return 'all';
  if (canonical(f) === canonical(scopeFilter('platform'))) return 'platform';
  return 'other';
}

/** The notifications of a config: ACTUAL first, then FORECASTED, each "greater than N% of the amount". */
export function notificationsOf(config: Pick<BudgetConfig, 'actual' | 'forecasted'>): Notification[] {
  const one = (type: 'ACTUAL' | 'FORECASTED', threshold: number): Notification => ({ NotificationType: type, ComparisonOperator: 'GREATER_THAN', Threshold: threshold, ThresholdType: 'PERCENTAGE' });
  return [...config.actual.map((t) => one('ACTUAL', t)), ...config.forecasted.map((t) => one('FORECASTED', t))];
}

/** The subscribers of a config (each notification has the same). */
export function subscribersOf(config: Pick<BudgetConfig, 'emails' | 'topicArn'>): Subscriber[] {
  return [...(config.topicArn ? [{ SubscriptionType: 'SNS' as const, Address: config.topicArn }] : []), ...config.emails.map((e) => ({ SubscriptionType: 'EMAIL' as const, Address: e }))];
}

/** CreateBudget's Budget and NotificationsWithSubscribers for a config. */
export function budgetInput(config: BudgetConfig): { Budget: Budget; NotificationsWithSubscribers: NotificationWithSubscribers[] } {
  const subscribers = subscribersOf(config);
  return {
    Budget: {
      BudgetName: config.name,
      BudgetType: 'COST',
      TimeUnit: 'MONTHLY',
      BudgetLimit: { Amount: config.amount, Unit: 'USD' },
      FilterExpression: scopeFilter(config.scope),
      Metrics: [COST_METRIC],
    },
    NotificationsWithSubscribers: notificationsOf(config).map((n) => ({ Notification: n, Subscribers: subscribers })),
  };
}

const noteKey = (n: Notification) => `${n.NotificationType}|${n.ComparisonOperator}|${Number(n.Threshold)}|${n.ThresholdType ?? 'PERCENTAGE'}`;

/**
 * How an existing budget differs from the config, in words (empty when it is the same budget).
 * `subscribers` are the existing ones when AWS could say, else null (then they are not compared).
 */
export function differences(existing: Budget, notifications: Notification[], subscribers: Subscriber[] | null, config: BudgetConfig): string[] {
  const out: string[] = [];
  const limit = existing.BudgetLimit;
  if (!limit?.Amount || !isDecimal(limit.Amount) || compare(parseDecimal(limit.Amount), parseDecimal(config.amount)) !== 0 || limit.Unit !== 'USD') {
    out.push(`its amount is ${limit?.Amount ?? 'unset'} ${limit?.Unit ?? ''}`.trim() + `, not ${config.amount} USD`);
  }
  if (existing.BudgetType !== 'COST' || existing.TimeUnit !== 'MONTHLY') out.push(`it is a ${existing.TimeUnit ?? '?'} ${existing.BudgetType ?? '?'} budget, not a MONTHLY COST one`);
  const scope = scopeOf(existing);
  if (scope !== config.scope) out.push(`its scope is ${scope}, not ${config.scope}`);
  const have = notifications.map(noteKey).sort();
  const want = notificationsOf(config).map(noteKey).sort();
  if (have.join(',') !== want.join(',')) out.push(`its alerts are ${describeNotifications(notifications)}, not ${describeNotifications(notificationsOf(config))}`);
  if (subscribers) {
    const key = (s: Subscriber) => `${s.SubscriptionType}|${(s.Address ?? '').toLowerCase()}`;
    if (subscribers.map(key).sort().join(',') !== subscribersOf(config).map(key).sort().join(',')) {
      out.push(`it notifies ${subscribers.map((s) => s.Address).join(', ') || 'nobody'}, not ${subscribersOf(config).map((s) => s.Address).join(', ')}`);
    }
  }
  return out;
}

/** "ACTUAL > 80%, FORECASTED > 100%". */
export function describeNotifications(notifications: Notification[]): string {
  return notifications.map((n) => `${n.NotificationType} > ${Number(n.Threshold)}%`).join(', ') || 'none';
}
