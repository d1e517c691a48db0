/**
 * A small local fake of the documented Cost Explorer API, which moto lacks in the parts Onramp uses
 * (moto's GetCostAndUsage only replays injected results and it has no GetCostForecast). It speaks
 * the AWS JSON 1.1 protocol (`POST /`, `X-Amz-Target: AWSInsightsIndexService.<Operation>`, errors as
 * `{"__type", "message"}` with the `x-amzn-ErrorType` header) and computes its answers from a list of
 * line items, following the API reference
 * (https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_GetCostAndUsage.html):
 * - TimePeriod: start inclusive, end EXCLUSIVE (DateInterval: "2017-01-01 to 2017-05-01 is up to and
 *   including 2017-04-30"); Start must be before End.
 * - Granularity DAILY or MONTHLY (HOURLY is refused here: it needs opt-in); each period of the
 *   granularity is one ResultsByTime entry, `Estimated` while it is in the current month.
 * - Filter: an Expression with exactly one root of Dimensions (values OR-ed; EQUALS by default,
 *   STARTS_WITH/ENDS_WITH/CONTAINS/ABSENT/CASE_INSENSITIVE honoured), Tags, And, Or or Not; more than one
 *   root is the documented ValidationException.
 * - GroupBy: at most two, DIMENSION or TAG; BILLING_ENTITY is a filter dimension only and cannot be a
 *   group key (ValidationException). With GroupBy a period has `Groups` and an empty `Total`; without
 *   it, a `Total` per metric.
 * - Pagination: at most `pageSize` groups (or, without GroupBy, periods) per answer, with a
 *   NextPageToken; a token used with another request is RequestChangedException, a made-up one
 *   InvalidNextTokenException.
 * - GetCostForecast: TimePeriod must start today or later (ValidationException otherwise); with fewer
 *   than `minHistoryDays` days of history it is DataUnavailableException. Its model (this fake's own, not
 *   AWS's): the mean daily amount of the last `lookbackDays` complete days, times the days of each
 *   period, with a symmetric prediction interval of ±(level/4)% of the mean.
 * Any operation can be told to fail (`fail`), e.g. with AccessDeniedException or
 * DataUnavailableException. Loopback only; amounts are summed with bigints at 10 decimal places
 * (deliberately not Onramp's own decimal helper).
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { useServer, type FixtureOptions } from './fixtures';

/** One billed line: what Cost Explorer aggregates. */
export interface LineItem {
  /** YYYY-MM-DD (UTC). */
  date: string;
  service: string;
  /** "AWS" or "AWS Marketplace". */
  billingEntity?: string;
  usageType?: string;
  /** Usage (default), Credit, Refund, Tax, … */
  recordType?: string;
  region?: string;
  /** A decimal string ("12.34", "-5"). */
  amount: string;
  currency?: string;
  tags?: Record<string, string>;
}

/** An error the fake answers with. */
export interface FakeError {
  type: string;
  message: string;
  status?: number;
}

/** The operations the fake serves. */
export type CeOperation = 'GetCostAndUsage' | 'GetCostForecast';

/** One request the fake received. */
export interface CeCall {
  op: string;
  body: Record<string, unknown>;
}

/** A running fake. */
export interface CostExplorerFake {
  url: string;
  calls: CeCall[];
  items: LineItem[];
  /** "Today" in UTC (the forecast and `Estimated` use it). */
  today: string;
  /** Groups (or periods, without GroupBy) per page. */
  pageSize: number;
  minHistoryDays: number;
  lookbackDays: number;
  /** Answer the next `times` requests of `op` (default: every one until cleared) with this error. */
  fail(op: CeOperation, error: FakeError, times?: number): void;
  /** Forget failures, calls, and restore the defaults (keeps the items). */
  reset(): void;
  /** Requests of one operation so far. */
  count(op?: CeOperation): number;
  close(): Promise<void>;
}

const SCALE = 10;
const UNIT = 10n ** BigInt(SCALE);

function toUnits(text: string): bigint {
  const m = /^(-)?(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!m) throw new Error(`fake: bad amount ${text}`);
  const frac = (m[3] ?? '').padEnd(SCALE, '0');
  if (frac.length > SCALE && /[1-9]/.test(frac.slice(SCALE))) throw new Error(`fake: more than ${SCALE} decimals in ${text}`);
  const v = BigInt(m[2] || '0') * UNIT + BigInt(frac.slice(0, SCALE) || '0');
  return m[1] ? -v : v;
}

function fromUnits(v: bigint): string {
  const neg = v < 0n;
  const abs = neg ? -v : v;
  const frac = (abs % UNIT).toString().padStart(SCALE, '0').replace(/0+$/, '');
  return `${neg ? '-' : ''}${abs / UNIT}${frac ? `.${frac}` : ''}`;
}

