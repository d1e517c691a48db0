/**
 * End to end: the built renderer in headless Chromium, bound to the real handler table, against
 * moto seeded with two days of EC2 vCPU usage (PutMetricData) in two usage classes. Goes through the
 * alarm wizard on "All usage classes" in two regions, from metric to created alarms (a new topic in
 * each region + email), then the dashboard showing them, then edits one in place; a screenshot per
 * step under test-results/e2e/monitoring-*.png.
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
    // Standard: 10 vCPUs for two days, a 50-vCPU spike for 15 minutes 30 h ago and a 60-vCPU spike 5 h ago.
    // G: 4 vCPUs for the last hour, so the total of all classes is 14 there.
    const seeded = twoDaysWithSpikes();
    await seedUsage(aws, 'us-east-1', 'Standard/OnDemand', seeded.points);
    await seedUsage(aws, 'us-east-1', 'G/OnDemand', seeded.points.slice(-12).map((p) => ({ t: p.t, v: 4 })));
    await seedUsage(aws, 'us-west-2', 'Standard/OnDemand', seeded.points.slice(-24).map((p) => ({ t: p.t, v: 2 })));
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

  it('1. metric: two regions, all usage classes, billing explanation', async () => {
    await wizard.open();
    await h.page.getByRole('radio', { name: /Estimated charges/ }).check();
    await h.page.getByText(/Receive Billing Alerts/).first().waitFor();
    await h.screenshot('monitoring-01-metric-billing');
    await h.page.getByRole('radio', { name: /EC2 vCPU usage/ }).check();
    await expect(wizard.root.getByRole('combobox', { name: 'Usage class' }).inputValue()).resolves.toBe('All usage classes (On-Demand and Spot)');
    await wizard.region('us-west-2').check();
    await h.page.getByText('Loading the usage classes this account has…').waitFor({ state: 'detached' });
    await h.screenshot('monitoring-02-metric-all-classes');
    await wizard.next.click();
  });

  it('2. history: the total of all classes, peak, suggestion, drag and type the threshold, backtest with INSUFFICIENT_DATA', async () => {
    await wizard.chart.waitFor({ state: 'visible' });
    await expect(wizard.threshold.inputValue()).resolves.toBe('72');
    await expect(wizard.root.getByLabel('Classes covered').innerText()).resolves.toContain('Standard/OnDemand + G/OnDemand');
    await expect(wizard.facts.innerText()).resolves.toMatch(/Peak: 60 vCPUs at/);
    await expect(wizard.suggestion.innerText()).resolves.toContain('peak 60 + 20% headroom, rounded up to 72.');
    await expect(wizard.backtest.innerText()).resolves.toBe('This alarm would not have fired in the last week.');
    // Five days without data before the two seeded: INSUFFICIENT_DATA under "missing", shaded grey.
    await expect(wizard.root.getByLabel('Insufficient data').innerText()).resolves.toMatch(/INSUFFICIENT_DATA for 4 days 23 hours/);
    await expect(h.page.getByTestId('insufficient-intervals').locator('rect').count()).resolves.toBe(1);
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
    // Hovering reads out the datapoint under the pointer, with its unit.
    const area = h.page.getByTestId('hover-area').first();
    const box = (await area.boundingBox())!;
    await h.page.mouse.move(box.x + box.width - 3, box.y + box.height - 5); // away from the threshold handle
    await expect(h.page.getByTestId('hover-readout').textContent()).resolves.toMatch(/: 14 vCPUs$/);
    await h.screenshot('monitoring-05-history-backtest');
    await h.page.mouse.move(0, 0);
    await wizard.next.click();
  });

  it('3. conditions: 2 of 3 leaves one episode, instantly', async () => {
    await wizard.textbox('Evaluation periods (N)').fill('3');
    await wizard.textbox(/Datapoints to alarm/).fill('2');
    await expect(wizard.backtest.innerText()).resolves.toBe('This alarm would have fired once in the last week.');
    await h.screenshot('monitoring-06-conditions');
    await wizard.next.click();
  });

  it('4. notification: also on OK, a new topic in each region, a validated email, confirmations per address', async () => {
    await wizard.root.getByRole('checkbox', { name: /^OK/ }).check();
    await wizard.textbox('New topic name').fill('onramp-e2e-alerts');
    await wizard.textbox('Email 1').fill('not-an-email');
    await expect(wizard.next.isDisabled()).resolves.toBe(true);
    await wizard.textbox('Email 1').fill('ops@example.com');
    await expect(wizard.next.isEnabled()).resolves.toBe(true);
    await expect(wizard.root.getByLabel('Confirmation emails').innerText()).resolves.toContain('ops@example.com gets 2 confirmation emails (one per region)');
    await h.screenshot('monitoring-07-notification');
    await wizard.next.click();
  });

  it('5. name, multi-region preview with the price, create in both; subscriptions pending', async () => {
    await wizard.textbox('Alarm name').fill('onramp-e2e-vcpu');
    await wizard.textbox('Description').fill('EC2 vCPUs of all classes above 40');
    const preview = await wizard.preview.innerText();
    expect(preview).toContain('us-east-1, us-west-2 (all or nothing)');
    expect(preview).toContain('$0.10 per month for each usage class the query reads, in each region');
    expect(preview).toContain('2 of 3');
    expect(preview).toMatch(/Notifies on\s+ALARM, OK/);
    expect(preview).toContain('onramp-e2e-alerts (new, one in each region) → ops@example.com');
    await h.screenshot('monitoring-08-preview');
    await wizard.create.click();
    await wizard.result.waitFor({ state: 'visible' });
    const result = await wizard.result.innerText();
    expect(result).toContain('Alarm created');
    expect(result).toContain('us-east-1: topic onramp-e2e-alerts (created)');
    expect(result).toContain('us-west-2: topic onramp-e2e-alerts (created)');
    expect(result).toMatch(/pending confirmation|confirmed/i);
    await h.screenshot('monitoring-09-created');
  });

  it('6. dashboard: region cards, the alarm, cost', async () => {
    await dashboard.open();
    await dashboard.alarms.waitFor({ state: 'visible' });
    await expect(dashboard.alarmRow('onramp-e2e-vcpu').count()).resolves.toBe(2);
    const row = await dashboard.alarmRow('onramp-e2e-vcpu', 'us-east-1').innerText();
    expect(row).toContain('> 40 (2 of 3), all classes');
    expect(row).toContain('onramp-e2e-alerts');
    expect(row).toMatch(/OK|ALARM|INSUFFICIENT_DATA/);
    // No state badge is cut off ("O…", "ALA…"): its label is as wide as its text.
    const clipped = await dashboard.alarms.locator('.mantine-Badge-label').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
    expect(clipped).toEqual([]);
    const east = await dashboard.region('us-east-1').innerText();
    expect(east).toMatch(/14\s+vCPUs now/);
    expect(east).toMatch(/\bG\s+4\s+4\s+\?/);
    await dashboard.cost.waitFor({ state: 'visible' });
    await expect(dashboard.lastUpdated.innerText()).resolves.toMatch(/Last updated/);
    await h.page.waitForTimeout(300);
    await h.screenshot('monitoring-10-dashboard');
  });

  it('7. edit from the dashboard updates the same alarm in place', async () => {
    await dashboard.alarmRow('onramp-e2e-vcpu', 'us-east-1').getByRole('button', { name: 'Edit onramp-e2e-vcpu' }).click();
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
    await expect(dashboard.alarms.getByRole('row').filter({ hasText: 'onramp-e2e-vcpu' }).count()).resolves.toBe(2);
    await expect(dashboard.alarmRow('onramp-e2e-vcpu', 'us-east-1').innerText()).resolves.toContain('> 45');
    await expect(dashboard.alarmRow('onramp-e2e-vcpu', 'us-west-2').innerText()).resolves.toContain('> 40');
    // Chromium warns that a <meta> CSP ignores frame-ancestors (index.html keeps it for Electron).
    expect(h.pageErrors.filter((e) => !e.includes('frame-ancestors'))).toEqual([]);
  });
});
