/**
 * End to end, keyboard only: connect, complete the setup wizard (form → plan → create → result),
 * verify and export, using Tab / Shift+Tab / Enter / Space / arrow keys and typing — never a mouse
 * click — against the real handlers and moto. A screenshot per step shows where focus is
 * (test-results/e2e/keyboard-*.png).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsTestEnv, HAS_MOTO, type Moto } from '../helpers/moto';
import { sharedMoto } from '../helpers/shared-moto';
import { contextForProfile } from '../../main/core/profiles/session';
import { seedUsage, twoDaysWithSpikes } from '../main/monitoring/seed';
import { HAS_CHROMIUM, SCREENSHOT_DIR, startHarness, type Harness } from './harness';
import { AlarmWizardPage } from './pages/alarm-wizard';
import { focusedAriaLabel, mouseWasUsed, recordMouseUse } from './pages/in-page';
import { Keyboard } from './pages/keyboard';
import { SetupWizardPage } from './pages/setup-wizard';

const SKIP = !HAS_CHROMIUM || !HAS_MOTO;
if (SKIP) console.warn('[e2e keyboard] skipped: needs /usr/bin/chromium and moto_server on PATH.');

const INPUT = {
  name: 'kbd-analytics',
  region: 'us-east-2',
  bucketName: 'onramp-kbd-state',
  tableName: 'onramp-kbd-lock',
  roleName: 'BodoPlatformUserKbd',
  platformAccountId: '481633624848',
};

/** An interactive role in Playwright's ARIA snapshot with no quoted accessible name after it. */
const UNNAMED_CONTROL = /^\s*- (button|link|textbox|combobox|checkbox|radio|tab|menuitem|spinbutton|switch|slider|searchbox)\b(?! ")/;

describe.skipIf(SKIP)('keyboard only (Chromium + real handlers + moto)', () => {
  let moto: Moto;
  let h: Harness;
  let kb: Keyboard;
  let wizard: SetupWizardPage;

  beforeAll(async () => {
    moto = await sharedMoto();
    const env = awsTestEnv(moto);
    // vCPU usage history for the alarm wizard's chart and backtest (as tests/e2e/monitoring does).
    const aws = await contextForProfile({ profile: 'default', env, region: 'us-east-1' });
    await seedUsage(aws, 'us-east-1', 'Standard/OnDemand', twoDaysWithSpikes().points);
    h = await startHarness(env);
    kb = new Keyboard(h.page);
    wizard = new SetupWizardPage(h.page);
    // No mouse anywhere in this file: fail loudly if something clicks.
    await h.page.addInitScript(recordMouseUse);
    await h.page.reload();
  });

  afterAll(async () => {
    await h?.close();
    await moto?.stop();
  });

  const main = () => h.page.getByRole('main');
  /** A viewport screenshot (what the user sees, focus ring included), not a full-page one. */
  const shot = (name: string) => h.page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, animations: 'disabled' });
  const nav = (label: string) => h.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: label });

  it('connects a profile with the keyboard', async () => {
    const byDefault = h.page.getByRole('radio', { name: 'default', exact: true });
    await kb.tabTo(byDefault);
    expect(await byDefault.isChecked()).toBe(true);
    // Arrow keys move the choice within the profile radio group, and back.
    await h.page.keyboard.press('ArrowDown');
    expect(await byDefault.isChecked()).toBe(false);
    await h.page.keyboard.press('ArrowUp');
    expect(await byDefault.isChecked()).toBe(true);
    expect(await kb.hasFocus(byDefault)).toBe(true);
    await kb.press(main().getByRole('button', { name: 'Connect', exact: true }), 'Enter');
    await h.page.getByLabel('Connected identity').waitFor({ state: 'visible' });
    await shot('keyboard-01-connected');
  });

  it('fills the setup form with Tab, typing, arrow keys and Space', async () => {
    await kb.tabTo(nav('New setup'), { backwards: true });
    await shot('keyboard-02-nav-focus');
    await h.page.keyboard.press('Enter');
    await kb.typeInto(wizard.field('Configuration name'), INPUT.name);
    await kb.choose(h.page.getByRole('combobox', { name: 'Region' }), INPUT.region);
    expect(await h.page.getByRole('combobox', { name: 'Region' }).inputValue()).toBe(INPUT.region);
    await kb.typeInto(wizard.field('S3 bucket name'), INPUT.bucketName);
    await kb.typeInto(wizard.field('DynamoDB table name'), INPUT.tableName);
    await kb.typeInto(wizard.field('IAM role name'), INPUT.roleName);
    await kb.press(main().getByRole('button', { name: 'Generate' }), 'Space');
    expect(await wizard.field('External ID').inputValue()).toMatch(/^[A-Za-z0-9]{32}$/);
    await kb.typeInto(wizard.field('Platform account ID'), INPUT.platformAccountId);
    // Shift+Tab goes back to a field already filled, without changing it.
    await kb.tabTo(wizard.field('IAM role name'), { backwards: true });
    expect(await wizard.field('IAM role name').inputValue()).toBe(INPUT.roleName);
    await kb.tabTo(wizard.next);
    expect(await wizard.next.isEnabled()).toBe(true);
    await shot('keyboard-03-form');
    await h.page.keyboard.press('Enter');
  });

  it('reviews the plan and applies it with Enter', async () => {
    await wizard.plan.waitFor({ state: 'visible', timeout: 60_000 });
    // Focus moved to the new step rather than falling back to the top of the page.
    expect(await h.page.evaluate(focusedAriaLabel)).toBe('Setup step: Review plan');
    expect(await kb.tabTo(wizard.apply)).toBeLessThan(12);
    await shot('keyboard-04-plan');
    await h.page.keyboard.press('Enter');
    await kb.tabTo(wizard.viewResult, { max: 120 }).catch(async () => {
      await wizard.viewResult.waitFor({ state: 'visible', timeout: 120_000 });
      await kb.tabTo(wizard.viewResult, { max: 120 });
    });
    await shot('keyboard-05-created');
    await h.page.keyboard.press('Enter');
    await wizard.result.waitFor({ state: 'visible' });
  }, 150_000);

  it('verifies the result with Space and exports it from the menu with arrow keys', async () => {
    await kb.press(wizard.verify, 'Space');
    await wizard.checks.waitFor({ state: 'visible' });
    await kb.tabTo(main().getByRole('button', { name: 'Export as code' }));
    await shot('keyboard-06-verified');
    await h.page.keyboard.press('Enter');
    const target = h.page.getByRole('menuitem', { name: 'Download Terraform configuration' });
    await h.page.getByRole('menu').waitFor({ state: 'visible' });
    for (let i = 0; i < 8 && !(await kb.hasFocus(target)); i++) await h.page.keyboard.press('ArrowDown');
    expect(await kb.hasFocus(target)).toBe(true);
    await shot('keyboard-07-export-menu');
    const [download] = await Promise.all([h.page.waitForEvent('download'), h.page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/\.tf$/);
    // The browser is shared and reached over a connection (tests/e2e/harness.ts): save a local copy.
    const saved = join(mkdtempSync(join(tmpdir(), 'onramp-download-')), download.suggestedFilename());
    await download.saveAs(saved);
    const content = readFileSync(saved, 'utf8');
    expect(content).toContain(INPUT.bucketName);
    expect(content).toContain('aws_dynamodb_table');
    await main().getByRole('status').filter({ hasText: /Saved Terraform configuration as/ }).waitFor({ state: 'visible' });
  });

  it('completes the alarm wizard with the keyboard alone', async () => {
    const alarm = new AlarmWizardPage(h.page);
    await kb.tabTo(nav('New alarm'), { backwards: true });
    await h.page.keyboard.press('Enter');
    // 1. Metric: the vCPU usage radio is chosen; arrow keys move within the metric group.
    const usage = h.page.getByRole('radio', { name: /EC2 vCPU usage/ });
    await kb.tabTo(usage);
    expect(await usage.isChecked()).toBe(true);
    await shot('keyboard-10-alarm-metric');
    await kb.press(alarm.next, 'Enter');
    // 2. History & threshold: the threshold handle moves with arrow keys; the field takes typing.
    await alarm.chart.waitFor({ state: 'visible' });
    await alarm.threshold.waitFor({ state: 'visible' });
    const suggested = Number(await alarm.threshold.inputValue());
    await kb.tabTo(alarm.thresholdSlider);
    await h.page.keyboard.press('ArrowUp');
    await expect.poll(async () => Number(await alarm.threshold.inputValue())).toBeGreaterThan(suggested);
    await shot('keyboard-11-alarm-threshold-slider');
    await kb.typeInto(alarm.threshold, '40');
    await expect.poll(() => alarm.backtest.innerText()).toBe('This alarm would have fired 2 times in the last week.');
    await kb.press(alarm.next, 'Enter');
    // 3. Conditions.
    await kb.typeInto(alarm.textbox('Evaluation periods (N)'), '3');
    await kb.typeInto(alarm.textbox(/Datapoints to alarm/), '2');
    await expect.poll(() => alarm.backtest.innerText()).toBe('This alarm would have fired once in the last week.');
    await kb.press(alarm.next, 'Enter');
    // 4. Notification.
    await kb.typeInto(alarm.textbox('New topic name'), 'onramp-kbd-alerts');
    await kb.typeInto(alarm.textbox('Email 1'), 'ops@example.com');
    await shot('keyboard-12-alarm-notification');
    await kb.press(alarm.next, 'Enter');
    // 5. Name and create.
    await kb.typeInto(alarm.textbox('Alarm name'), 'onramp-kbd-vcpu');
    await kb.tabTo(alarm.create);
    await shot('keyboard-13-alarm-preview');
    await h.page.keyboard.press('Enter');
    await alarm.result.waitFor({ state: 'visible' });
    expect(await alarm.result.innerText()).toContain('Alarm created');
    await shot('keyboard-14-alarm-created');
  }, 90_000);

  it('names every control on every screen of the navbar', async () => {
    const labels = await h.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button').allTextContents();
    const unnamed: string[] = [];
    for (const label of labels) {
      await kb.press(nav(label), 'Enter');
      await h.page.waitForTimeout(300);
      const snapshot = await h.page.locator('body').ariaSnapshot();
      for (const line of snapshot.split('\n')) {
        if (UNNAMED_CONTROL.test(line)) unnamed.push(`${label}: ${line.trim()}`);
      }
    }
    expect(labels.length).toBeGreaterThanOrEqual(4);
    expect(unnamed).toEqual([]);
  });

  it('never used the mouse, and the page logged no errors', async () => {
    expect(await h.page.evaluate(mouseWasUsed)).toBe(false);
    expect(h.pageErrors.filter((e) => !/frame-ancestors/.test(e))).toEqual([]);
  });
});
