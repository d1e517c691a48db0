/**
 * End to end: the Cost screen and the budget flow in headless Chromium with the real handlers.
 * Cost Explorer is the local fake (AWS_ENDPOINT_URL_COST_EXPLORER) seeded with this month's charges
 * (the platform's Marketplace minutes, EC2 instances, a NAT gateway, an idle public IPv4, a credit);
 * everything else is moto (STS, CloudWatch vCPU usage, Budgets, SNS). axe-core (WCAG 2.2 AA + best
 * practices) runs on each state in light and dark; a screenshot per step under test-results/e2e/cost-*.png.
 */
import { DescribeBudgetsCommand } from '@aws-sdk/client-budgets';
import { CreateTopicCommand, GetTopicAttributesCommand } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsContext } from '../../main/core/aws/context';
import { contextForProfile } from '../../main/core/profiles/session';
import { startCostExplorerFake, type CostExplorerFake, type LineItem } from '../helpers/cost-explorer-fake';
import { useMoto } from '../helpers/fixtures';
import { HAS_MOTO } from '../helpers/moto';
import { seedUsage, twoDaysWithSpikes } from '../main/monitoring/seed';
import { HAS_CHROMIUM, startHarness, type Harness } from './harness';
import { runAxe, type AxeFinding } from './pages/axe';
import { AppShellPage } from './pages/app-shell';
import { ConnectPage } from './pages/connect';
import { CostPage } from './pages/cost';
import { ThemePage } from './pages/theme';

const SKIP = !HAS_CHROMIUM || !HAS_MOTO;
if (SKIP) console.warn('[e2e] cost skipped: needs /usr/bin/chromium and moto_server on PATH.');

const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
const COMPUTE = 'Amazon Elastic Compute Cloud - Compute';

/** Every day of this month up to today, and the last ten days of the month before. */
function items(): LineItem[] {
  const today = isoDay(Date.now());
  const first = Date.parse(`${today.slice(0, 7)}-01T00:00:00Z`);
  const out: LineItem[] = [];
  for (let t = first - 10 * 86_400_000, i = 0; isoDay(t) <= today; t += 86_400_000, i++) {
    const date = isoDay(t);
    out.push({ date, service: 'Bodo Platform', billingEntity: 'AWS Marketplace', usageType: 'BodoComputeMinutes', amount: (18 + (i % 5) * 3.25).toFixed(2) });
    out.push({ date, service: COMPUTE, usageType: 'BoxUsage:c5.4xlarge', amount: (9.5 + (i % 7) * 1.1).toFixed(2) });
    out.push({ date, service: 'EC2 - Other', usageType: 'USE1-NatGateway-Hours', amount: '1.08' });
    out.push({ date, service: 'EC2 - Other', usageType: 'EBS:VolumeUsage.gp3', amount: '0.42' });
    out.push({ date, service: 'Amazon Virtual Private Cloud', usageType: 'USE1-PublicIPv4:IdleAddress', amount: '0.12' });
    out.push({ date, service: 'Amazon Simple Storage Service', usageType: 'TimedStorage-ByteHrs', amount: '0.0312' });
  }
  out.push({ date: `${today.slice(0, 7)}-01`, service: COMPUTE, usageType: 'BoxUsage:c5.4xlarge', recordType: 'Credit', amount: '-25' });
  return out;
}

