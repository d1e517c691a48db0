/**
 * End to end (issue 14): Configurations in a 1024 px wide window. "At 1024 px the Delete/Forget
 * icons are cut off; ARNs break mid-word; icon-only buttons have no visible label; no copy
 * buttons." Measured in headless Chromium on the real screen: every row action lies wholly inside
 * the window, the table's card and its cell; the page has no horizontal overflow (the Platform
 * panel included); each action shows its text label uncut; an ARN wraps only right after ':' or
 * '/', and names without separators stay whole; the bucket, table and role ARN each have a copy button.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationStore } from '../../main/core/store/configurations';
import type { SavedConfiguration } from '../../shared/contract/setup';
import { startFakePlatform, type FakePlatform } from '../helpers/fake-bodo-platform';
import { awsTestEnv, HAS_MOTO, type Moto } from '../helpers/moto';
import { sharedMoto } from '../helpers/shared-moto';
import { HAS_CHROMIUM, startHarness, type Harness } from './harness';
import { AppShellPage } from './pages/app-shell';
import { ConfigurationsPage } from './pages/configurations';
import { ConnectPage } from './pages/connect';
import { lineBreaks, overflowsX, pageOverflowX } from './pages/layout';
import { PlatformPage } from './pages/platform';

const SKIP = !HAS_CHROMIUM || !HAS_MOTO;
const ACCOUNT = '123456789012';

/** A saved configuration with names as long as people make them. */
function saved(name: string, role: string, bucket: string, table: string, createdAt: string): SavedConfiguration {
  return {
    name,
    region: 'us-east-2',
    bucketName: bucket,
    tableName: table,
    tableArn: `arn:aws:dynamodb:us-east-2:${ACCOUNT}:table/${table}`,
    roleName: role,
    roleArn: `arn:aws:iam::${ACCOUNT}:role/${role}`,
    externalId: `${name}-external-id`,
    platformAccountId: '481633624848',
    accountId: ACCOUNT,
    profile: 'default',
    createdAt,
    verifiedAt: null,
  };
}

const CONFIGS = [
  saved('analytics-production-eu', 'BodoPlatformUserAnalyticsProductionWorkloads', 'onramp-analytics-production-terraform-state', 'onramp-analytics-production-lock', '2026-11-30T10:00:00.000Z'),
  saved('dev', 'BodoPlatformUserDev', 'onramp-dev-state', 'onramp-dev-lock', '2026-11-29T10:00:00.000Z'),
];
const ACTIONS = ['Verify', 'Export', 'Delete', 'Forget'] as const;
const VALUES = ['bucket', 'table', 'role ARN'] as const;

type Box = { x: number; y: number; width: number; height: number };
const inside = (inner: Box, outer: Box) => inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;

