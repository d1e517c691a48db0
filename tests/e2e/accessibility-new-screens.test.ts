/**
 * End to end: axe-core (WCAG 2.2 AA + best practices) on the screens added after
 * accessibility.test.ts was written, each in light and dark: Connect's access-key form (empty and
 * with a validation error), the IAM Identity Center sign-in dialog with its URL and code, the
 * interrupted-runs view (a journal left by a killed apply), a setup run while it runs and while it
 * cancels, Verify with failures and Repair, Configurations with "Show all accounts" and the
 * Platform panel, the alarm wizard on all usage classes in two regions with a taken topic name and
 * a notify-on choice, and Settings with a platform API token entered. Real handlers, moto (through
 * a loopback proxy that can slow CreateRole), the local SSO fake and the fake Bodo Platform.
 * No finding at any impact is allowed (there are no waivers).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { CreateBucketCommand, DeleteBucketTaggingCommand } from '@aws-sdk/client-s3';
import { CreateTopicCommand } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsContext } from '../../main/core/aws/context';
import { contextForProfile } from '../../main/core/profiles/session';
import { SetupJournal } from '../../main/core/setup/journal';
import { ConfigurationStore } from '../../main/core/store/configurations';
import type { SetupInput } from '../../shared/contract/setup';
import { startFakePlatform, type FakePlatform } from '../helpers/fake-bodo-platform';
import { awsTestEnv, HAS_MOTO, type Moto } from '../helpers/moto';
import { sharedMoto } from '../helpers/shared-moto';
import { startRequestCounter, type RequestCounter } from '../helpers/request-counter';
import { startSsoFake, type SsoFake } from '../helpers/sso-fake';
import { seedUsage, twoDaysWithSpikes } from '../main/monitoring/seed';
import { HAS_CHROMIUM, startHarness, type Harness } from './harness';
import { AlarmWizardPage } from './pages/alarm-wizard';
import { AppShellPage } from './pages/app-shell';
import { runAxe, type AxeFinding } from './pages/axe';
import { ConfigurationsPage } from './pages/configurations';
import { ConnectPage } from './pages/connect';
import { PlatformPage } from './pages/platform';
import { SetupWizardPage } from './pages/setup-wizard';
import { ThemePage } from './pages/theme';

const SKIP = !HAS_CHROMIUM || !HAS_MOTO;

const SSO_PROFILE = ['[profile work-sso]', 'sso_session = work', 'sso_account_id = 123456789012', 'sso_role_name = Admin', 'region = us-west-2', '[sso-session work]', 'sso_start_url = https://work.awsapps.com/start', 'sso_region = us-east-1'].join('\n');
const SCHEMES = ['Light', 'Dark'] as const;
type Scheme = (typeof SCHEMES)[number];

/** A setup input with names of its own. */
const input = (id: string): SetupInput => ({
  name: `a11y-${id}`,
  region: 'us-east-1',
  bucketName: `onramp-a11y-new-${id}`,
  tableName: `onramp-a11y-new-${id}`,
  roleName: `OnrampA11yNew-${id}`,
  externalId: `a11y-external-${id}`,
  platformAccountId: '481633624848',
});

