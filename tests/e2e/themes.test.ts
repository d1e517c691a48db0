/**
 * End to end: the theme switch. Screenshots of the main screens in light and dark
 * (test-results/e2e/theme-<screen>-<scheme>.png), a contrast check of every visible text in both,
 * and "Follow OS" tracking the OS colour scheme (emulated with page.emulateMedia).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsTestEnv, HAS_MOTO, type Moto } from '../helpers/moto';
import { sharedMoto } from '../helpers/shared-moto';
import { contextForProfile } from '../../main/core/profiles/session';
import { seedUsage, twoDaysWithSpikes } from '../main/monitoring/seed';
import { fillRegion } from '../main/readiness/fixtures';
import { HAS_CHROMIUM, startHarness, type Harness } from './harness';
import { ConnectPage } from './pages/connect';
import { DashboardPage } from './pages/dashboard';
import { SetupWizardPage } from './pages/setup-wizard';
import { ThemePage } from './pages/theme';

const SKIP = !HAS_CHROMIUM || !HAS_MOTO;
if (SKIP) console.warn('[e2e themes] skipped: needs /usr/bin/chromium and moto_server on PATH.');

/** The lowest contrast accepted for any visible text: WCAG 2.2 AA for normal text. */
const MIN_CONTRAST = 4.5;

/** The screens to capture, by navbar label. */
const SCREENS = ['Connect', 'Monitoring', 'New alarm', 'New setup', 'Readiness', 'Configurations', 'Settings'] as const;

describe.skipIf(SKIP)('themes end to end (Chromium + real handlers + moto)', () => {
  let moto: Moto;
  let h: Harness;
  let theme: ThemePage;

  beforeAll(async () => {
    moto = await sharedMoto();
    await fillRegion(moto.url, 'us-west-1', 4, 5);
    const env = awsTestEnv(moto);
    // vCPU usage history, so the dashboard and the alarm wizard's chart have data.
    const aws = await contextForProfile({ profile: 'default', env, region: 'us-east-1' });
    await seedUsage(aws, 'us-east-1', 'Standard/OnDemand', twoDaysWithSpikes().points);
    h = await startHarness(env);
    theme = new ThemePage(h.page);
    const connect = new ConnectPage(h.page);
    await connect.connect('default');
    await connect.connectedIdentity.waitFor({ state: 'visible' });
    // One saved configuration, so the Configurations list and the result screen have content.
    const wizard = new SetupWizardPage(h.page);
    await open('New setup');
    await wizard.fill({
      name: 'theme-demo',
      region: 'us-east-2',
      bucketName: 'onramp-theme-state',
      tableName: 'onramp-theme-lock',
      roleName: 'BodoPlatformUserTheme',
      platformAccountId: '481633624848',
    });
    await wizard.next.click();
    await wizard.apply.click();
    await wizard.viewResult.waitFor({ state: 'visible', timeout: 120_000 });
    await wizard.viewResult.click();
    await wizard.result.waitFor({ state: 'visible' });
  }, 180_000);

  afterAll(async () => {
    await h?.close();
    await moto?.stop();
  });

  async function open(label: string): Promise<void> {
    await h.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: label }).click();
  }

  async function settle(label: string): Promise<void> {
    if (label === 'Readiness') await h.page.getByRole('table', { name: 'Limits in us-west-1' }).waitFor({ state: 'visible', timeout: 60_000 });
    if (label === 'Configurations') await h.page.getByRole('table', { name: 'Saved configurations' }).waitFor({ state: 'visible' });
    if (label === 'New alarm') await h.page.getByRole('radio', { name: /EC2 vCPU usage/ }).waitFor({ state: 'visible' });
    if (label === 'Monitoring') await new DashboardPage(h.page).loaded();
    await h.page.waitForTimeout(200);
    await h.page.mouse.move(0, 0);
  }

  it('the contrast check itself catches unreadable text', async () => {
    await h.page.evaluate(
      "const p = document.createElement('div'); p.id = 'contrast-probe'; p.textContent = 'grey on grey'; " +
        "p.style.cssText = 'position:fixed;top:0;left:0;color:#777;background:#888;z-index:9999'; document.body.appendChild(p);",
    );
    expect(await theme.lowContrastText(MIN_CONTRAST)).toContainEqual(expect.stringMatching(/^grey on grey \(1\.\d+\)$/));
    await h.page.evaluate("document.getElementById('contrast-probe').remove()");
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`renders the main screens readably in ${scheme}`, async () => {
      await theme.choose(scheme === 'light' ? 'Light' : 'Dark');
      expect(await theme.scheme()).toBe(scheme);
      const low: string[] = [];
      for (const label of SCREENS) {
        await open(label);
        await settle(label);
        await h.screenshot(`theme-${label.toLowerCase().replace(/ /g, '-')}-${scheme}`);
        low.push(...(await theme.lowContrastText(MIN_CONTRAST)).map((t) => `${label}: ${t}`));
      }
      // The region picker's statuses, open.
      await open('New setup');
      // The wizard keeps its place (the finished run's result): start a new one to reach the form.
      const restart = h.page.getByRole('main').getByRole('button', { name: 'New setup' });
      if (await restart.isVisible()) await restart.click();
      await h.page.getByRole('combobox', { name: 'Region' }).click();
      await h.page.getByRole('option', { name: 'us-west-1', exact: true }).waitFor({ state: 'visible' });
      await h.screenshot(`theme-region-picker-${scheme}`);
      low.push(...(await theme.lowContrastText(MIN_CONTRAST)).map((t) => `region picker: ${t}`));
      await h.page.keyboard.press('Escape');
      expect(low).toEqual([]);
    }, 120_000);
  }

  it('follows the OS colour scheme when set to "Follow OS"', async () => {
    await theme.choose('Follow OS');
    await h.page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => theme.scheme()).toBe('dark');
    await open('Readiness');
    await settle('Readiness');
    await h.screenshot('theme-follow-os-dark');
    await h.page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => theme.scheme()).toBe('light');
    await h.screenshot('theme-follow-os-light');
    // The choice survives a reload (Mantine's colour scheme manager keeps it until settings take over).
    await theme.choose('Dark');
    await h.page.reload();
    await expect.poll(() => theme.scheme()).toBe('dark');
    expect(await theme.toggle.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true);
    expect(h.pageErrors.filter((e) => !/frame-ancestors/.test(e))).toEqual([]);
  });
});
