/**
 * End to end: the built renderer in headless Chromium, bound to the real handler table, against a
 * real moto server. Clicks connect → form → plan → create → result → verify, then the
 * configurations list, saving a screenshot per step under test-results/e2e/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsTestEnv, HAS_MOTO, TEST_SECRET_KEY, type Moto } from '../helpers/moto';
import { sharedMoto } from '../helpers/shared-moto';
import { HAS_CHROMIUM, startHarness, type Harness } from './harness';
import { AppShellPage } from './pages/app-shell';
import { ConfigurationsPage } from './pages/configurations';
import { ConnectPage } from './pages/connect';
import { SetupWizardPage } from './pages/setup-wizard';

const SKIP = !HAS_CHROMIUM || !HAS_MOTO;
if (SKIP) {
  console.warn(
    `[e2e] skipped: ${!HAS_CHROMIUM ? 'Chromium is not at /usr/bin/chromium (apt-get install -y chromium)' : ''}` +
      `${!HAS_CHROMIUM && !HAS_MOTO ? '; ' : ''}${!HAS_MOTO ? 'moto_server is not on PATH' : ''}.`,
  );
}

const INPUT = {
  name: 'e2e-analytics',
  region: 'us-west-2' as const,
  bucketName: 'onramp-e2e-state',
  tableName: 'onramp-e2e-lock',
  roleName: 'BodoPlatformUserE2E',
  platformAccountId: '481633624848',
};

/** An assume-role profile with MFA; moto accepts any 6-digit code. */
const MFA_PROFILE = [
  '[profile mfa]',
  'role_arn = arn:aws:iam::123456789012:role/e2e-mfa',
  'source_profile = default',
  'mfa_serial = arn:aws:iam::123456789012:mfa/e2e',
  'region = us-east-1',
].join('\n');

