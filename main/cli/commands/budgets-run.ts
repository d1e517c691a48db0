import { BudgetConfigSchema, BudgetNameSchema, type BudgetSummary } from '../../../shared/contract/budgets';
import { formatMoney } from '../../../shared/cost/decimal';
import { AppError } from '../../../shared/errors';
import { parseTypedNumber, splitEmails } from '../../../shared/monitoring/alarm-inputs';
import { defaultDataDir } from '../../core/store/data-dir';
import { parseFlags, requireFlag, validateWith, type ParsedFlags } from '../args';
import { runCancellable } from '../cancel';
import { credentialFlags, type CliDeps, type CredentialFlags } from '../deps';
import { EXIT, type CliIo } from '../io';
import { BUDGET_CREATE_FLAGS, BUDGET_DELETE_FLAGS, BUDGETS_FLAGS } from './cost';
import type { Command } from './index';

// The cost core (and with it the Budgets and SNS clients) loads when a budget command runs.
const core = () => import('../../core/cost');

const FIELD_TO_FLAG: Record<string, string> = { name: 'name', amount: 'amount', scope: 'scope', emails: 'email', topicArn: 'topic-arn', actual: 'actual', forecasted: 'forecasted' };

/** `--actual 80,100`: percentages; "none" for none; each checked so the message names the flag. */
export function thresholdsFlag(flags: ParsedFlags, flag: 'actual' | 'forecasted'): number[] | undefined {
  const raw = flags[flag];
  if (typeof raw !== 'string') return undefined;
  if (raw.trim().toLowerCase() === 'none') return [];
  return raw
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((part) => {
      const n = parseTypedNumber(part.replace(/%$/, ''));
      if (typeof n !== 'number') throw new AppError('InvalidInput', `--${flag}: "${part.slice(0, 20)}" is not a percentage; write e.g. 80,100 (or "none").`, `--${flag}`);
      return n;
    });
}

async function budgetDeps(io: CliIo, deps: CliDeps, credentials: CredentialFlags) {
  const session = await deps.session(credentials, 'us-east-1');
  const { BudgetRecords } = await core();
  return { aws: session.aws, account: session.info.account, records: new BudgetRecords(defaultDataDir(io.env)) };
}

/** `onramp budget create`: a monthly cost budget with actual and forecasted alerts, all or nothing. */
export const budgetCreate: Command = async (argv, io, deps) => {
  const flags = parseFlags(argv, BUDGET_CREATE_FLAGS);
  const credentials = credentialFlags(flags);
  requireFlag(flags, 'name');
  requireFlag(flags, 'amount');
  const emails = ((flags.email as string[] | undefined) ?? []).flatMap(splitEmails);
  const config = validateWith(
    BudgetConfigSchema,
    {
      name: flags.name,
      amount: flags.amount,
      scope: flags.scope,
      emails,
      topicArn: flags['topic-arn'] ?? null,
      actual: thresholdsFlag(flags, 'actual'),
      forecasted: thresholdsFlag(flags, 'forecasted'),
    },
    FIELD_TO_FLAG,
  );
  const d = await budgetDeps(io, deps, credentials);
  const { createBudget, withSteps } = await core();
  const cancel = {
    cancelling: 'cancelling — finishing the step in flight, then undoing what this run made (Ctrl-C again to quit now).',
    quitting: 'quit before undoing finished; run "onramp budgets" to see what is left.',
  };
  const result = await runCancellable(io, cancel, (runs) =>
    runs.start({
      kind: 'budget-create',
      subject: config.name,
      fields: {},
      work: (run) =>
        withSteps(run, (step) =>
          createBudget(d, config, {
            signal: run.signal,
            report: (p) => {
              step(p);
              io.stderr(`${p.message}\n`);
            },
          }),
        ),
    }),
  );
  for (const n of result.notes) io.stderr(`note: ${n}\n`);
  const human = [
    `${result.created ? 'Created' : 'Kept'} budget ${result.name}: ${formatMoney(result.amount, result.unit)} a month, ${result.scope === 'platform' ? "the platform's AWS Marketplace charges" : 'every charge'} (credits and refunds left out)`,
    `alerts: ${result.notifications.map((n) => `${n.type} > ${n.threshold}%`).join(', ')}`,
    `notifies: ${result.subscribers.map((s) => s.address).join(', ')}`,
    ...(result.topicPolicy === 'added' ? ['the topic now lets budgets.amazonaws.com publish (one statement added to its policy)'] : []),
  ].join('\n');
  return { json: result, human, exitCode: EXIT.ok };
};

function describe(b: BudgetSummary): string {
  const spend = b.actualSpend !== null ? `, spent ${formatMoney(b.actualSpend, b.unit || 'USD')}` : '';
  const forecast = b.forecastedSpend !== null ? `, forecast ${formatMoney(b.forecastedSpend, b.unit || 'USD')}` : '';
  const who = b.subscribers === null ? 'subscribers unknown' : b.subscribers.map((s) => s.address).join(', ') || 'nobody';
  return `${b.name}: ${formatMoney(b.amount || '0', b.unit || 'USD')} ${b.timeUnit.toLowerCase()}, scope ${b.scope}${spend}${forecast}\n  alerts ${b.notifications.map((n) => `${n.type} > ${n.threshold}%`).join(', ') || 'none'} → ${who}${b.managedByOnramp ? ' (made by Onramp)' : ''}`;
}

/** `onramp budgets`: the account's cost budgets. */
export const budgets: Command = async (argv, io, deps) => {
  const flags = parseFlags(argv, BUDGETS_FLAGS);
  const d = await budgetDeps(io, deps, credentialFlags(flags));
  const list = await (await core()).listBudgets(d);
  return { json: list, human: list.length ? list.map(describe).join('\n') : `No cost budgets in account ${d.account}.`, exitCode: EXIT.ok };
};

/** `onramp budget delete`: delete one budget (and the topic statement Onramp added for it). */
export const budgetDelete: Command = async (argv, io, deps) => {
  const flags = parseFlags(argv, BUDGET_DELETE_FLAGS);
  const credentials = credentialFlags(flags);
  const name = validateWith(BudgetNameSchema, requireFlag(flags, 'name'), { '': 'name' });
  const result = await (await core()).deleteBudget(await budgetDeps(io, deps, credentials), name);
  for (const n of result.notes) io.stderr(`note: ${n}\n`);
  const human = [`Deleted budget ${result.name}.`, ...(result.topicPolicy === 'removed' ? ["Removed Onramp's statement from the topic's access policy."] : [])].join('\n');
  return { json: result, human, exitCode: EXIT.ok };
};
