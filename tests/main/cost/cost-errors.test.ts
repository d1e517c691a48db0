/**
 * Honest errors: each Cost Explorer refusal says what happened and what to do, stops at the first
 * request (one cent, not four), and caches nothing. Against the Cost Explorer fake.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { CostCache, costReport, type CostDeps } from '../../../main/core/cost';
import { contextAt } from '../../helpers/fixtures';
import { useCostExplorerFake } from '../../helpers/cost-explorer-fake';
import { NOW, seedItems, TODAY } from './seed';

const fake = useCostExplorerFake();

async function deps(): Promise<CostDeps> {
  const aws = await contextAt(fake.url, 'us-east-1', { timeouts: { connectionMs: 2000, requestMs: 5000, maxAttempts: 1 } });
  return { aws, account: '123456789012', cache: new CostCache(mkdtempSync(join(tmpdir(), 'onramp-cost-'))), refreshMs: 6 * 3_600_000, now: () => NOW };
}

beforeEach(() => {
  fake.reset();
  fake.items = seedItems();
  fake.today = TODAY;
});

describe('cost report: honest errors', () => {
  it.each([
    {
      what: 'Cost Explorer not enabled',
      error: { type: 'AccessDeniedException', message: 'User not enabled for cost explorer access' },
      code: 'NotEnabled',
      says: [/not enabled for this account/, /Launch Cost Explorer/, /up to 24 hours/],
    },
    {
      what: 'the first day after enabling (no data yet)',
      error: { type: 'DataUnavailableException', message: 'Data is not available. Please try to adjust the time period.' },
      code: 'NotEnabled',
      says: [/no data for this account yet/, /Try again tomorrow/],
    },
    {
      what: 'a member account without access',
      error: { type: 'AccessDeniedException', message: "Linked account doesn't have access to cost explorer. Please contact your payer account." },
      code: 'AccessDenied',
      says: [/member of an AWS organization/, /management account/, /Linked account access/],
    },
    {
      what: 'no ce: permission',
      error: { type: 'AccessDeniedException', message: 'User: arn:aws:iam::123456789012:user/t is not authorized to perform: ce:GetCostAndUsage on resource: *' },
      code: 'AccessDenied',
      says: [/may not call Cost Explorer GetCostAndUsage/, /ce:GetCostAndUsage and ce:GetCostForecast/, /Readiness/],
    },
  ])('$what: $code, says what to do, one request, nothing cached', async ({ error, code, says }) => {
    const d = await deps();
    fake.fail('GetCostAndUsage', error, 1);
    const err = (await costReport(d, { kind: 'month-to-date' }).then(
      () => ({ code: 'none', message: 'no error' }),
      (e: unknown) => e,
    )) as { code: string; message: string };
    expect(err).toMatchObject({ code });
    for (const s of says) expect(err.message).toMatch(s);
    expect(fake.calls).toHaveLength(1);
    // Nothing was cached: the next report asks again (and, the failure gone, succeeds).
    expect(await costReport(d, { kind: 'month-to-date' })).toMatchObject({ cached: false, total: '702.5000085728' });
  });

  it('a currency other than USD: figures in that currency, with a note that the USD estimate is not compared', async () => {
    fake.items = seedItems().map((i) => ({ ...i, currency: 'EUR' }));
    const r = await costReport(await deps(), { kind: 'month-to-date' });
    expect(r.currency).toBe('EUR');
    expect(r.total).toBe('702.5000085728');
    expect(r.notes.join(' ')).toMatch(/in EUR, not USD: the vCPU-hour estimate \(priced in USD\) is not compared/);
  });

  it('amounts in two currencies: no total is made up, the error names both', async () => {
    fake.items = seedItems().map((i) => (i.date === '2026-11-03' ? { ...i, currency: 'EUR' } : i));
    await expect(costReport(await deps(), { kind: 'month-to-date' })).rejects.toMatchObject({ code: 'AwsError', message: expect.stringMatching(/more than one currency \(EUR, USD\)/) });
  });

  it('a month that has not begun is invalid input naming the field, before any request', async () => {
    await expect(costReport(await deps(), { kind: 'month', month: '2027-01' })).rejects.toMatchObject({ code: 'InvalidInput', field: 'month' });
    expect(fake.calls).toHaveLength(0);
  });
});
