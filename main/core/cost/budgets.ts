/**
 * AWS Budgets: list, create (idempotent, all or nothing, like alarm create) and delete monthly cost
 * budgets with ACTUAL and FORECASTED alerts to email addresses and/or an SNS topic.
 *
 * Create checks everything first without changing anything: an existing budget of that name is left
 * as it is when it is the same budget, and refused (Conflict, naming the differences) when it is
 * not — Onramp does not update budgets in place (UpdateBudget and the subscriber calls would have to be
 * undone field by field, and the test stand-in, moto, has no UpdateBudget). Then it lets AWS Budgets
 * publish to the topic (budget-topic.ts), creates the budget with its notifications in one
 * CreateBudget, and reads it back. If a step fails, or the run is cancelled (it stops after the step
 * in flight), what it changed is undone and the error says what was undone.
 */
import {
  CreateBudgetCommand,
  DeleteBudgetCommand,
  DescribeBudgetCommand,
  DescribeBudgetsCommand,
  DescribeNotificationsForBudgetCommand,
  DescribeSubscribersForNotificationCommand,
  type Budget,
  type Notification,
  type Subscriber,
} from '@aws-sdk/client-budgets';
import type { BudgetConfig, BudgetSummary, CreateBudgetResult, DeleteBudgetResult } from '../../../shared/contract/budgets';
import { AppError } from '../../../shared/errors';
import type { AwsContext } from '../aws/context';
import { errorName, isNotFound, isRetryable, RolledBackError, toAppError } from '../aws/errors';
import type { BudgetRecords } from './budget-records';
import { budgetInput, describeNotifications, differences, notificationsOf, scopeOf, subscribersOf } from './budget-definition';
import { allowsBudgets, BUDGETS_STATEMENT_SID, grantBudgets, readTopicPolicy, revokeBudgets } from './budget-topic';
import { budgetsError } from './errors';
import type { ReadControl } from './explorer';

/** What the budget calls need. */
export interface BudgetDeps {
  aws: AwsContext;
  /** The connected account (Budgets calls name it). */
  account: string;
  records: BudgetRecords;
}

/** A budget create that failed or was cancelled and undid what it could. */
export class BudgetRunError extends RolledBackError {
  constructor(code: 'RolledBack' | 'Cancelled', message: string, rolledBack: string[], cause: AppError) {
    super(message, rolledBack, cause, [], code);
  }
}

const cancelled = () => new AppError('Cancelled', 'Cancelled.');
function checkpoint(control: ReadControl): void {
  if (control.signal?.aborted) throw cancelled();
}

async function describeBudget(deps: BudgetDeps, name: string): Promise<Budget | null> {
  const client = await deps.aws.budgets();
  try {
    return (await client.send(new DescribeBudgetCommand({ AccountId: deps.account, BudgetName: name }))).Budget ?? null;
  } catch (err) {
    if (isNotFound(err)) return null;
    throw budgetsError(err, 'DescribeBudget');
  }
}

async function notificationsFor(deps: BudgetDeps, name: string): Promise<Notification[]> {
  const client = await deps.aws.budgets();
  const out: Notification[] = [];
  let token: string | undefined;
  try {
    do {
      const page = await client.send(new DescribeNotificationsForBudgetCommand({ AccountId: deps.account, BudgetName: name, NextToken: token }));
      out.push(...(page.Notifications ?? []));
      token = page.NextToken || undefined;
    } while (token);
  } catch (err) {
    throw budgetsError(err, 'DescribeNotificationsForBudget');
  }
  return out;
}

/** Whether DescribeSubscribersForNotification answers here (moto does not: then subscribers are unknown). */
interface SubscriberLookup {
  available: boolean;
}

/** A notification's subscribers, or null when AWS Budgets could not say (a refusal is still an error). */
async function subscribersFor(deps: BudgetDeps, name: string, notification: Notification, lookup: SubscriberLookup): Promise<Subscriber[] | null> {
  if (!lookup.available) return null;
  const client = await deps.aws.budgets();
  const out: Subscriber[] = [];
  let token: string | undefined;
  try {
    do {
      const page = await client.send(new DescribeSubscribersForNotificationCommand({ AccountId: deps.account, BudgetName: name, Notification: notification, NextToken: token }));
      out.push(...(page.Subscribers ?? []));
      token = page.NextToken || undefined;
    } while (token);
    return out;
  } catch (err) {
    const e = budgetsError(err, 'DescribeSubscribersForNotification');
    if (e.code === 'AccessDenied') throw e;
    lookup.available = false;
    return null;
  }
}

