/**
 * End to end (issue 11.7): the alarm-create flow keeps its place across navigation, as the setup
 * wizard does. Real handlers and moto, with SNS CreateTopic answered late by a loopback proxy so
 * the create is still running when the user leaves: going to another screen mid-run and coming
 * back shows the run in progress with the inputs kept; once it has finished while the user was away,
 * a notice says so, "New alarm" begins a fresh alarm (issue 21.2), Monitoring leads to the result, and
 * one alarm was made.
 */
import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsContext } from '../../main/core/aws/context';
import { contextForProfile } from '../../main/core/profiles/session';
import { awsTestEnv, HAS_MOTO, type Moto } from '../helpers/moto';
import { sharedMoto } from '../helpers/shared-moto';
import { startRequestCounter, type RequestCounter } from '../helpers/request-counter';
import { seedUsage, twoDaysWithSpikes } from '../main/monitoring/seed';
import { HAS_CHROMIUM, startHarness, type Harness } from './harness';
import { AlarmWizardPage } from './pages/alarm-wizard';
import { AppShellPage } from './pages/app-shell';
import { ConnectPage } from './pages/connect';

const SKIP = !HAS_CHROMIUM || !HAS_MOTO;
const CREATE_TOPIC_DELAY_MS = 6_000;

describe.skipIf(SKIP)('alarm wizard keeps its place across navigation (Chromium + real handlers + moto)', () => {
  let moto: Moto;
  let proxy: RequestCounter;
  let h: Harness;
  let direct: AwsContext;
  let wizard: AlarmWizardPage;
  let shell: AppShellPage;

  beforeAll(async () => {
    moto = await sharedMoto();
    proxy = await startRequestCounter({ forwardTo: moto.url, intercept: (r) => (r.action === 'CreateTopic' ? { status: 0, delayMs: CREATE_TOPIC_DELAY_MS } : undefined) });
    const env = { ...awsTestEnv(moto), AWS_ENDPOINT_URL: proxy.url };
    direct = await contextForProfile({ profile: 'default', env: { ...env, AWS_ENDPOINT_URL: moto.url }, region: 'us-east-1' });
    await seedUsage(direct, 'us-east-1', 'Standard/OnDemand', twoDaysWithSpikes().points);
    h = await startHarness(env);
    wizard = new AlarmWizardPage(h.page);
    shell = new AppShellPage(h.page);
    await new ConnectPage(h.page).connect('default');
    await new ConnectPage(h.page).connectedIdentity.waitFor({ state: 'visible' });
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    await proxy?.close();
    await moto?.stop();
  });

  const alarms = async () => (await (await direct.cloudwatch('us-east-1')).send(new DescribeAlarmsCommand({ AlarmNamePrefix: 'kept-' }))).MetricAlarms ?? [];

  it('mid-run: leaving and coming back shows the create still running, on the review step, with the inputs', async () => {
    await wizard.open();
    await wizard.next.click();
    await wizard.chart.waitFor({ state: 'visible' });
    await wizard.threshold.fill('33');
    await wizard.next.click();
    await wizard.next.click();
    await wizard.textbox('New topic name').fill('kept-topic');
    await wizard.textbox('Email 1').fill('ops@example.com');
    await wizard.next.click();
    await wizard.textbox('Alarm name').fill('kept-alarm');
    await wizard.create.click();
    const creating = wizard.root.getByRole('status').filter({ hasText: 'Creating…' });
    await creating.waitFor({ state: 'visible' });

    await shell.open('Configurations');
    await h.page.getByRole('heading', { name: 'Configurations' }).waitFor({ state: 'visible' });
    expect(await creating.count()).toBe(0);
    await shell.open('New alarm');
    await creating.waitFor({ state: 'visible' });
    expect(await wizard.root.getByRole('button', { name: 'Cancel' }).isVisible()).toBe(true);
    expect(await wizard.textbox('Alarm name').inputValue()).toBe('kept-alarm');
    expect(await wizard.preview.innerText()).toContain('kept-topic');
    await h.screenshot('alarm-keeps-place-01-running-after-return');
    expect(await alarms()).toEqual([]);
  }, 60_000);

  it('after the result: it finished while the user was away; New alarm is new again, and the notice and Monitoring show the result', async () => {
    await shell.open('Monitoring');
    await expect.poll(async () => (await alarms()).length, { timeout: 30_000 }).toBe(1);
    // A notice says so, away from the result it announces.
    const notice = h.page.getByRole('alert').filter({ hasText: 'kept-alarm is in place in us-east-1.' });
    await notice.waitFor({ state: 'visible' });
    await h.screenshot('alarm-keeps-place-02-notice-elsewhere');
    // "New alarm" does not reopen the finished alarm: it begins a fresh one at step 1.
    await shell.open('New alarm');
    await wizard.root.getByRole('radio', { name: /EC2 vCPU usage/ }).waitFor({ state: 'visible' });
    expect(await wizard.result.count()).toBe(0);
    expect(await wizard.textbox('Alarm name').count()).toBe(0);
    expect(await wizard.next.innerText()).toMatch(/History & threshold/);
    await h.screenshot('alarm-keeps-place-03-new-alarm-is-new');
    // Monitoring keeps the way to the result.
    await shell.open('Monitoring');
    const last = h.page.getByLabel('Last alarm created');
    await last.waitFor({ state: 'visible' });
    await last.getByRole('button', { name: 'Show its result' }).click();
    await wizard.result.waitFor({ state: 'visible' });
    const result = await wizard.result.innerText();
    expect(result).toContain('Alarm created');
    expect(result).toContain('us-east-1: topic kept-topic (created)');
    await h.screenshot('alarm-keeps-place-04-result-from-monitoring');
    const [made] = await alarms();
    expect(made).toMatchObject({ AlarmName: 'kept-alarm', Threshold: 33 });
    // Only one create reached AWS.
    expect(proxy.requests.filter((r) => r.action === 'CreateTopic')).toHaveLength(1);
  }, 60_000);
});
