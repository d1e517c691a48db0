/**
 * End to end (issue 21): the first walk of a new user, against moto, with the checks for what that
 * walk met — a cleared field, a plan with a conflict, a taken configuration name, notices that must
 * not cover the results they announce, the Configurations table, readiness that cannot tell, a
 * class whose small average must not read "0", "New alarm" after a finished create, Settings' AWS
 * request counts (the harness builds the main process through the app's own composition root), and
 * a disconnect in the middle of a wizard. axe runs on every screen this issue changed.
 */
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextForProfile } from '../../main/core/profiles/session';
import { useMoto, useRequestCounter } from '../helpers/fixtures';
import { HAS_MOTO } from '../helpers/moto';
import { seedUsage, twoDaysWithSpikes } from '../main/monitoring/seed';
import { fillRegion } from '../main/readiness/fixtures';
import { HAS_CHROMIUM, startHarness, type Harness } from './harness';
import { AlarmWizardPage } from './pages/alarm-wizard';
import { AppShellPage } from './pages/app-shell';
import { runAxe } from './pages/axe';
import { ConnectPage } from './pages/connect';
import { lineBreaks } from './pages/layout';
import { NoticesPage } from './pages/notices';
import { buttonLooks, placeholderAndErrorColours, valueFontSizes } from './pages/styles';
import { SetupWizardPage } from './pages/setup-wizard';

const SKIP = !HAS_CHROMIUM || !HAS_MOTO;
const TAKEN_BUCKET = 'walk-taken-bucket';
const LONG_ROLE = 'BodoPlatformUserForTheAnalyticsTeam';