const summaryNotifications = (list: Notification[]) => list.map((n) => ({ type: n.NotificationType === 'FORECASTED' ? ('FORECASTED' as const) : ('ACTUAL' as const), threshold: Number(n.Threshold ?? 0) }));
const summarySubscribers = (list: Subscriber[]) => list.map((s) => ({ type: s.SubscriptionType === 'SNS' ? ('SNS' as const) : ('EMAIL' as const), address: s.Address ?? '' }));

/** The account's cost budgets, by name, with their alerts and (where AWS or Onramp's record can say) their subscribers. */
export async function listBudgets(deps: BudgetDeps): Promise<BudgetSummary[]> {
  const client = await deps.aws.budgets();
  const budgets: Budget[] = [];
  let token: string | undefined;
  try {
    do {
      const page = await client.send(new DescribeBudgetsCommand({ AccountId: deps.account, MaxResults: 100, NextToken: token }));
      budgets.push(...(page.Budgets ?? []));
      token = page.NextToken || undefined;
    } while (token);
  } catch (err) {
    throw budgetsError(err, 'DescribeBudgets');
  }
  const records = await deps.records.list(deps.account);
  const lookup: SubscriberLookup = { available: true };
  const out: BudgetSummary[] = [];
  for (const b of budgets.filter((x) => x.BudgetType === 'COST').sort((x, y) => (x.BudgetName ?? '').localeCompare(y.BudgetName ?? ''))) {
    const name = b.BudgetName ?? '';
    const notifications = await notificationsFor(deps, name);
    const record = records.find((r) => r.name === name) ?? null;
    const fromAws = notifications[0] ? await subscribersFor(deps, name, notifications[0], lookup) : [];
    const subscribers = fromAws ?? (record ? subscribersOf({ emails: record.emails, topicArn: record.topicArn }) : null);
    out.push({
      name,
      amount: b.BudgetLimit?.Amount ?? '',
      unit: b.BudgetLimit?.Unit ?? '',
      scope: scopeOf(b),
      timeUnit: b.TimeUnit ?? '',
      actualSpend: b.CalculatedSpend?.ActualSpend?.Amount ?? null,
      forecastedSpend: b.CalculatedSpend?.ForecastedSpend?.Amount ?? null,
      notifications: summaryNotifications(notifications),
      subscribers: subscribers ? summarySubscribers(subscribers) : null,
      managedByOnramp: Boolean(record),
    });
  }
  return out;
}

/** What a create changed, recorded before each change. */
interface Journal {
  addedStatement: boolean;
  /** 'yes' once CreateBudget answered, 'unknown' when its answer was lost (a timeout, a dropped connection). */
  created: 'no' | 'yes' | 'unknown';
}