describe.skipIf(SKIP)('setup wizard end to end (Chromium + real handlers + moto)', () => {
  let moto: Moto;
  let h: Harness;
  let shell: AppShellPage;
  let connect: ConnectPage;
  let wizard: SetupWizardPage;
  let configs: ConfigurationsPage;

  beforeAll(async () => {
    moto = await sharedMoto();
    h = await startHarness(awsTestEnv(moto, MFA_PROFILE));
    shell = new AppShellPage(h.page);
    connect = new ConnectPage(h.page);
    wizard = new SetupWizardPage(h.page);
    configs = new ConfigurationsPage(h.page);
  });

  afterAll(async () => {
    await h?.close();
    await moto?.stop();
  });

  it('lists the local profiles and explains an expired SSO session', async () => {
    await expectVisible(connect.row('default'));
    await expect(textOf(connect.row('dev'))).resolves.toContain('us-west-2');
    await expect(textOf(connect.row('sso-expired'))).resolves.toContain('SSO');
    await h.screenshot('01-connect-profiles');
    await connect.connect('sso-expired');
    await expectVisible(connect.error);
    await expect(textOf(connect.error)).resolves.toContain('aws sso login --profile sso-expired');
    await h.screenshot('02-connect-sso-expired');
  });

  it('connects and shows the account, ARN and endpoint override', async () => {
    await connect.connect('default');
    await expectVisible(connect.connectedIdentity);
    await expect(textOf(connect.connectedIdentity)).resolves.toMatch(/Account 123456789012/);
    await expect(textOf(shell.identity)).resolves.toContain(`endpoint ${moto.url}`);
    await expect(textOf(shell.identity)).resolves.toContain('arn:aws:');
    await h.screenshot('03-connected');
  });

  it('validates the form as the user types', async () => {
    await shell.open('New setup');
    await wizard.field('S3 bucket name').fill('Not_A_Bucket');
    await expectVisible(h.page.getByText(/S3 bucket name may only contain lowercase letters/));
    expect(await wizard.next.isDisabled()).toBe(true);
    await wizard.fill(INPUT);
    expect(await wizard.next.isEnabled()).toBe(true);
    expect(await wizard.field('External ID').inputValue()).toMatch(/^[A-Za-z0-9]{32}$/);
    await h.screenshot('04-form');
  });

  it('reviews the plan: everything is created', async () => {
    await wizard.next.click();
    await expectVisible(wizard.plan);
    for (const resource of ['bucket', 'table', 'role', 'policy']) {
      expect((await textOf(wizard.planAction(resource))).toLowerCase()).toBe('create');
    }
    expect(await wizard.apply.isEnabled()).toBe(true);
    await h.screenshot('05-plan');
  });

  it('creates the resources with live progress', async () => {
    await wizard.apply.click();
    await expectVisible(wizard.steps);
    await wizard.viewResult.waitFor({ state: 'visible', timeout: 120_000 });
    await h.screenshot('06-create');
  }, 150_000);

  it('shows the Cloud Configuration and verifies it', async () => {
    await wizard.viewResult.click();
    await expectVisible(wizard.result);
    await expect(textOf(wizard.resultValue('S3 bucket'))).resolves.toBe(INPUT.bucketName);
    await expect(textOf(wizard.resultValue('Role ARN'))).resolves.toBe(`arn:aws:iam::123456789012:role/${INPUT.roleName}`);
    await expect(textOf(wizard.resultValue('Table ARN'))).resolves.toBe(
      `arn:aws:dynamodb:us-west-2:123456789012:table/${INPUT.tableName}`,
    );
    await h.screenshot('07-result');
    await wizard.verify.click();
    await expectVisible(wizard.checks);
    const items = await wizard.checks.getByRole('listitem').all();
    expect(items.length).toBeGreaterThan(0);
    expect(await h.page.getByText(/^All \d+ checks passed$/).isVisible()).toBe(true);
    await h.screenshot('08-verify');
  });

  it('lists the configuration and verifies it from the list', async () => {
    await shell.open('Configurations');
    await expectVisible(configs.row(INPUT.name));
    await expect(textOf(configs.row(INPUT.name))).resolves.toContain(INPUT.bucketName);
    await configs.verify(INPUT.name);
    await expectVisible(configs.checks);
    await h.screenshot('09-configurations');
    // At 1024 px the row's actions are fully on screen (not cut off behind a scroll container).
    const before = h.page.viewportSize();
    await h.page.setViewportSize({ width: 1024, height: 768 });
    for (const name of [`Verify ${INPUT.name}`, `Delete ${INPUT.name}`, `Forget ${INPUT.name}`]) {
      const box = await h.page.getByRole('button', { name }).boundingBox();
      expect(box, name).not.toBeNull();
      expect(box!.x + box!.width, `${name} ends inside the window`).toBeLessThanOrEqual(1024);
    }
    await h.screenshot('09b-configurations-1024');
    if (before) await h.page.setViewportSize(before);
  });

  it('refuses to apply over the role when the external ID differs', async () => {
    await shell.open('New setup');
    // The wizard kept its place (the finished run's result): start a new one from there.
    await h.page.getByRole('main').getByRole('button', { name: 'New setup' }).click();
    await wizard.fill({ ...INPUT, name: 'e2e-other', externalId: 'a-different-external-id' });
    await wizard.next.click();
    await expectVisible(wizard.plan);
    // The bucket belongs to the first configuration now (its tags): a conflict for this one too.
    expect((await textOf(wizard.planAction('bucket'))).toLowerCase()).toBe('conflict');
    expect((await textOf(wizard.planAction('role'))).toLowerCase()).toBe('conflict');
    expect(await wizard.apply.isDisabled()).toBe(true);
    await expectVisible(h.page.getByText('Cannot apply: the plan has conflicts'));
    await h.screenshot('10-plan-conflict');
    await shell.open('Configurations');
  });

  it('deletes it after typing the name', async () => {
    await configs.delete(INPUT.name);
    const deleted = configs.dialog.getByRole('list', { name: 'Deleted resources' });
    await expectVisible(deleted);
    expect(await deleted.getByRole('listitem').count()).toBe(4);
    await h.screenshot('11-deleted');
    await configs.dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expectVisible(h.page.getByText('No configurations yet'));
  });

  it('asks for the MFA code of an assume-role profile', async () => {
    await shell.open('Connect');
    await connect.connect('mfa');
    const dialog = h.page.getByRole('dialog');
    await expectVisible(dialog);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(textOf(connect.error)).resolves.toContain('Did not connect to profile "mfa": no MFA code was entered.');
    await connect.connect('mfa');
    await dialog.getByLabel('MFA code').fill('123456');
    await h.screenshot('12-mfa');
    const sent = h.ipc.length;
    await dialog.getByRole('button', { name: 'Connect with MFA' }).click();
    await expect.poll(() => h.ipc.slice(sent).find((r) => r.channel === 'session:connect')?.request).toBe(
      JSON.stringify({ profile: 'mfa', mfaCode: '123456' }),
    );
    await expectVisible(connect.connectedIdentity.filter({ hasText: 'assumed-role/e2e-mfa' }));
    await expect(textOf(shell.identity)).resolves.toContain('mfa · 123456789012');
    await h.screenshot('13-mfa-connected');
  });

  it('never sent a secret key to the page, and the page logged no errors', () => {
    expect(h.ipc.length).toBeGreaterThan(5);
    const leaks = h.ipc.filter((r) => r.response.includes(TEST_SECRET_KEY));
    expect(leaks).toEqual([]);
    expect(h.pageErrors.filter((e) => !/frame-ancestors/.test(e))).toEqual([]);
  });
});

async function expectVisible(locator: { waitFor(o: { state: 'visible'; timeout?: number }): Promise<void> }): Promise<void> {
  await locator.waitFor({ state: 'visible' }); // the harness's default limit (a busy machine)
}

async function textOf(locator: { first(): { innerText(): Promise<string> } }): Promise<string> {
  return (await locator.first().innerText()).trim();
}
