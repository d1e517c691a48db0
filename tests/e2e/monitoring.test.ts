/**
 * End to end: the built renderer in headless Chromium, bound to the real handler table, against
 * moto seeded with two days of EC2 vCPU usage (PutMetricData). Goes through the alarm wizard from
 * metric to a created alarm (new topic + email), then the dashboard showing it, then edits it in
 * place; a screenshot per step under test-results/e2e/monitoring-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextForProfile } from '../../main/core/profiles/session';
import { awsTestEnv, HAS_MOTO, startMoto, type Moto } from '../helpers/moto';
import { seedUsage, twoDaysWithSpikes } from '../main/monitoring/seed';
import { HAS_CHROMIUM, startHarness, type Harness } from './harness';
import { AlarmWizardPage } from './pages/alarm-wizard';
import { ConnectPage } from './pages/connect';
import { DashboardPage } from './pages/dashboard';

const SKIP = !HAS_CHROMIUM || !HAS_MOTO;
if (SKIP) console.warn('[e2e] monitoring skipped: needs /usr/bin/chromium and moto_server on PATH.');

describe.skipIf(SKIP)('alarm wizard and dashboard end to end (Chromium + real handlers + moto)', () => {
  let moto: Moto;
  let h: Harness;
  let wizard: AlarmWizardPage;
  let dashboard: DashboardPage;

  beforeAll(async () => {
    moto = await startMoto();
    const env = awsTestEnv(moto);
    const aws = await contextForProfile({ profile: 'default', env, region: 'us-east-1' });
    // 10 vCPUs for two days, a 50-vCPU spike for 15 minutes 30 h ago and a 60-vCPU spike 5 h ago.
    await seedUsage(aws, 'us-east-1', 'Standard/OnDemand', twoDaysWithSpikes().points);
    h = await startHarness(env);
    wizard = new AlarmWizardPage(h.page);
    dashboard = new DashboardPage(h.page);
    await new ConnectPage(h.page).connect('default');
    await new ConnectPage(h.page).connectedIdentity.waitFor({ state: 'visible' });
  });

  afterAll(async () => {
    await h?.close();
    await moto?.stop();
  });

  it('1. metric: region, vCPU usage class, billing explanation', async () => {
    await wizard.open();
    await h.page.getByRole('radio', { name: /Estimated charges/ }).check();
    await h.page.getByText(/Receive Billing Alerts/).first().waitFor();
    await h.screenshot('monitoring-01-metric-billing');
    await h.page.getByRole('radio', { name: /EC2 vCPU usage/ }).check();
    await expect(wizard.root.getByRole('combobox', { name: 'Usage class' }).inputValue()).resolves.toBe('Standard/OnDemand');
    await h.screenshot('monitoring-02-metric');
    await wizard.next.click();
  });

  it('2. history: chart, peak, quota note, suggestion, drag and type the threshold, backtest', async () => {
    await wizard.chart.waitFor({ state: 'visible' });
    await expect(wizard.threshold.inputValue()).resolves.toBe('72');
    await expect(wizard.facts.innerText()).resolves.toMatch(/Peak: 60 vCPUs at/);
    await expect(wizard.facts.innerText()).resolves.toMatch(/Quota: not shown/);
    await expect(wizard.suggestion.innerText()).resolves.toContain('peak 60 + 20% headroom, rounded up to 72.');
    await expect(wizard.backtest.innerText()).resolves.toBe('This alarm would not have fired in the last week.');
    // The chart draws at most 4 points per pixel column of the week's 2,016 slots' worth of data.
    const drawn = Number(await wizard.chart.getAttribute('data-points'));
    expect(drawn).toBeGreaterThan(0);
    await h.screenshot('monitoring-03-history');
    await wizard.dragThreshold(120);
    const dragged = Number(await wizard.threshold.inputValue());
    expect(dragged).toBeLessThan(72);
    expect(dragged).toBeGreaterThan(0);
    await h.screenshot('monitoring-04-history-dragged');
    await wizard.threshold.fill('40');
    await expect(wizard.backtest.innerText()).resolves.toBe('This alarm would have fired 2 times in the last week.');
    await expect(h.page.getByTestId('fired-intervals').locator('rect').count()).resolves.toBe(2);
    await h.screenshot('monitoring-05-history-backtest');
    await wizard.next.click();
  });

  it('3. conditions: 2 of 3 leaves one episode, instantly', async () => {
    await wizard.textbox('Evaluation periods (N)').fill('3');
    await wizard.textbox(/Datapoints to alarm/).fill('2');
    await expect(wizard.backtest.innerText()).resolves.toBe('This alarm would have fired once in the last week.');
    await h.screenshot('monitoring-06-conditions');
    await wizard.next.click();
  });

  it('4. notification: new topic and a validated email', async () => {
    await wizard.textbox('New topic name').fill('onramp-e2e-alerts');
    await wizard.textbox('Email 1').fill('not-an-email');
    await expect(wizard.next.isDisabled()).resolves.toBe(true);
    await wizard.textbox('Email 1').fill('ops@example.com');
    await expect(wizard.next.isEnabled()).resolves.toBe(true);
    await h.screenshot('monitoring-07-notification');
    await wizard.next.click();
  });

  it('5. name, preview with the price, create; subscriptions pending', async () => {
    await wizard.textbox('Alarm name').fill('onramp-e2e-vcpu');
    await wizard.textbox('Description').fill('EC2 vCPUs above 40');
    const preview = await wizard.preview.innerText();
    expect(preview).toContain('$0.10 per month');
    expect(preview).toContain('2 of 3');
    expect(preview).toContain('onramp-e2e-alerts (new) → ops@example.com');
    await h.screenshot('monitoring-08-preview');
    await wizard.create.click();
    await wizard.result.waitFor({ state: 'visible' });
    const result = await wizard.result.innerText();
    expect(result).toContain('Alarm created');
    expect(result).toContain('ops@example.com');
    expect(result).toMatch(/pending confirmation|confirmed/i);
    await h.screenshot('monitoring-09-created');
  });

  it('6. dashboard: region cards, the alarm, cost', async () => {
    await dashboard.open();
    await dashboard.alarms.waitFor({ state: 'visible' });
    const row = await dashboard.alarmRow('onramp-e2e-vcpu').innerText();
    expect(row).toContain('> 40 (2 of 3)');
    expect(row).toContain('onramp-e2e-alerts');
    expect(row).toMatch(/OK|ALARM|INSUFFICIENT_DATA/);
    await expect(dashboard.region('us-east-1').innerText()).resolves.toMatch(/vCPUs now/);
    await dashboard.cost.waitFor({ state: 'visible' });
    await expect(dashboard.lastUpdated.innerText()).resolves.toMatch(/Last updated/);
    await h.page.waitForTimeout(300);
    await h.screenshot('monitoring-10-dashboard');
  });

  it('7. edit from the dashboard updates the same alarm in place', async () => {
    await dashboard.alarmRow('onramp-e2e-vcpu').getByRole('button', { name: 'Edit onramp-e2e-vcpu' }).click();
    await wizard.threshold.waitFor({ state: 'visible' });
    await expect(wizard.threshold.inputValue()).resolves.toBe('40');
    await wizard.threshold.fill('45');
    await wizard.next.click();
    await wizard.next.click();
    await wizard.root.getByRole('table', { name: 'Subscriptions' }).waitFor({ state: 'visible' });
    await h.screenshot('monitoring-11-edit-existing-topic');
    await wizard.next.click();
    await wizard.create.click();
    await wizard.result.waitFor({ state: 'visible' });
    await expect(wizard.result.innerText()).resolves.toContain('Alarm updated');
    await dashboard.open();
    await dashboard.alarms.waitFor({ state: 'visible' });
    await expect(dashboard.alarms.getByRole('row').filter({ hasText: 'onramp-e2e-vcpu' }).count()).resolves.toBe(1);
    await expect(dashboard.alarmRow('onramp-e2e-vcpu').innerText()).resolves.toContain('> 45');
    // Chromium warns that a <meta> CSP ignores frame-ancestors (index.html keeps it for Electron).
    expect(h.pageErrors.filter((e) => !e.includes('frame-ancestors'))).toEqual([]);
  });
});