/** Create a monthly cost budget with its alerts (see the module comment). */
export async function createBudget(deps: BudgetDeps, config: BudgetConfig, control: ReadControl = {}): Promise<CreateBudgetResult> {
  const say = (message: string) => control.report?.({ message, requests: 0 });
  const result = (created: boolean, topicPolicy: CreateBudgetResult['topicPolicy'], notes: string[]): CreateBudgetResult => ({
    name: config.name,
    amount: config.amount,
    unit: 'USD',
    scope: config.scope,
    notifications: summaryNotifications(notificationsOf(config)),
    subscribers: summarySubscribers(subscribersOf(config)),
    created,
    topicPolicy,
    notes,
  });
  // 1. Read-only preflight.
  let existing: Budget | null;
  let policy: Awaited<ReturnType<typeof readTopicPolicy>> | undefined;
  try {
    checkpoint(control);
    say(`Checking for a budget named ${config.name}…`);
    existing = await describeBudget(deps, config.name);
    if (config.topicArn) {
      checkpoint(control);
      say(`Reading the access policy of ${config.topicArn}…`);
      policy = await readTopicPolicy(deps.aws, config.topicArn);
    }
  } catch (err) {
    throw control.signal?.aborted ? new AppError('Cancelled', 'Cancelled before anything was changed.') : toAppError(err);
  }
  if (existing) return sameBudget(deps, config, existing, policy, result);
  // 2. Changes, each recorded first so a failure undoes exactly what was made.
  const journal: Journal = { addedStatement: false, created: 'no' };
  try {
    if (config.topicArn && policy) {
      checkpoint(control);
      say(`Letting AWS Budgets publish to ${config.topicArn}…`);
      journal.addedStatement = await grantBudgets(deps.aws, config.topicArn, deps.account, policy);
    }
    checkpoint(control);
    say(`Creating budget ${config.name} (${describeNotifications(notificationsOf(config))})…`);
    const client = await deps.aws.budgets();
    try {
      // Never aborted in flight: the answer (or its loss) decides what must be undone.
      await client.send(new CreateBudgetCommand({ AccountId: deps.account, ...budgetInput(config) }));
      journal.created = 'yes';
    } catch (err) {
      if (isRetryable(err)) journal.created = 'unknown';
      if (errorName(err) === 'DuplicateRecordException') throw new AppError('Conflict', `A budget named ${config.name} was created by someone else just now; look at it with "onramp budgets" and choose another name.`, 'name');
      throw budgetsError(err, 'CreateBudget');
    }
    say('Reading the budget back…');
    const saved = await describeBudget(deps, config.name);
    if (!saved) throw new AppError('AwsError', `AWS Budgets accepted budget ${config.name} but does not list it.`);
    const diff = differences(saved, await notificationsFor(deps, config.name), null, config);
    if (diff.length) throw new AppError('AwsError', `AWS Budgets saved budget ${config.name} differently: ${diff.join('; ')}.`);
    await deps.records.put({ account: deps.account, name: config.name, topicArn: config.topicArn, emails: config.emails, addedStatement: journal.addedStatement, createdAt: Date.now() });
  } catch (err) {
    const cause = control.signal?.aborted || (err instanceof AppError && err.code === 'Cancelled') ? cancelled() : toAppError(err);
    throw await undo(deps, config, journal, cause);
  }
  const notes = config.emails.length ? ['The email addresses need no confirmation: AWS Budgets writes to them when an alert fires.'] : [];
  return result(true, config.topicArn ? (journal.addedStatement ? 'added' : 'already-allowed') : null, notes);
}

/** An existing budget of that name: fine when it is the same budget (the topic permission is made sure of), else a Conflict. */
async function sameBudget(
  deps: BudgetDeps,
  config: BudgetConfig,
  existing: Budget,
  policy: Awaited<ReturnType<typeof readTopicPolicy>> | undefined,
  result: (created: boolean, topicPolicy: CreateBudgetResult['topicPolicy'], notes: string[]) => CreateBudgetResult,
): Promise<CreateBudgetResult> {
  const notifications = await notificationsFor(deps, config.name);
  const subscribers = notifications[0] ? await subscribersFor(deps, config.name, notifications[0], { available: true }) : [];
  const diff = differences(existing, notifications, subscribers, config);
  if (diff.length) {
    throw new AppError(
      'Conflict',
      `A budget named ${config.name} already exists and differs: ${diff.join('; ')}. Nothing was changed. Delete it first (onramp budget delete --name ${config.name}) or choose another name.`,
      'name',
    );
  }
  const notes = subscribers === null ? ['AWS Budgets did not say whom the existing budget notifies (DescribeSubscribersForNotification failed); its amount, scope and alerts are the ones asked for.'] : [];
  let topicPolicy: CreateBudgetResult['topicPolicy'] = null;
  if (config.topicArn && policy) {
    topicPolicy = allowsBudgets(policy, config.topicArn) ? 'already-allowed' : (await grantBudgets(deps.aws, config.topicArn, deps.account, policy)) ? 'added' : 'already-allowed';
    if (topicPolicy === 'added') {
      // Remember that Onramp added the statement, so deleting the budget removes it again.
      const record = await deps.records.get(deps.account, config.name);
      await deps.records.put({ account: deps.account, name: config.name, topicArn: config.topicArn, emails: config.emails, addedStatement: true, createdAt: record?.createdAt ?? Date.now() });
    }
  }
  return result(false, topicPolicy, [`Budget ${config.name} already exists with this definition; nothing was created.`, ...notes]);
}