class ValidationError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}
const invalid = (message: string) => new ValidationError('ValidationException', message);

const DIMENSIONS: Record<string, (i: LineItem) => string> = {
  SERVICE: (i) => i.service,
  BILLING_ENTITY: (i) => i.billingEntity ?? 'AWS',
  USAGE_TYPE: (i) => i.usageType ?? '',
  RECORD_TYPE: (i) => i.recordType ?? 'Usage',
  REGION: (i) => i.region ?? 'global',
  LINKED_ACCOUNT: () => '123456789012',
};
/** Documented as filter-only dimensions (not valid GroupBy keys). */
const FILTER_ONLY = new Set(['BILLING_ENTITY']);

interface Expr {
  And?: Expr[];
  Or?: Expr[];
  Not?: Expr;
  Dimensions?: { Key?: string; Values?: string[]; MatchOptions?: string[] };
  Tags?: { Key?: string; Values?: string[]; MatchOptions?: string[] };
  CostCategories?: unknown;
}

function matchValue(actual: string | undefined, values: string[], options: string[]): boolean {
  if (options.includes('ABSENT')) return actual === undefined || actual === '';
  const ci = options.includes('CASE_INSENSITIVE');
  const a = ci ? (actual ?? '').toLowerCase() : actual ?? '';
  return values.some((raw) => {
    const v = ci ? raw.toLowerCase() : raw;
    if (options.includes('STARTS_WITH')) return a.startsWith(v);
    if (options.includes('ENDS_WITH')) return a.endsWith(v);
    if (options.includes('CONTAINS')) return a.includes(v);
    return a === v;
  });
}

/** Compile an Expression into a predicate, checking the documented one-root rule. */
function compile(e: Expr): (i: LineItem) => boolean {
  const roots = (['And', 'Or', 'Not', 'Dimensions', 'Tags', 'CostCategories'] as const).filter((k) => e[k] !== undefined);
  if (roots.length !== 1) {
    throw invalid('Expression has more than one roots. Only one root operator is allowed for each expression: And, Or, Not, Dimensions, Tags, CostCategories');
  }
  if (e.And) {
    if (e.And.length < 2) throw invalid('And needs at least two expressions.');
    const parts = e.And.map(compile);
    return (i) => parts.every((p) => p(i));
  }
  if (e.Or) {
    if (e.Or.length < 2) throw invalid('Or needs at least two expressions.');
    const parts = e.Or.map(compile);
    return (i) => parts.some((p) => p(i));
  }
  if (e.Not) {
    const inner = compile(e.Not);
    return (i) => !inner(i);
  }
  if (e.Dimensions) {
    const key = e.Dimensions.Key ?? '';
    const get = DIMENSIONS[key];
    if (!get) throw invalid(`Dimension ${key} is not allowed. Allowed dimension(s): ${Object.keys(DIMENSIONS).join(', ')}`);
    const values = e.Dimensions.Values ?? [];
    const options = e.Dimensions.MatchOptions ?? ['EQUALS'];
    return (i) => matchValue(get(i), values, options);
  }
  if (e.Tags) {
    const key = e.Tags.Key ?? '';
    const values = e.Tags.Values ?? [];
    const options = e.Tags.MatchOptions ?? ['EQUALS'];
    return (i) => matchValue(i.tags?.[key], values, options);
  }
  throw invalid('CostCategories are not supported by this fake.');
}

const DAY_MS = 86_400_000;
const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
const isDay = (d: unknown): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(dayMs(d));

function checkPeriod(tp: unknown): { start: string; end: string } {
  const p = tp as { Start?: unknown; End?: unknown } | undefined;
  if (!isDay(p?.Start) || !isDay(p?.End)) throw invalid('TimePeriod Start and End must be dates written YYYY-MM-DD.');
  if (p.Start >= p.End) throw invalid(`Start date (${p.Start}) must be before end date (${p.End}).`);
  return { start: p.Start, end: p.End };
}