describe.skipIf(SKIP)('accessibility of the newer screens: axe-core in light and dark', () => {
  let moto: Moto;
  let proxy: RequestCounter;
  let sso: SsoFake;
  let platformFake: FakePlatform;
  let h: Harness;
  let direct: AwsContext;
  let theme: ThemePage;
  let shell: AppShellPage;
  let connect: ConnectPage;
  let setup: SetupWizardPage;
  /** While set, CreateRole answers this many ms late (a run to cancel). */
  let roleDelayMs = 0;
  const reports: { screen: string; findings: AxeFinding[] }[] = [];
  const interrupted = input('crashed');

  beforeAll(async () => {
    moto = await sharedMoto();
    proxy = await startRequestCounter({ forwardTo: moto.url, intercept: (r) => (r.action === 'CreateRole' && roleDelayMs > 0 ? { status: 0, delayMs: roleDelayMs } : undefined) });
    sso = await startSsoFake();
    platformFake = await startFakePlatform();
    const env = {
      ...awsTestEnv(moto, SSO_PROFILE),
      AWS_ENDPOINT_URL: proxy.url,
      AWS_ENDPOINT_URL_SSO_OIDC: sso.url,
      AWS_ENDPOINT_URL_SSO: sso.url,
      ...platformFake.env(),
    };
    direct = await contextForProfile({ profile: 'default', env: { ...env, AWS_ENDPOINT_URL: moto.url }, region: 'us-east-1' });
    await seedUsage(direct, 'us-east-1', 'Standard/OnDemand', twoDaysWithSpikes().points);
    // A topic Onramp did not make, so its name is "taken" for a new alarm topic.
    await (await direct.sns('us-east-1')).send(new CreateTopicCommand({ Name: 'taken-topic' }));
    // A killed apply: its bucket made but not hardened, listed in the journal of a dead process.
    await (await direct.s3('us-east-1')).send(new CreateBucketCommand({ Bucket: interrupted.bucketName }));
    const journal = new SetupJournal(env.ONRAMP_DATA_DIR);
    const j = await journal.begin({ configuration: interrupted.name, account: '123456789012', profile: 'default', input: interrupted, now: Date.now });
    await journal.mark(j, 'bucket', interrupted.bucketName, 'created');
    writeFileSync(journal.fileOf(j.runId), JSON.stringify({ ...JSON.parse(readFileSync(journal.fileOf(j.runId), 'utf8')), pid: 4194305 }));
    // A configuration saved from another account, listed only with "Show all accounts".
    await new ConfigurationStore(env.ONRAMP_DATA_DIR).save({
      name: 'other-account',
      region: 'us-west-1',
      bucketName: 'onramp-other-account-state',
      tableName: 'onramp-other-account-lock',
      tableArn: 'arn:aws:dynamodb:us-west-1:210987654321:table/onramp-other-account-lock',
      roleName: 'BodoPlatformUserOther',
      roleArn: 'arn:aws:iam::210987654321:role/BodoPlatformUserOther',
      externalId: 'other-external-id',
      platformAccountId: '481633624848',
      accountId: '210987654321',
      profile: 'other',
      createdAt: '2026-01-02T03:04:05.000Z',
      verifiedAt: null,
    });
    // The user's browser opens the SSO page; nobody confirms the code here.
    h = await startHarness(env, { openExternal: async () => undefined });
    theme = new ThemePage(h.page);
    shell = new AppShellPage(h.page);
    connect = new ConnectPage(h.page);
    setup = new SetupWizardPage(h.page);
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    await platformFake?.stop();
    await sso?.close();
    await proxy?.close();
    await moto?.stop();
  });

  async function check(screen: string): Promise<void> {
    await h.page.mouse.move(0, 0);
    await h.page.waitForTimeout(250);
    reports.push({ screen, findings: await runAxe(h.page) });
  }

  /** Check a state in both schemes; `show` brings it up (again) after the theme changed, `hide` closes a dialog. */
  async function inBoth(screen: string, show: (scheme: Scheme) => Promise<void>, hide?: () => Promise<void>): Promise<void> {
    for (const scheme of SCHEMES) {
      await theme.choose(scheme);
      await show(scheme);
      await check(`${scheme}: ${screen}`);
      await hide?.();
    }
  }

  it('Connect: the access-key form, empty and with a validation error; the SSO sign-in dialog with its URL and code', async () => {
    await connect.useAccessKeys();
    await inBoth('access keys form', async () => {
      await connect.keysForm.getByLabel('Access key ID').waitFor({ state: 'visible' });
    });
    await connect.keysForm.getByRole('button', { name: 'Connect with keys' }).click();
    await connect.keysForm.getByText('Enter the access key ID.').waitFor();
    await inBoth('access keys form with an error', async () => {
      await connect.keysForm.getByText('Enter the access key ID.').waitFor();
    });
    await h.screenshot('a11y-connect-keys-error');

    await h.page.getByRole('main').getByRole('tab', { name: 'Use a profile' }).click();
    await inBoth(
      'SSO sign-in dialog',
      async () => {
        await connect.signIn('work-sso');
        const code = connect.signInDialog.getByLabel('Code to confirm');
        await code.waitFor({ state: 'visible' });
        expect(await code.innerText()).toBe(sso.lastUserCode());
        expect(await connect.signInDialog.innerText()).toContain(`${sso.url}/device`);
      },
      async () => {
        await connect.signInDialog.getByRole('button', { name: 'Cancel' }).click();
        await connect.signInDialog.waitFor({ state: 'detached' });
      },
    );
    await connect.connect('default');
    await connect.connectedIdentity.waitFor({ state: 'visible' });
  }, 90_000);

  it('New setup: the interrupted run left by a killed apply, a run in progress, and the run while it cancels', async () => {
    await shell.open('New setup');
    const runs = h.page.getByRole('main').getByRole('region', { name: 'Interrupted setup runs' });
    await inBoth('interrupted runs', async () => {
      await runs.getByRole('button', { name: `Finish ${interrupted.name}` }).waitFor({ state: 'visible' });
    });
    expect(await runs.getByRole('list', { name: `Resources of run ${interrupted.name}` }).innerText()).toContain(`bucket ${interrupted.bucketName} (created, not hardened yet)`);
    // The start-up notice said so too (checked above with it showing); it stays until dismissed.
    await h.page.getByRole('button', { name: 'Dismiss: An earlier setup run did not finish' }).click();

    roleDelayMs = 20_000;
    const slow = input('cancelled');
    await setup.fill(slow);
    await setup.next.click();
    await setup.plan.waitFor({ state: 'visible' });
    await setup.apply.click();
    const main = h.page.getByRole('main');
    await main.getByRole('listitem', { name: /: running$/ }).first().waitFor({ state: 'visible' });
    await inBoth('setup run in progress', async () => {
      await main.getByRole('button', { name: 'Cancel', exact: true }).waitFor({ state: 'visible' });
    });
    await main.getByRole('button', { name: 'Cancel', exact: true }).click();
    await inBoth('setup run cancelling', async () => {
      await main.getByText('Cancelling: finishing the step in flight, then undoing what this run created…').waitFor({ state: 'visible' });
    });
    await h.screenshot('a11y-setup-cancelling');
    roleDelayMs = 0;
    await main.getByRole('button', { name: 'Cancelling…' }).waitFor({ state: 'detached', timeout: 60_000 });
    await inBoth('setup run cancelled', async () => {
      await main.getByRole('list', { name: 'Setup steps' }).waitFor({ state: 'visible' });
    });
  }, 150_000);

  it('Settings: the Bodo Platform section with an API token entered', async () => {
    await shell.open('Settings');
    const section = h.page.getByRole('main').getByRole('region', { name: 'Bodo Platform settings' });
    await section.getByRole('form', { name: 'Bodo Platform API token' }).waitFor({ state: 'visible' });
    await new PlatformPage(h.page).enterToken(platformFake.clientId, platformFake.secret);
    const status = section.getByRole('status', { name: 'Platform API token' });
    await status.waitFor({ state: 'visible' });
    await expect.poll(async () => status.innerText()).not.toMatch(/^No /);
    await inBoth('platform settings with a token', async () => {
      await status.waitFor({ state: 'visible' });
    });
    await h.screenshot('a11y-platform-settings');
  }, 60_000);

  it('Configurations: Verify with failures and Repair, "Show all accounts", the Platform panel', async () => {
    const good = input('verify');
    await shell.open('New setup');
    await h.page.getByRole('main').getByRole('button', { name: 'Back to plan' }).click();
    await setup.plan.waitFor({ state: 'visible' });
    await h.page.getByRole('main').getByRole('button', { name: 'Back', exact: true }).click();
    await setup.fill(good);
    await setup.next.click();
    await setup.plan.waitFor({ state: 'visible' });
    await setup.apply.click();
    await setup.viewResult.waitFor({ state: 'visible', timeout: 120_000 });
    // Drift: the bucket lost its tags, so verify fails and offers Repair.
    await (await direct.s3('us-east-1')).send(new DeleteBucketTaggingCommand({ Bucket: good.bucketName }));

    const configs = new ConfigurationsPage(h.page);
    await shell.open('Configurations');
    await configs.verify(good.name);
    await configs.checks.waitFor({ state: 'visible' });
    const repair = h.page.getByRole('main').getByRole('button', { name: 'Repair' });
    await inBoth('verify with failures and Repair', async () => {
      await repair.waitFor({ state: 'visible' });
    });
    expect(await configs.checks.getByRole('listitem', { name: /: failed$/ }).count()).toBeGreaterThan(0);

    const showAll = h.page.getByRole('main').getByRole('switch', { name: /Show all accounts/ });
    await showAll.check({ force: true });
    await configs.row('other-account').waitFor({ state: 'visible' });
    const platform = new PlatformPage(h.page);
    await inBoth('configurations, all accounts, with the Platform panel', async () => {
      await platform.row(good.name).waitFor({ state: 'visible' });
    });
    await h.screenshot('a11y-configurations-all-accounts');
  }, 180_000);

  it('New alarm: all usage classes in two regions, a taken topic name, a notify-on choice, the multi-region preview', async () => {
    const alarm = new AlarmWizardPage(h.page);
    await alarm.open();
    await alarm.region('us-west-2').check();
    await h.page.getByText('Loading the usage classes this account has…').waitFor({ state: 'detached' });
    await inBoth('alarm metric, all classes, two regions', async () => {
      expect(await alarm.root.getByRole('combobox', { name: 'Usage class' }).inputValue()).toMatch(/^All usage classes/);
    });
    await alarm.next.click();
    await alarm.chart.waitFor({ state: 'visible' });
    await alarm.next.click();
    await alarm.next.click();
    await alarm.root.getByRole('checkbox', { name: /^OK/ }).check();
    await alarm.textbox('New topic name').fill('taken-topic');
    const taken = alarm.root.getByRole('alert').filter({ hasText: 'A topic named taken-topic already exists in us-east-1' });
    await inBoth('alarm notification with a taken topic name and OK chosen', async () => {
      await taken.waitFor({ state: 'visible' });
    });
    expect(await alarm.next.isDisabled()).toBe(true);
    await alarm.textbox('New topic name').fill('a11y-alarm-topic');
    await alarm.textbox('Email 1').fill('ops@example.com');
    await taken.waitFor({ state: 'detached' });
    await alarm.next.click();
    await alarm.textbox('Alarm name').fill('a11y-two-regions');
    await inBoth('alarm review, two regions', async () => {
      await alarm.preview.waitFor({ state: 'visible' });
      expect(await alarm.create.innerText()).toBe('Create in 2 regions');
    });
  }, 120_000);

  it('no finding at any impact on any of these screens', () => {
    const lines = reports.flatMap((r) => r.findings.map((f) => `${r.screen} | ${f.impact} | ${f.id} | ${f.help} | ${f.nodes.slice(0, 3).map((n) => n.target).join(', ')} — ${f.nodes[0]?.summary ?? ''}`));
    if (process.env.ONRAMP_AXE_REPORT) console.log(lines.join('\n'));
    expect(reports.length).toBe(2 * 13);
    expect(lines).toEqual([]);
  });
});
