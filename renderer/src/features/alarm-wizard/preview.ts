/**
 * What the review step and the notification step say about the alarm before it is created: the
 * preview rows, what happens to the topic in each region, and how many confirmation emails each
 * address will get. An alarm notifies a topic in its own region only, and an email subscription
 * belongs to one topic, so an address confirms once per region where it is not subscribed yet.
 */
import type { SubscriptionSummary, TopicLookup } from '../../../../shared/contract/monitoring';
import { ALARM_PRICE_PER_MONTH_USD } from '../../../../shared/monitoring/alarm-config';
import { usageClassLabel } from '../../../../shared/monitoring/metric';
import { enteredEmails, NOTIFY_OPTIONS, PERIOD_OPTIONS, TREAT_MISSING_OPTIONS, type AlarmForm } from './form';

/** "5 minutes", "1 hour", or seconds. */
export function periodLabel(seconds: number): string {
  return PERIOD_OPTIONS.find((p) => p.value === seconds)?.label ?? `${seconds} seconds`;
}

/** A topic's name from its ARN. */
export function topicName(arn: string): string {
  return arn.split(':').pop() ?? arn;
}

/** What creating the alarm will do with the topic, region by region, and the confirmations it sends. */
export interface TopicPlanView {
  /** Regions where a topic of the new name exists that Onramp did not make (the create would be refused). */
  conflicts: TopicLookup[];
  /** Regions where Onramp's own topic of that name exists and is reused. */
  reused: string[];
  /** Regions where the topic will be created. */
  created: string[];
  /** Per entered address: how many confirmation emails it gets, and where it is already subscribed. */
  confirmations: { email: string; count: number; alreadyIn: string[] }[];
}

const subscribedSet = (subs: readonly SubscriptionSummary[]) => new Set(subs.filter((s) => s.protocol === 'email').map((s) => s.endpoint.toLowerCase()));

/**
 * The plan for the form's topic. For a new topic, `lookups` is what topics:lookup answered for the
 * chosen regions (null while unknown: every region then counts as new). For an existing topic,
 * `existing` is its subscriptions.
 */
export function topicPlanView(form: AlarmForm, lookups: readonly TopicLookup[] | null, existing: readonly SubscriptionSummary[] | null = null): TopicPlanView {
  const emails = enteredEmails(form);
  if (form.topicMode === 'existing') {
    const have = subscribedSet(existing ?? []);
    const region = form.regions[0] ?? '';
    return {
      conflicts: [],
      reused: [region],
      created: [],
      confirmations: emails.map((email) => (have.has(email.toLowerCase()) ? { email, count: 0, alreadyIn: [region] } : { email, count: 1, alreadyIn: [] })),
    };
  }
  const byRegion = new Map((lookups ?? []).map((l) => [l.region, l]));
  const conflicts = form.regions.map((r) => byRegion.get(r)).filter((l): l is TopicLookup => Boolean(l?.topicArn && !l.onramp));
  const reused = form.regions.filter((r) => byRegion.get(r)?.onramp);
  const created = form.regions.filter((r) => !byRegion.get(r)?.topicArn);
  const confirmations = emails.map((email) => {
    const alreadyIn = form.regions.filter((r) => {
      const l = byRegion.get(r);
      return l?.onramp && subscribedSet(l.subscriptions).has(email.toLowerCase());
    });
    return { email, count: form.regions.length - alreadyIn.length, alreadyIn };
  });
  return { conflicts, reused, created, confirmations };
}

/** "ops@example.com gets 4 confirmation emails (one per region); dev@example.com gets 3 (already subscribed in us-east-1)." */
export function confirmationText(plan: TopicPlanView): string | null {
  if (plan.confirmations.length === 0) return null;
  const one = (c: TopicPlanView['confirmations'][number]) =>
    `${c.email} gets ${c.count === 0 ? 'no confirmation email' : c.count === 1 ? '1 confirmation email' : `${c.count} confirmation emails (one per region)`}${c.alreadyIn.length ? ` (already subscribed in ${c.alreadyIn.join(', ')})` : ''}`;
  return `${plan.confirmations.map(one).join('; ')}. Nothing is delivered to an address until it clicks the link in each.`;
}

/** The states the alarm notifies on, in CloudWatch's words. */
export function notifyOnText(form: AlarmForm): string {
  return NOTIFY_OPTIONS.filter((o) => form.notifyOn.includes(o.value))
    .map((o) => o.label)
    .join(', ');
}

/**
 * The alarm's monthly price: CloudWatch charges standard-resolution alarms per metric they read. The
 * total of all usage classes is a Metrics Insights query that reads every class the region publishes,
 * so its price follows the number of classes, which can grow.
 */
export function priceText(form: AlarmForm): string {
  const regions = form.regions.length;
  const unit = `$${ALARM_PRICE_PER_MONTH_USD.toFixed(2)}`;
  if (form.metricKind === 'vcpu' && form.usageClass === 'all') {
    return `${unit} per month for each usage class the query reads${regions > 1 ? ', in each region' : ''} (the classes the account publishes; more as new ones appear)`;
  }
  const per = `${unit} per month per region (standard alarm)`;
  return regions > 1 ? `${per}; $${(ALARM_PRICE_PER_MONTH_USD * regions).toFixed(2)} for ${regions} regions` : per.replace(' per region', '');
}

/** The preview's rows: label and value, everything the alarm will be. */
export function previewRows(form: AlarmForm, plan: TopicPlanView | null = null): Array<[string, string]> {
  const n = form.evaluationPeriods.trim();
  const m = form.datapointsToAlarm.trim();
  const metric =
    form.metricKind === 'billing' ? 'AWS/Billing EstimatedCharges (Currency=USD)' : `AWS/Usage ResourceCount — EC2 vCPU, ${form.usageClass === 'all' ? `${usageClassLabel('all')}, added up by a CloudWatch Metrics Insights query that follows new classes` : `class ${form.usageClass}`}`;
  const emails = enteredEmails(form);
  const topic =
    form.topicMode === 'existing'
      ? `${topicName(form.topicArn)} (existing)${emails.length ? ` + ${emails.join(', ')}` : ''}`
      : `${form.newTopicName.trim()} (${form.regions.length > 1 ? `new, one in each region` : 'new'}) → ${emails.join(', ')}`;
  const confirmations = plan ? confirmationText(plan) : null;
  return [
    ['Name', form.name.trim()],
    ['Description', form.description.trim() || '—'],
    [form.regions.length > 1 ? 'Regions' : 'Region', `${form.regions.join(', ')}${form.regions.length > 1 ? ' (all or nothing)' : ''}`],
    ['Metric', metric],
    ['Condition', `${form.stat} ${form.comparison === 'gte' ? '≥' : '>'} ${form.threshold.trim()}`],
    ['Period', periodLabel(form.period)],
    ['Datapoints to alarm', `${m} of ${n}`],
    ['Missing data', TREAT_MISSING_OPTIONS.find((o) => o.value === form.treatMissing)?.label ?? form.treatMissing],
    ['Notifies on', notifyOnText(form)],
    ['Notification', topic],
    ...(confirmations ? ([['Confirmation emails', confirmations]] as Array<[string, string]>) : []),
    ['Price', priceText(form)],
  ];
}