/** The periods [start, end) of a granularity covering the interval (MONTHLY periods are cut at the interval's ends). */
function periods(start: string, end: string, granularity: unknown): { start: string; end: string }[] {
  const out: { start: string; end: string }[] = [];
  if (granularity === 'DAILY') {
    for (let t = dayMs(start); t < dayMs(end); t += DAY_MS) out.push({ start: isoDay(t), end: isoDay(t + DAY_MS) });
  } else if (granularity === 'MONTHLY') {
    let s = start;
    while (s < end) {
      const d = new Date(dayMs(s));
      const next = isoDay(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
      out.push({ start: s, end: next < end ? next : end });
      s = next;
    }
  } else {
    throw invalid(`Granularity ${String(granularity)} is not supported here: use DAILY or MONTHLY.`);
  }
  return out;
}

const COST_METRICS = new Set(['AmortizedCost', 'BlendedCost', 'NetAmortizedCost', 'NetUnblendedCost', 'UnblendedCost', 'NormalizedUsageAmount', 'UsageQuantity']);

/** Start the fake on a free 127.0.0.1 port. */
export async function startCostExplorerFake(init: { items?: LineItem[]; today?: string; pageSize?: number } = {}): Promise<CostExplorerFake> {
  const failures = new Map<string, { error: FakeError; times: number }>();
  const fake = {
    url: '',
    calls: [] as CeCall[],
    items: init.items ?? [],
    today: init.today ?? isoDay(Date.now()),
    pageSize: init.pageSize ?? 1000,
    minHistoryDays: 1,
    lookbackDays: 7,
  };
  const inMonthOf = (day: string) => day.slice(0, 7) === fake.today.slice(0, 7);

  function costAndUsage(body: Record<string, unknown>): unknown {
    const { start, end } = checkPeriod(body.TimePeriod);
    const metrics = body.Metrics as unknown;
    if (!Array.isArray(metrics) || metrics.length === 0) throw invalid('Metrics is required.');
    for (const m of metrics) if (!COST_METRICS.has(String(m))) throw invalid(`Invalid metric ${String(m)}.`);
    const groupBy = (body.GroupBy as { Type?: string; Key?: string }[] | undefined) ?? [];
    if (groupBy.length > 2) throw invalid('You can group by at most two dimensions or tags.');
    const groupers = groupBy.map((g) => {
      if (g.Type === 'TAG') return (i: LineItem) => `${g.Key}$${i.tags?.[g.Key ?? ''] ?? ''}`;
      if (g.Type !== 'DIMENSION') throw invalid(`Group Definition type ${String(g.Type)} is invalid.`);
      if (FILTER_ONLY.has(g.Key ?? '') || !DIMENSIONS[g.Key ?? '']) throw invalid(`Group Definition dimension is invalid. Valid values are ${Object.keys(DIMENSIONS).filter((k) => !FILTER_ONLY.has(k)).join(', ')}.`);
      return DIMENSIONS[g.Key!]!;
    });
    const keep = body.Filter ? compile(body.Filter as Expr) : () => true;
    const chosen = fake.items.filter((i) => i.date >= start && i.date < end && keep(i));
    const amountOf = (i: LineItem, metric: string) => (metric === 'UsageQuantity' ? 0n : toUnits(i.amount));
    const unitOf = (metric: string, items: LineItem[]) => (metric === 'UsageQuantity' ? 'N/A' : items[0]?.currency ?? 'USD');
    const metricsOf = (items: LineItem[]) =>
      Object.fromEntries((metrics as string[]).map((m) => [m, { Amount: fromUnits(items.reduce((s, i) => s + amountOf(i, m), 0n)), Unit: unitOf(m, items) }]));
    const slots = periods(start, end, body.Granularity).map((p) => ({ ...p, items: chosen.filter((i) => i.date >= p.start && i.date < p.end) }));
    // Flatten to page over: groups when grouping, periods otherwise.
    type Entry = { slot: number; keys?: string[]; items: LineItem[] };
    const entries: Entry[] = [];
    slots.forEach((s, slot) => {
      if (groupers.length === 0) return entries.push({ slot, items: s.items });
      const groups = new Map<string, LineItem[]>();
      for (const i of s.items) {
        const key = JSON.stringify(groupers.map((g) => g(i)));
        groups.set(key, [...(groups.get(key) ?? []), i]);
      }
      for (const [key, items] of [...groups.entries()].sort()) entries.push({ slot, keys: JSON.parse(key) as string[], items });
    });
    const { NextPageToken: token, ...rest } = body;
    const requestHash = createHash('sha256').update(JSON.stringify(rest)).digest('hex').slice(0, 16);
    let offset = 0;
    if (token !== undefined) {
      const m = /^([0-9a-f]{16}):(\d+)$/.exec(Buffer.from(String(token), 'base64').toString('utf8'));
      if (!m) throw new ValidationError('InvalidNextTokenException', 'The pagination token is invalid.');
      if (m[1] !== requestHash) throw new ValidationError('RequestChangedException', 'Your request parameters changed between pages. Submit a new request without the NextPageToken.');
      offset = Number(m[2]);
    }
    const page = entries.slice(offset, offset + fake.pageSize);
    const next = offset + fake.pageSize < entries.length ? Buffer.from(`${requestHash}:${offset + fake.pageSize}`).toString('base64') : undefined;
    // Periods without any group appear (empty) on the first page.
    const shown = new Set(page.map((e) => e.slot));
    if (offset === 0 && groupers.length > 0) slots.forEach((s, i) => s.items.length === 0 && shown.add(i));
    const results = [...shown].sort((a, b) => a - b).map((slot) => {
      const s = slots[slot]!;
      const mine = page.filter((e) => e.slot === slot);
      return {
        TimePeriod: { Start: s.start, End: s.end },
        Total: groupers.length === 0 ? metricsOf(mine[0]?.items ?? []) : {},
        Groups: groupers.length === 0 ? [] : mine.map((e) => ({ Keys: e.keys, Metrics: metricsOf(e.items) })),
        Estimated: inMonthOf(s.start) || s.end > fake.today,
      };
    });
    return {
      ...(groupBy.length ? { GroupDefinitions: groupBy.map((g) => ({ Type: g.Type, Key: g.Key })) } : {}),
      ResultsByTime: results,
      DimensionValueAttributes: [],
      ...(next ? { NextPageToken: next } : {}),
    };
  }

  function forecast(body: Record<string, unknown>): unknown {
    const { start, end } = checkPeriod(body.TimePeriod);
    if (start < fake.today) throw invalid(`Start date must be equal to or later than the current date (${fake.today}).`);
    if (typeof body.Metric !== 'string') throw invalid('Metric is required.');
    const level = body.PredictionIntervalLevel === undefined ? 80 : Number(body.PredictionIntervalLevel);
    if (!(level >= 51 && level <= 99)) throw invalid('PredictionIntervalLevel must be between 51 and 99.');
    const keep = body.Filter ? compile(body.Filter as Expr) : () => true;
    const from = isoDay(dayMs(fake.today) - fake.lookbackDays * DAY_MS);
    const history = fake.items.filter((i) => i.date < fake.today && keep(i));
    const days = new Set(history.map((i) => i.date)).size;
    if (days < fake.minHistoryDays) throw new ValidationError('DataUnavailableException', 'Insufficient amount of historical data to generate forecast.');
    const recent = history.filter((i) => i.date >= from);
    const perDay = recent.reduce((s, i) => s + toUnits(i.amount), 0n) / BigInt(fake.lookbackDays);
    const spread = (perDay * BigInt(level)) / 400n;
    const byTime = periods(start, end, body.Granularity).map((p) => {
      const n = BigInt(Math.round((dayMs(p.end) - dayMs(p.start)) / DAY_MS));
      return { TimePeriod: { Start: p.start, End: p.end }, MeanValue: fromUnits(perDay * n), PredictionIntervalLowerBound: fromUnits((perDay - spread) * n), PredictionIntervalUpperBound: fromUnits((perDay + spread) * n) };
    });
    const total = byTime.reduce((s, r) => s + toUnits(r.MeanValue), 0n);
    return { Total: { Amount: fromUnits(total), Unit: 'USD' }, ForecastResultsByTime: byTime };
  }

  const send = (res: ServerResponse, status: number, body: unknown, errorType?: string) => {
    res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', ...(errorType ? { 'x-amzn-errortype': errorType } : {}) });
    res.end(JSON.stringify(body));
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString()));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      const op = target.startsWith('AWSInsightsIndexService.') ? target.slice('AWSInsightsIndexService.'.length) : target;
      let body: Record<string, unknown> = {};
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        return send(res, 400, { __type: 'SerializationException', message: 'Body is not JSON.' }, 'SerializationException');
      }
      fake.calls.push({ op, body });
      const failure = failures.get(op);
      if (failure) {
        if (--failure.times <= 0) failures.delete(op);
        return send(res, failure.error.status ?? 400, { __type: failure.error.type, message: failure.error.message }, failure.error.type);
      }
      try {
        if (op === 'GetCostAndUsage') return send(res, 200, costAndUsage(body));
        if (op === 'GetCostForecast') return send(res, 200, forecast(body));
        return send(res, 400, { __type: 'UnknownOperationException', message: `Operation ${op} is not served by this fake.` }, 'UnknownOperationException');
      } catch (err) {
        if (err instanceof ValidationError) return send(res, 400, { __type: err.type, message: err.message }, err.type);
        return send(res, 500, { __type: 'InternalServerError', message: String(err) }, 'InternalServerError');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const defaults = { pageSize: fake.pageSize, minHistoryDays: fake.minHistoryDays, lookbackDays: fake.lookbackDays };
  return Object.assign(fake, {
    fail(op: CeOperation, error: FakeError, times = Number.POSITIVE_INFINITY) {
      failures.set(op, { error, times });
    },
    reset() {
      failures.clear();
      fake.calls.length = 0;
      Object.assign(fake, defaults);
    },
    count(op?: CeOperation) {
      return fake.calls.filter((c) => !op || c.op === op).length;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** The Cost Explorer fake for one describe block: started before its tests and closed after (a live view, like useServer's). */
export function useCostExplorerFake(init?: Parameters<typeof startCostExplorerFake>[0], opts?: FixtureOptions): CostExplorerFake {
  return useServer('useCostExplorerFake()', () => startCostExplorerFake(init), (f) => f.close(), opts);
}