describe.skipIf(SKIP)('the Cost screen and budgets end to end (Chromium + real handlers + moto + the Cost Explorer fake)', () => {
  // The worker's shared moto server (reset for this file), not one of its own.
  const moto = useMoto();
  let fake: CostExplorerFake;
  let h: Harness;
  let aws: AwsContext;
  let cost: CostPage;
  let theme: ThemePage;
  let topicArn: string;
  const reports: { screen: string; findings: AxeFinding[] }[] = [];

  beforeAll(async () => {
    fake = await startCostExplorerFake({ items: items() });
    const env = { ...moto.env(), AWS_ENDPOINT_URL_COST_EXPLORER: fake.url };
    aws = await contextForProfile({ profile: 'default', env, region: 'us-east-1' });
    await seedUsage(aws, 'us-east-1', 'Standard/OnDemand', twoDaysWithSpikes().points);
    topicArn = (await (await aws.sns('us-east-1')).send(new CreateTopicCommand({ Name: 'bodo-budget-alerts' }))).TopicArn!;
    h = await startHarness(env);
    cost = new CostPage(h.page);
    theme = new ThemePage(h.page);
    await new ConnectPage(h.page).connect('default');
    await new ConnectPage(h.page).connectedIdentity.waitFor({ state: 'visible' });
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    await fake?.close();
  });

  async function check(screen: string): Promise<void> {
    await h.page.mouse.move(0, 0);
    await h.page.waitForTimeout(250);
    reports.push({ screen, findings: await runAxe(h.page) });
  }

  it('1. month to date: the platform apart from the infrastructure, credits apart, forecast, EC2 usage types, estimate beside actual', async () => {
    await cost.open();
    await cost.figure('Total charges').waitFor({ state: 'visible' });
    await expect(cost.figure('Bodo Platform (AWS Marketplace)').innerText()).resolves.toMatch(/\$[\d,]+\.\d\d/);
    await expect(cost.figure('Credits and refunds').innerText()).resolves.toContain('-$25.00');
    await expect(cost.forecast.innerText()).resolves.toMatch(/Month-end forecast \(Cost Explorer|No forecast/);
    await expect(cost.usageTypes.innerText()).resolves.toContain('USE1-NatGateway-Hours');
    await expect(cost.byService.innerText()).resolves.toMatch(/Bodo Platform\s*platform/i);
    await cost.estimate.getByRole('table').or(cost.estimate.getByText(/No complete day/)).waitFor({ state: 'visible' });
    expect(fake.count()).toBe(4);
    await h.screenshot('cost-01-month-to-date');
    for (const scheme of ['Light', 'Dark'] as const) {
      await theme.choose(scheme);
      await check(`${scheme}: Cost screen`);
    }
    await h.screenshot('cost-01-month-to-date-dark');
    await theme.choose('Light');
  });

  it('2. leaving and coming back asks Cost Explorer nothing (the cache); Refresh asks again', async () => {
    await new AppShellPage(h.page).open('Monitoring');
    await cost.open();
    await cost.source.waitFor({ state: 'visible' });
    await expect(cost.source.innerText()).resolves.toMatch(/From the cache, fetched .* no request/);
    expect(fake.count()).toBe(4);
    await cost.refresh.click();
    await h.page.getByText(/Fetched just now: 4 requests \(\$0\.04\)/).waitFor({ state: 'visible' });
    expect(fake.count()).toBe(8);
  });

  it('3. a budget with email and an SNS topic: form, created, listed; the topic lets AWS Budgets publish', async () => {
    await cost.fillBudget({ name: 'bodo-platform-monthly', amount: '1,500', emails: 'ops@example.com, finance@example.com', topicArn, platformOnly: true });
    await h.screenshot('cost-02-budget-form');
    for (const scheme of ['Light', 'Dark'] as const) {
      await theme.choose(scheme);
      await check(`${scheme}: new budget form`);
    }
    await theme.choose('Light');
    await cost.budgetForm.getByRole('button', { name: 'Create budget' }).click();
    await h.page.getByRole('status').filter({ hasText: 'Budget bodo-platform-monthly created' }).waitFor({ state: 'visible' });
    await cost.budgets.getByRole('row').filter({ hasText: 'bodo-platform-monthly' }).waitFor({ state: 'visible' });
    await expect(cost.budgets.innerText()).resolves.toMatch(/\$1,500\.00 monthly\s*Platform \(Marketplace\)/);
    await h.screenshot('cost-03-budget-created');
    for (const scheme of ['Light', 'Dark'] as const) {
      await theme.choose(scheme);
      await check(`${scheme}: budget created and listed`);
    }
    await theme.choose('Light');
    const budgets = await (await aws.budgets()).send(new DescribeBudgetsCommand({ AccountId: '123456789012' }));
    expect(budgets.Budgets?.map((b) => [b.BudgetName, b.BudgetLimit?.Amount, b.FilterExpression?.And?.[0]?.Dimensions?.Key])).toEqual([['bodo-platform-monthly', '1500', 'BILLING_ENTITY']]);
    const policy = (await (await aws.sns('us-east-1')).send(new GetTopicAttributesCommand({ TopicArn: topicArn }))).Attributes!.Policy!;
    expect(policy).toContain('budgets.amazonaws.com');
  });

  it('4. deleting the budget asks first, then removes it and the statement Onramp added', async () => {
    await cost.askDelete('bodo-platform-monthly');
    const dialog = h.page.getByRole('dialog', { name: 'Delete budget bodo-platform-monthly?' });
    await dialog.waitFor({ state: 'visible' });
    await h.screenshot('cost-04-budget-delete');
    await check('Light: delete budget dialog');
    await dialog.getByRole('button', { name: 'Delete budget' }).click();
    await h.page.getByText('No cost budgets in this account yet.').waitFor({ state: 'visible' });
    const policy = (await (await aws.sns('us-east-1')).send(new GetTopicAttributesCommand({ TopicArn: topicArn }))).Attributes!.Policy!;
    expect(policy).not.toContain('budgets.amazonaws.com');
  });

  it('5. Cost Explorer not enabled: the screen says what to do', async () => {
    fake.fail('GetCostAndUsage', { type: 'AccessDeniedException', message: 'User not enabled for cost explorer access' });
    await cost.refresh.click();
    const alert = h.page.getByRole('main').getByRole('alert').filter({ hasText: 'Launch Cost Explorer' });
    await alert.waitFor({ state: 'visible' });
    await h.screenshot('cost-05-not-enabled');
    for (const scheme of ['Light', 'Dark'] as const) {
      await theme.choose(scheme);
      await check(`${scheme}: Cost Explorer not enabled`);
    }
    await theme.choose('Light');
    fake.reset();
  });

  it('axe found nothing at any impact, in either theme', () => {
    const lines = reports.flatMap((r) => r.findings.map((f) => `${r.screen} | ${f.impact} | ${f.id} | ${f.help} | ${f.nodes.slice(0, 3).map((n) => n.target).join(', ')} — ${f.nodes[0]?.summary ?? ''}`));
    expect(lines).toEqual([]);
    expect(reports.length).toBe(9);
  });
});