describe.skipIf(SKIP)('Configurations at 1024 px (issue 14)', () => {
  let moto: Moto;
  let fake: FakePlatform;
  let h: Harness;
  let configs: ConfigurationsPage;

  beforeAll(async () => {
    moto = await sharedMoto();
    fake = await startFakePlatform();
    const env = { ...awsTestEnv(moto), ...fake.env() };
    const store = new ConfigurationStore(env.ONRAMP_DATA_DIR);
    for (const c of CONFIGS) await store.save(c);
    h = await startHarness(env);
    await h.page.setViewportSize({ width: 1024, height: 768 });
    const connect = new ConnectPage(h.page);
    await connect.connect('default');
    await connect.connectedIdentity.waitFor({ state: 'visible' });
    // With a platform token the Platform panel shows its full table under the list.
    await h.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Settings' }).click();
    await new PlatformPage(h.page).enterToken(fake.clientId, fake.secret);
    await h.page.getByRole('status', { name: 'Platform API token' }).filter({ hasText: /^API token/ }).waitFor({ state: 'visible' });
    await new AppShellPage(h.page).open('Configurations');
    configs = new ConfigurationsPage(h.page);
    await configs.table.waitFor({ state: 'visible' });
    await new PlatformPage(h.page).row(CONFIGS[0]!.name).waitFor({ state: 'visible' });
    await h.page.mouse.move(0, 0);
    await h.screenshot('configurations-1024');
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    await fake?.stop();
    await moto?.stop();
  });

  it('has no horizontal page overflow, the Platform panel included', async () => {
    expect(await h.page.evaluate(pageOverflowX)).toBe(0);
    expect(await configs.table.evaluate(overflowsX)).toBe(false);
    expect(await configs.container.evaluate(overflowsX)).toBe(false);
  });

  it('every action button lies wholly inside the window, the table card and its cell, with its text label shown uncut', async () => {
    const window = { x: 0, y: 0, width: 1024, height: Number.MAX_SAFE_INTEGER };
    const card = (await configs.container.boundingBox())!;
    expect(inside(card, window)).toBe(true);
    for (const c of CONFIGS) {
      for (const action of ACTIONS) {
        const button = configs.action(action, c.name);
        const box = (await button.boundingBox())!;
        const cell = (await button.locator('xpath=ancestor::td[1]').boundingBox())!;
        expect(inside(box, window), `${action} ${c.name} inside the window: ${JSON.stringify(box)}`).toBe(true);
        expect(inside(box, card), `${action} ${c.name} inside the table card`).toBe(true);
        expect(inside(box, cell), `${action} ${c.name} inside its cell`).toBe(true);
        // A visible text label, not an icon with only an aria-label, and not cut off.
        const label = button.locator('.mantine-Button-label');
        expect((await label.innerText()).trim(), `${action} ${c.name} label`).toBe(action);
        expect(await label.isVisible()).toBe(true);
        expect(await label.evaluate(overflowsX), `${action} ${c.name} label cut off`).toBe(false);
        expect(inside((await label.boundingBox())!, box)).toBe(true);
      }
    }
  });

  it('the Platform panel under the list: Register wholly inside the window and the panel, badges not cut off', async () => {
    const platform = new PlatformPage(h.page);
    const panel = (await platform.panel.boundingBox())!;
    expect(panel.x + panel.width).toBeLessThanOrEqual(1024);
    for (const c of CONFIGS) {
      const row = platform.row(c.name);
      const register = row.getByRole('button', { name: `Register ${c.name} (account ${ACCOUNT}) with the Bodo Platform` });
      const box = (await register.boundingBox())!;
      expect(inside(box, { x: 0, y: 0, width: 1024, height: Number.MAX_SAFE_INTEGER }), `Register ${c.name} inside the window: ${JSON.stringify(box)}`).toBe(true);
      expect(inside(box, panel), `Register ${c.name} inside the panel`).toBe(true);
      expect(await register.locator('.mantine-Button-label').evaluate(overflowsX)).toBe(false);
      for (const badge of await row.locator('.mantine-Badge-label').all()) expect(await badge.evaluate(overflowsX), `badge "${await badge.innerText()}" of ${c.name} cut off`).toBe(false);
    }
    const scroller = platform.panel.locator('.mantine-TableScrollContainer-scrollContainer').first();
    expect(await scroller.evaluate(overflowsX), 'the platform table scrolls sideways').toBe(false);
  });

  it('each bucket, table and role ARN has a copy button inside the table', async () => {
    const card = (await configs.container.boundingBox())!;
    for (const c of CONFIGS) {
      for (const what of VALUES) {
        const copy = configs.copyButton(what, c.name);
        expect(await copy.count(), `copy ${what} of ${c.name}`).toBe(1);
        const box = (await copy.boundingBox())!;
        expect(inside(box, card), `copy ${what} of ${c.name} inside the table card`).toBe(true);
        expect(box.x + box.width).toBeLessThanOrEqual(1024);
        expect((await configs.value(what, c.name).innerText()).replace(/\s/g, '')).toBe(what === 'bucket' ? c.bucketName : what === 'table' ? c.tableName : c.roleArn);
      }
    }
  });

  it('an ARN wraps only right after ":" or "/" or between the words of a name; a bucket or table name is kept whole', async () => {
    const long = CONFIGS[0]!;
    const arn = await configs.value('role ARN', long.name).evaluate(lineBreaks);
    expect(arn.text).toBe(long.roleArn);
    // The long ARN does not fit the column at 1024 px, so this measures real wrapping.
    expect(arn.lines).toBeGreaterThan(1);
    const betweenWords = (b: { before: string; after: string }) => ':/'.includes(b.before) || (/[a-z0-9]/.test(b.before) && /[A-Z]/.test(b.after));
    for (const b of arn.breaks) expect(betweenWords(b), `ARN broke mid-word at ${b.at}`).toBe(true);
    for (const c of CONFIGS) {
      for (const what of VALUES) {
        const shown = await configs.value(what, c.name).evaluate(lineBreaks);
        for (const b of shown.breaks) expect(what === 'role ARN' && betweenWords(b), `${what} of ${c.name} broke mid-word at ${b.at}`).toBe(true);
        expect(await configs.value(what, c.name).evaluate(overflowsX), `${what} of ${c.name} cut off`).toBe(false);
      }
    }
  });
});