describe.skipIf(SKIP)('a first walk through every screen (Chromium + real handlers + moto)', () => {
  const moto = useMoto();
  // The app's AWS calls go through this counter; the test's own arranging goes to moto directly.
  const counter = useRequestCounter({ upstream: moto });
  let h: Harness;
  let shell: AppShellPage;
  let setup: SetupWizardPage;
  let notices: NoticesPage;
  const axeFindings: string[] = [];

  async function axe(where: string): Promise<void> {
    for (const f of await runAxe(h.page)) axeFindings.push(`${where}: ${f.id} (${f.impact}) ${f.nodes.map((n) => n.target).join(', ')}`);
  }

  beforeAll(async () => {
    await fillRegion(moto.url, 'us-west-1', 4, 5);
    const direct = await contextForProfile({ profile: 'default', env: moto.env(), region: 'us-east-1' });
    await seedUsage(direct, 'us-east-1', 'Standard/OnDemand', twoDaysWithSpikes().points);
    // A class that ran a little: 4 vCPUs for one hour of the week, an average of about 0.02 vCPUs.
    const hour = twoDaysWithSpikes().points.slice(-12).map((p) => ({ t: p.t, v: 4 }));
    await seedUsage(direct, 'us-east-1', 'G/OnDemand', hour);
    // A bucket of this account that Onramp did not create: the plan must call it a conflict.
    await new S3Client({ region: 'us-east-1', endpoint: moto.url, forcePathStyle: true, credentials: { accessKeyId: 'AKIAOBSERVER00000001', secretAccessKey: 'x' } }).send(
      new CreateBucketCommand({ Bucket: TAKEN_BUCKET }),
    );
    h = await startHarness(counter.env());
    shell = new AppShellPage(h.page);
    setup = new SetupWizardPage(h.page);
    notices = new NoticesPage(h.page);
    const connect = new ConnectPage(h.page);
    await connect.connect('default');
    await connect.connectedIdentity.waitFor({ state: 'visible' });
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  it('setup form: a cleared required field says it is required, and its example stays dimmed', async () => {
    await shell.open('New setup');
    const table = setup.field('DynamoDB table name');
    await table.fill('walk-lock');
    await table.fill('');
    await h.page.getByText('DynamoDB table name is required.').waitFor({ state: 'visible' });
    expect(await h.page.getByText(/characters long \(it is 0\)/).count()).toBe(0);
    const colours = await table.evaluate(placeholderAndErrorColours);
    expect(colours.placeholder).not.toBe(colours.error);
    await h.screenshot('walk-01-cleared-field');
  });

  it('plan: the conflict is a sentence naming the resource, the long role name wraps between words, and the policy size reads one way', async () => {
    await setup.fill({ name: 'walk-demo', region: 'us-east-1', bucketName: TAKEN_BUCKET, tableName: 'walk-lock', roleName: LONG_ROLE, platformAccountId: '481633624848' });
    await h.page.setViewportSize({ width: 1024, height: 860 });
    await setup.next.click();
    await setup.plan.waitFor({ state: 'visible', timeout: 60_000 });
    const banner = h.page.getByRole('alert').filter({ hasText: 'Cannot apply: the plan has conflicts' });
    expect(await banner.innerText()).toMatch(/The S3 bucket walk-taken-bucket already exists in a form Onramp will not change\./);
    for (const detail of await setup.plan.getByRole('row').locator('td:nth-child(4)').allInnerTexts()) expect(detail).toMatch(/^[A-Z]/);
    const role = setup.plan.locator('code').filter({ hasText: LONG_ROLE });
    const { breaks } = await role.evaluate(lineBreaks);
    // Every break falls between two words of the name (before a capital), never inside one.
    for (const b of breaks) expect(b.after, b.at).toMatch(/[A-Z]/);
    expect(await setup.plan.innerText()).toMatch(/\(\d,\d{3} of 10,240 characters\)/);
    await h.screenshot('walk-02-plan-conflict');
    await axe('plan with a conflict');
    await h.page.setViewportSize({ width: 1280, height: 860 });
  }, 90_000);

  it('setup result: no notice is drawn over it, and it says what was made before anything else', async () => {
    await h.page.getByRole('main').getByRole('button', { name: 'Back' }).click();
    await setup.field('S3 bucket name').fill('walk-demo-state');
    await setup.next.click();
    await setup.apply.click();
    await setup.viewResult.waitFor({ state: 'visible', timeout: 120_000 });
    await setup.viewResult.click();
    await setup.result.waitFor({ state: 'visible' });
    expect(await h.page.getByRole('main').getByRole('status').filter({ hasText: 'walk-demo' }).first().innerText()).toMatch(/^Cloud Configuration walk-demo is in place in us-east-1/);
    expect(await notices.withText('Cloud Configuration walk-demo is in place').count()).toBe(0);
    expect(await notices.cover(h.page.getByRole('main'))).toBe(false);
    await h.screenshot('walk-03-setup-result');
  }, 180_000);

  it('a taken configuration name is said on the form, before the plan', async () => {
    await h.page.getByRole('main').getByRole('button', { name: 'New setup' }).click();
    await setup.field('Configuration name').fill('walk-demo');
    await setup.field('S3 bucket name').fill('walk-other-state');
    await setup.field('DynamoDB table name').fill('walk-other-lock');
    await h.page.getByText(/Configuration name "walk-demo" is already used in account 123456789012 by a configuration with other resources/).waitFor({ state: 'visible' });
    expect(await setup.next.isDisabled()).toBe(true);
    await h.screenshot('walk-04-name-taken');
    await axe('setup form with a taken name');
  });

  it('Configurations: one Refresh, a labelled platform URL, one style of row action, same-size values, dates that keep "PM" with their time', async () => {
    await shell.open('Configurations');
    const main = h.page.getByRole('main');
    const table = main.getByRole('table', { name: 'Saved configurations' });
    await table.waitFor({ state: 'visible' });
    await main.getByText(/^Platform API: https:\/\/api\.bodo\.ai\/api/).waitFor({ state: 'visible' });
    expect(await main.getByRole('button', { name: 'Refresh' }).count()).toBe(1);
    const looks = await table.getByRole('row').nth(1).getByRole('button', { name: /^(Verify|Export|Delete|Forget) walk-demo$/ }).evaluateAll(buttonLooks);
    expect(looks).toHaveLength(4);
    for (const l of looks) expect({ ...l }).toEqual({ ...looks[0] });
    const sizes = await table.getByRole('row').nth(1).locator('td:nth-child(2) p').evaluateAll(valueFontSizes);
    expect(new Set(sizes).size).toBe(1);
    await main.getByLabel('What the actions do').waitFor({ state: 'visible' });
    for (const width of [1280, 1024, 800]) {
      await h.page.setViewportSize({ width, height: 860 });
      for (const when of await table.getByRole('row').nth(1).locator('td:nth-child(3) p').all()) {
        const { text, breaks } = await when.evaluate(lineBreaks);
        for (const b of breaks) expect(`${text} at ${width} px: ${b.at}`).not.toMatch(/\|[AP]M$/);
      }
    }
    await h.page.setViewportSize({ width: 1280, height: 860 });
    await h.screenshot('walk-05-configurations');
    await axe('configurations');
  });

  it('Readiness: one verdict per region; the summary never says room where it cannot tell', async () => {
    await shell.open('Readiness');
    const summary = h.page.getByLabel('Checked identity').getByRole('status');
    await summary.waitFor({ state: 'visible', timeout: 60_000 });
    const text = await summary.innerText();
    expect(text).toMatch(/^Cannot tell for us-east-1, us-east-2 and us-west-2: Service Quotas did not give "Running On-Demand Standard/);
    expect(text).toMatch(/Needs attention: us-west-1\./);
    expect(text).not.toMatch(/room for a workspace/);
    for (const region of ['us-east-1', 'us-east-2', 'us-west-2']) expect(await h.page.getByRole('region', { name: region }).innerText()).toMatch(/LIMITS UNKNOWN|Limits unknown/);
    await h.screenshot('walk-06-readiness');
    await axe('readiness');
  }, 90_000);

  it('Monitoring: the quota note names the quota, and a class that ran a little does not average "0"', async () => {
    await shell.open('Monitoring');
    const note = h.page.getByLabel('Quota note');
    await note.waitFor({ state: 'visible', timeout: 60_000 });
    expect(await note.innerText()).toMatch(/Standard\/OnDemand vCPU quota \(L-1216C47A\)/);
    const g = h.page.getByRole('row', { name: 'us-east-1 G/OnDemand' });
    await g.waitFor({ state: 'visible', timeout: 60_000 });
    const [, hours, average] = await g.getByRole('cell').allInnerTexts();
    expect(Number(hours)).toBeGreaterThan(0);
    expect(average).not.toBe('0');
    expect(Number(average)).toBeGreaterThan(0);
    await h.screenshot('walk-07-monitoring');
  }, 90_000);

  it('New alarm: the result shows in place with no notice over it; New alarm then starts fresh; the result is one click away from Monitoring', async () => {
    const wizard = new AlarmWizardPage(h.page);
    await wizard.open();
    await wizard.next.click();
    await wizard.chart.waitFor({ state: 'visible', timeout: 60_000 });
    await wizard.next.click();
    await wizard.next.click();
    await wizard.textbox('New topic name').fill('walk-topic');
    await wizard.textbox('Email 1').fill('ops@example.com');
    await wizard.next.click();
    await wizard.textbox('Alarm name').fill('walk-alarm');
    await wizard.create.click();
    await wizard.result.waitFor({ state: 'visible', timeout: 60_000 });
    expect(await wizard.root.getByRole('button', { name: 'Update walk-alarm' }).isVisible()).toBe(true);
    await h.page.waitForTimeout(300);
    expect(await notices.withText('walk-alarm is in place').count()).toBe(0);
    expect(await notices.cover(wizard.result)).toBe(false);
    await h.screenshot('walk-08-alarm-result-in-place');
    await wizard.open();
    await wizard.root.getByRole('radio', { name: /EC2 vCPU usage/ }).waitFor({ state: 'visible' });
    expect(await wizard.result.count()).toBe(0);
    await shell.open('Monitoring');
    await h.page.getByLabel('Last alarm created').getByRole('button', { name: 'Show its result' }).click();
    await wizard.result.waitFor({ state: 'visible' });
    expect(await h.page.getByRole('heading', { level: 1 }).innerText()).toBe('Alarm walk-alarm');
    await h.screenshot('walk-09-alarm-result-screen');
    await axe('alarm result screen');
  }, 120_000);

  it('Settings shows the AWS calls this session really made (the request log of the app\'s composition)', async () => {
    await shell.open('Settings');
    const panel = h.page.getByRole('table', { name: 'AWS requests this session' });
    await panel.waitFor({ state: 'visible' });
    const cell = async (row: RegExp) => Number((await panel.getByRole('row', { name: row }).getByRole('cell').nth(1).innerText()).replace(/,/g, ''));
    // The log counts one call per command (the counter also sees the SDK's retries, e.g. of Service
    // Quotas' 500s in moto); GetMetricData is never retried here, so its count must match exactly.
    await expect
      .poll(
        async () => {
          await h.page.getByRole('button', { name: 'Refresh', exact: true }).click();
          await h.page.waitForTimeout(200);
          return (await cell(/GetMetricData requests/)) === counter.requests.filter((r) => r.action === 'GetMetricData').length;
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    const total = await cell(/All AWS API calls/);
    expect(await cell(/GetMetricData requests/)).toBeGreaterThan(3);
    expect(total).toBeGreaterThan(20);
    expect(total).toBeLessThanOrEqual(counter.count);
    expect(await h.page.getByRole('heading', { name: 'Appearance' }).isVisible()).toBe(true);
    expect(await h.page.getByRole('heading', { name: 'Monitoring' }).isVisible()).toBe(true);
    await h.screenshot('walk-10-settings');
    await axe('settings');
  }, 60_000);

  it('Disconnect in the middle of a wizard asks, says what is kept, and keeps it', async () => {
    await shell.open('New setup');
    await setup.field('Configuration name').fill('half-done');
    await h.page.getByRole('button', { name: 'Disconnect' }).click();
    const dialog = h.page.getByRole('dialog', { name: 'Disconnect in the middle of New setup?' });
    await dialog.waitFor({ state: 'visible' });
    await h.screenshot('walk-11-disconnect-mid-wizard');
    await axe('disconnect dialog');
    await dialog.getByRole('button', { name: 'Disconnect' }).click();
    await notices.withText('New setup keeps what you typed').waitFor({ state: 'visible' });
    await new ConnectPage(h.page).connect('default');
    await new ConnectPage(h.page).connectedIdentity.waitFor({ state: 'visible' });
    await shell.open('New setup');
    expect(await setup.field('Configuration name').inputValue()).toBe('half-done');
    expect(axeFindings).toEqual([]);
    expect(h.pageErrors.filter((e) => !/frame-ancestors/.test(e))).toEqual([]);
  }, 60_000);
});
