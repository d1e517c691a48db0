import type { CostReport, Forecast } from '../../../shared/contract/cost';
import { costRefreshMs } from '../../../shared/contract/settings';
import { formatMoney } from '../../../shared/cost/decimal';
import { addDays, MAX_MONTHS, type CostPeriodQuery } from '../../../shared/cost/period';
import { USAGE_KIND_LABELS } from '../../../shared/cost/usage-types';
import { AppError } from '../../../shared/errors';
import { parseTypedNumber } from '../../../shared/monitoring/alarm-inputs';
import { SettingsStore } from '../../core/settings/settings-store';
import { defaultDataDir } from '../../core/store/data-dir';
import { parseFlags, type ParsedFlags } from '../args';
import { runCancellable } from '../cancel';
import { credentialFlags } from '../deps';
import { EXIT } from '../io';
import { COST_FLAGS } from './cost';
import type { Command } from './index';

// The cost core (and with it the Cost Explorer client) loads when the command runs.
const core = () => import('../../core/cost');

/** `--month` / `--months`: the period asked for (one of them at most); checked before anything is sent. */
export function periodFlags(flags: ParsedFlags, now: number, plan: (q: CostPeriodQuery, now: number) => unknown): CostPeriodQuery {
  const month = flags.month;
  const months = flags.months;
  if (month !== undefined && months !== undefined) throw new AppError('InvalidInput', 'Give --month or --months, not both.', '--months');
  let query: CostPeriodQuery = { kind: 'month-to-date' };
  if (typeof month === 'string') query = { kind: 'month', month: month.trim() };
  if (typeof months === 'string') {
    const n = parseTypedNumber(months);
    if (typeof n !== 'number' || !Number.isInteger(n)) throw new AppError('InvalidInput', `--months: "${months.slice(0, 20)}" is not a whole number of months (1–${MAX_MONTHS}).`, '--months');
    query = { kind: 'months', count: n };
  }
  try {
    plan(query, now);
  } catch (err) {
    const e = err as AppError;
    throw new AppError('InvalidInput', `--${query.kind === 'months' ? 'months' : 'month'}: ${e.message}`, query.kind === 'months' ? '--months' : '--month');
  }
  return query;
}

function ago(ms: number): string {
  const m = Math.round(ms / 60_000);
  if (m < 60) return `${m} min`;
  return `${Math.round(m / 6) / 10} h`;
}

function forecastLine(f: Forecast, currency: string): string {
  switch (f.source) {
    case 'cost-explorer':
      return `Forecast for ${f.month} (Cost Explorer): ${formatMoney(f.monthEnd, currency)}, ${f.predictionIntervalLevel}% interval ${formatMoney(f.lower, currency)} – ${formatMoney(f.upper, currency)}`;
    case 'onramp-estimate':
      return `Estimate for ${f.month} (Onramp's own, not AWS's): ${formatMoney(f.monthEnd, currency)}\n  ${f.method}\n  ${f.reason}`;
    case 'none':
      return `No forecast: ${f.reason}`;
  }
}

/** The report as lines for a terminal. */
export function humanReport(r: CostReport, now: number): string {
  const m = (v: string) => formatMoney(v, r.currency);
  const last = addDays(r.period.end, -1);
  const where = r.cached ? `from the cache, fetched ${ago(now - r.fetchedAt)} ago (no Cost Explorer request; next after ${new Date(r.freshUntil).toISOString().slice(0, 16).replace('T', ' ')} UTC or with --refresh)` : `fetched now`;
  const lines = [
    `Spend ${r.period.start} to ${last} (UTC; ${r.metric}, ${r.currency}) — ${where}`,
    `  Total charges:               ${m(r.total)}`,
    `    Platform (AWS Marketplace): ${m(r.platform)}`,
    `    Infrastructure:             ${m(r.infrastructure)}`,
    `  Credits and refunds:         ${m(r.credits.total)} (credits ${m(r.credits.credits)}, refunds ${m(r.credits.refunds)}) → net ${m(r.net)}`,
    `  ${forecastLine(r.forecast, r.currency)}`,
  ];
  if (r.months.length > 1) lines.push('By month:', ...r.months.map((x) => `  ${x.month}  ${m(x.total)} (platform ${m(x.platform)}, infrastructure ${m(x.infrastructure)})`));
  if (r.byService.length) lines.push('By service:', ...r.byService.slice(0, 15).map((s) => `  ${m(s.amount).padStart(12)}  ${s.service}${s.platform ? ' (platform)' : ''}`));
  if (r.ec2UsageTypes.length) lines.push('Largest EC2 usage types:', ...r.ec2UsageTypes.map((u) => `  ${m(u.amount).padStart(12)}  ${u.usageType} (${USAGE_KIND_LABELS[u.kind]})`));
  for (const n of r.notes) lines.push(`note: ${n}`);
  lines.push(`Cost Explorer requests: ${r.requests.costExplorer} ($${r.requests.estimatedCostUsd.toFixed(2)})`);
  return lines.join('\n');
}

/** `onramp cost`: actual spend, from the cache while fresh. */
export const cost: Command = async (argv, io, deps) => {
  const flags = parseFlags(argv, COST_FLAGS);
  const credentials = credentialFlags(flags);
  const { costReport, CostCache, planOrRefuse } = await core();
  const query = periodFlags(flags, Date.now(), planOrRefuse);
  const dataDir = defaultDataDir(io.env);
  const refreshMs = costRefreshMs(await new SettingsStore(dataDir).get());
  const session = await deps.session(credentials, 'us-east-1');
  const { withSteps } = await core();
  const cancel = {
    cancelling: 'cancelling — the request in flight is dropped and nothing is cached (Ctrl-C again to quit now).',
    quitting: 'quit.',
  };
  const report = await runCancellable(io, cancel, (runs) =>
    runs.start({
      kind: 'cost-refresh',
      subject: query.kind,
      fields: {},
      work: (run) =>
        withSteps(run, (step) =>
          costReport({ aws: session.aws, account: session.info.account, cache: new CostCache(dataDir), refreshMs }, query, {
            refresh: flags.refresh === true,
            signal: run.signal,
            report: (p) => {
              step(p);
              io.stderr(`${p.message}\n`);
            },
          }),
        ),
    }),
  );
  return { json: report, human: humanReport(report, Date.now()), exitCode: EXIT.ok };
};
