/**
 * End to end: from a fresh install to a Cloud Configuration the Bodo Platform knows. The built
 * renderer in headless Chromium, bound to the real handlers; AWS is moto and the platform is the
 * strict local fake (tests/helpers/fake-bodo-platform.ts). Connect → setup → result screen →
 * Register (entering the API token inline) → the Platform panel shows it registered and matching.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakePlatform, type FakePlatform } from '../helpers/fake-bodo-platform';
import { awsTestEnv, HAS_MOTO, TEST_SECRET_KEY, type Moto } from '../helpers/moto';
import { sharedMoto } from '../helpers/shared-moto';
import { HAS_CHROMIUM, startHarness, type Harness } from './harness';
import { AppShellPage } from './pages/app-shell';
import { ConnectPage } from './pages/connect';
import { runAxe, type AxeFinding } from './pages/axe';
import { PlatformPage } from './pages/platform';
import { SetupWizardPage } from './pages/setup-wizard';

const SKIP = !HAS_CHROMIUM || !HAS_MOTO;

const INPUT = {
  name: 'e2e-platform',
  region: 'us-east-2' as const,
  bucketName: 'onramp-e2e-platform-state',
  tableName: 'onramp-e2e-platform-lock',
  roleName: 'BodoPlatformUserPlatformE2E',
  platformAccountId: '481633624848',
};

describe.skipIf(SKIP)('register with the Bodo Platform end to end (Chromium + real handlers + moto + fake platform)', () => {
  let moto: Moto;
  let fake: FakePlatform;
  let h: Harness;
  let shell: AppShellPage;
  let wizard: SetupWizardPage;
  let platform: PlatformPage;
  const axe: { screen: string; findings: AxeFinding[] }[] = [];
  const checkA11y = async (screen: string) => axe.push({ screen, findings: await runAxe(h.page) });

  beforeAll(async () => {
    moto = await sharedMoto();
    fake = await startFakePlatform();
    h = await startHarness({ ...awsTestEnv(moto), ...fake.env() });
    shell = new AppShellPage(h.page);
    wizard = new SetupWizardPage(h.page);
    platform = new PlatformPage(h.page);
  });

  afterAll(async () => {
    await h?.close();
    await fake?.stop();
    await moto?.stop();
  });

  it('sets up a Cloud Configuration in AWS', async () => {
    await new ConnectPage(h.page).connect('default');
    await visible(h.page.getByLabel('Connected identity'));
    await shell.open('New setup');
    await wizard.fill(INPUT);
    await wizard.next.click();
    await visible(wizard.plan);
    await wizard.apply.click();
    await wizard.viewResult.waitFor({ state: 'visible', timeout: 120_000 });
    await wizard.viewResult.click();
    await visible(wizard.result);
    await wizard.verify.click();
    await visible(h.page.getByText(/^All \d+ checks passed$/));
  }, 150_000);

  it('Register on the result screen asks for the API token, then creates it on the platform', async () => {
    expect(fake.requests).toEqual([]);
    await platform.register.click();
    await h.screenshot('platform-01-token');
    await checkA11y('API token form on the result screen');
    await platform.enterToken(fake.clientId, fake.secret);
    const outcome = platform.outcome(INPUT.name);
    await visible(outcome);
    expect(await outcome.innerText()).toContain(`Registered "${INPUT.name}" with the Bodo Platform`);
    expect(fake.configs).toHaveLength(1);
    expect(await outcome.innerText()).toContain(fake.configs[0]!.uuid);
    expect(fake.configs[0]!.providerData).toEqual({
      provider: 'AWS',
      roleArn: `arn:aws:iam::123456789012:role/${INPUT.roleName}`,
      externalId: await wizard.resultValue('External ID').innerText(),
      accountId: '123456789012',
      tfBucketName: INPUT.bucketName,
      tfBackendRegion: INPUT.region,
    });
    await h.screenshot('platform-02-registered');
    await checkA11y('registered, side by side');
  });

  it('the Platform panel on Configurations shows it registered and matching', async () => {
    await shell.open('Configurations');
    const row = platform.row(INPUT.name);
    await visible(row);
    const cells = (await row.getByRole('cell').allTextContents()).map((t) => t.trim());
    expect(cells[0]).toMatch(new RegExp(`^${INPUT.name}account 123456789012verified in AWS `));
    expect(cells.slice(1, 7)).toEqual(['Registered', 'ACTIVE', 'matches', 'matches', 'not kept', 'matches']);
    await h.screenshot('platform-03-panel');
    await checkA11y('Platform panel');
  });

  it('registering again from the panel is idempotent', async () => {
    const posts = fake.apiRequests().filter((r) => r.method === 'POST').length;
    await platform.registerRow(INPUT.name).click();
    const outcome = platform.outcome(INPUT.name);
    await visible(outcome);
    expect(await outcome.innerText()).toMatch(/already registered with the Bodo Platform and matches/);
    expect(fake.apiRequests().filter((r) => r.method === 'POST')).toHaveLength(posts);
    expect(fake.configs).toHaveLength(1);
  });

  it('a mismatch is shown side by side in the panel, and each state passes axe-core', async () => {
    fake.configs[0]!.providerData.tfBucketName = 'changed-on-the-platform';
    // The Configurations screen's one Refresh reloads the platform panel too.
    await h.page.getByRole('main').getByRole('button', { name: 'Refresh', exact: true }).click();
    await visible(platform.panel.getByRole('table', { name: `Comparison of ${INPUT.name} with the platform` }));
    const cells = (await platform.row(INPUT.name).getByRole('cell').allTextContents()).map((t) => t.trim());
    expect(cells.slice(1, 5)).toEqual(['Registered, differs', 'ACTIVE', 'matches', 'differs']);
    // The earlier "matches" answer is gone; the comparison shows both buckets.
    expect(await platform.outcome(INPUT.name).count()).toBe(0);
    const cmp = platform.panel.getByRole('table', { name: `Comparison of ${INPUT.name} with the platform` });
    expect(await cmp.innerText()).toContain('changed-on-the-platform');
    expect(await cmp.innerText()).toContain(INPUT.bucketName);
    await h.screenshot('platform-04-mismatch');
    await checkA11y('Platform panel with a mismatch');
    expect(axe.map((r) => `${r.screen}: ${r.findings.map((f) => `${f.impact} ${f.id} ${f.nodes.map((n) => n.target).join(' ')}`).join('; ')}`)).toEqual(axe.map((r) => `${r.screen}: `));
  });

  it('never sent the platform secret (or an AWS secret) back to the page, and the page logged no errors', () => {
    const responses = h.ipc.map((r) => r.response).join('\n');
    expect(responses).not.toContain(fake.secret);
    expect(responses).not.toContain(TEST_SECRET_KEY);
    for (const token of new Set(fake.apiRequests().map((r) => String(r.headers.authorization).replace('Bearer ', '')))) expect(responses).not.toContain(token);
    expect(h.pageErrors.filter((e) => !/frame-ancestors/.test(e))).toEqual([]);
  });
});

async function visible(locator: { waitFor(o: { state: 'visible'; timeout?: number }): Promise<void> }): Promise<void> {
  await locator.waitFor({ state: 'visible' }); // the harness's default limit (a busy machine)
}