/** Undo a create's changes (the budget first, then the topic statement) and return the error to throw. */
async function undo(deps: BudgetDeps, config: BudgetConfig, journal: Journal, cause: AppError): Promise<AppError> {
  const undone: string[] = [];
  const problems: string[] = [];
  if (journal.created !== 'no') {
    try {
      const now = await describeBudget(deps, config.name);
      // After a lost answer, only a budget that is exactly this run's is deleted.
      const ours = now && (journal.created === 'yes' || differences(now, await notificationsFor(deps, config.name), null, config).length === 0);
      if (ours) {
        const client = await deps.aws.budgets();
        await client.send(new DeleteBudgetCommand({ AccountId: deps.account, BudgetName: config.name })).catch((err: unknown) => {
          if (!isNotFound(err)) throw err;
        });
        undone.push(`budget ${config.name}`);
      }
    } catch (err) {
      problems.push(`budget ${config.name} (delete it with: onramp budget delete --name ${config.name}): ${toAppError(err).message}`);
    }
  }
  if (journal.addedStatement && config.topicArn) {
    try {
      if (await revokeBudgets(deps.aws, config.topicArn)) undone.push(`the ${BUDGETS_STATEMENT_SID} statement on ${config.topicArn}`);
    } catch (err) {
      problems.push(`statement ${BUDGETS_STATEMENT_SID} on ${config.topicArn} (remove it from the topic's access policy): ${toAppError(err).message}`);
    }
  }
  const isCancel = cause.code === 'Cancelled';
  if (!isCancel && undone.length === 0 && problems.length === 0) return cause;
  const parts = [
    isCancel ? `Creating budget ${config.name} was cancelled.` : `Creating budget ${config.name} failed: ${cause.message}`,
    undone.length ? `Undid: ${undone.join(', ')}.` : 'Nothing had been changed.',
    ...(problems.length ? [`Could not undo: ${problems.join('; ')} — finish by hand.`] : []),
  ];
  return new BudgetRunError(isCancel ? 'Cancelled' : 'RolledBack', parts.join(' '), undone, cause);
}

/** Which budgets (other than `except`) notify the topic, or null when AWS Budgets cannot say for some of them. */
async function budgetsUsingTopic(deps: BudgetDeps, topicArn: string, except: string): Promise<string[] | null> {
  try {
    const others = (await listBudgets(deps)).filter((b) => b.name !== except);
    if (others.some((b) => b.subscribers === null)) return null;
    return others.filter((b) => b.subscribers?.some((s) => s.type === 'SNS' && s.address === topicArn)).map((b) => b.name);
  } catch {
    return null;
  }
}

/** Delete a budget; the topic statement Onramp added for it goes too, unless another budget still notifies that topic. */
export async function deleteBudget(deps: BudgetDeps, name: string): Promise<DeleteBudgetResult> {
  const existing = await describeBudget(deps, name);
  if (!existing) throw new AppError('NotFound', `There is no budget named "${name}" in account ${deps.account}.`, 'name');
  const record = await deps.records.get(deps.account, name);
  const client = await deps.aws.budgets();
  try {
    await client.send(new DeleteBudgetCommand({ AccountId: deps.account, BudgetName: name }));
  } catch (err) {
    throw budgetsError(err, 'DeleteBudget');
  }
  await deps.records.remove(deps.account, name).catch(() => undefined);
  const notes: string[] = [];
  let topicPolicy: DeleteBudgetResult['topicPolicy'] = null;
  const topic = record?.topicArn;
  if (topic && record.addedStatement) {
    const others = (await deps.records.list(deps.account)).filter((r) => r.topicArn === topic).map((r) => r.name);
    const users = others.length ? others : await budgetsUsingTopic(deps, topic, name);
    if (users && users.length) {
      topicPolicy = 'kept';
      notes.push(`The ${BUDGETS_STATEMENT_SID} statement stays on ${topic}: budget${users.length === 1 ? '' : 's'} ${users.join(', ')} still notif${users.length === 1 ? 'ies' : 'y'} it.`);
    } else {
      if (users === null) notes.push(`AWS Budgets could not say whether budgets Onramp did not create notify ${topic}; Onramp removed only the statement it had added for this budget.`);
      try {
        topicPolicy = (await revokeBudgets(deps.aws, topic)) ? 'removed' : null;
      } catch (err) {
        notes.push(`Could not remove the ${BUDGETS_STATEMENT_SID} statement from ${topic} (${toAppError(err).message}); remove it from the topic's access policy by hand.`);
      }
    }
  }
  return { name, deleted: true, topicPolicy, notes };
}
