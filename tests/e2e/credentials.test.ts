/**
 * End to end (headless Chromium, real handlers, moto, the local SSO fake): a user with only a key
 * pair connects by pasting it and reviews a plan, then saves it as a profile; a user on IAM
 * Identity Center signs in from the Connect screen. Every IPC answer is scanned for the secrets,
 * and axe checks the new screens in light and dark.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsTestEnv, HAS_MOTO, type Moto } from '../helpers/moto';
import { sharedMoto } from '../helpers/shared-moto';
import { startSsoFake, type SsoFake } from '../helpers/sso-fake';
import { HAS_CHROMIUM, startHarness, type Harness } from './harness';
import { AppShellPage } from './pages/app-shell';
import { runAxe } from './pages/axe';
import { ConnectPage } from './pages/connect';
import { SetupWizardPage } from './pages/setup-wizard';
import { ThemePage } from './pages/theme';

const SKIP = !HAS_CHROMIUM || !HAS_MOTO;

const KEY_ID = 'AKIAE2EPASTED0000001';
const SECRET = 'e2ePastedSecretKey/0000000000000000000+1';

const SSO_PROFILE = ['[profile work-sso]', 'sso_session = work', 'sso_account_id = 123456789012', 'sso_role_name = Admin', 'region = us-west-2', '[sso-session work]', 'sso_start_url = https://work.awsapps.com/start', 'sso_region = us-east-1'].join('\n');

describe.skipIf(SKIP)('credentials end to end (Chromium + real handlers + moto + SSO fake)', () => {
  let moto: Moto;
  let fake: SsoFake;
  let h: Harness;
  let env: ReturnType<typeof awsTestEnv>;
  let connect: ConnectPage;
  const opened: string[] = [];
  let confirmInBrowser = true;

  beforeAll(async () => {
    moto = await sharedMoto();
    fake = await startSsoFake();
    env = { ...awsTestEnv(moto, SSO_PROFILE), AWS_ENDPOINT_URL_SSO_OIDC: fake.url, AWS_ENDPOINT_URL_SSO: fake.url };
    h = await startHarness(env, {
      // The user's browser: it opens the page, and the user confirms the code a moment later.
      openExternal: async (url) => {
        opened.push(url);
        if (confirmInBrowser) setTimeout(() => void fetch(url), 2500);
      },
    });
    connect = new ConnectPage(h.page);
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    await fake?.close();
    await moto?.stop();
  });

  const noSecretsInAnswers = () => {
    const answers = h.ipc.map((r) => r.response).join('\n');
    for (const secret of [SECRET, ...fake.accessTokens, 'fake-client-secret', 'fake-device-code', 'fake-refresh-token']) expect(answers).not.toContain(secret);
    // The secret went to main exactly once, in the one request that carries it.
    expect(h.ipc.filter((r) => r.request.includes(SECRET)).map((r) => r.channel)).toEqual(['session:connect-keys']);
  };

  it('connects with pasted access keys (stray whitespace and all) and runs a plan on them', async () => {
    await connect.useAccessKeys();
    await h.screenshot('credentials-01-access-keys');
    await connect.connectWithKeys({ accessKeyId: ` ${KEY_ID}\t`, secretAccessKey: `${SECRET}\n` });
    await connect.connectedIdentity.waitFor({ state: 'visible' });
    expect(await connect.connectedIdentity.innerText()).toMatch(/Connected as profile "\(access keys\)"[\s\S]*Account 123456789012/);
    // The form no longer holds the secret.
    expect(await connect.keysForm.getByLabel('Secret access key').inputValue()).toBe('');
    await connect.saveProfile.waitFor({ state: 'visible' });
    await h.screenshot('credentials-02-connected-with-keys');

    const wizard = new SetupWizardPage(h.page);
    await new AppShellPage(h.page).open('New setup');
    await wizard.fill({ name: 'keys-e2e', region: 'us-east-2', bucketName: 'onramp-keys-e2e-state', tableName: 'onramp-keys-e2e-lock', roleName: 'BodoPlatformUserKeys', externalId: ' pasted-external-id ', platformAccountId: '4816-3362-4848' });
    await wizard.next.click();
    await wizard.plan.waitFor({ state: 'visible' });
    for (const resource of ['bucket', 'table', 'role', 'policy']) expect((await wizard.planAction(resource).innerText()).toLowerCase()).toBe('create');
    const planRequest = JSON.parse(h.ipc.filter((r) => r.channel === 'setup:plan').at(-1)!.request) as Record<string, string>;
    expect(planRequest).toMatchObject({ externalId: 'pasted-external-id', platformAccountId: '481633624848' });
    await h.screenshot('credentials-03-plan-on-keys');
    noSecretsInAnswers();
  }, 120_000);

  it('saves the keys as a profile on request, which then lists and connects like any other', async () => {
    await new AppShellPage(h.page).open('Connect');
    await connect.saveProfile.getByLabel('Profile name').fill('e2e-saved');
    await connect.saveProfile.getByRole('button', { name: 'Save as profile' }).click();
    const notice = h.page.getByRole('status').filter({ hasText: 'Saved as profile "e2e-saved"' });
    await notice.waitFor({ state: 'visible' });
    expect(await notice.innerText()).toContain(env.AWS_SHARED_CREDENTIALS_FILE!);
    await h.screenshot('credentials-04-saved-as-profile');
    await connect.row('e2e-saved').waitFor({ state: 'visible' });
    await connect.connect('e2e-saved');
    await h.page.getByText('Connected as profile "e2e-saved"').waitFor({ state: 'visible' });
    noSecretsInAnswers();
  });

  it('signs in an IAM Identity Center profile: the code is shown, the browser confirms it, and it connects', async () => {
    await connect.row('work-sso').waitFor({ state: 'visible' });
    // Before signing in, Connect explains the session is missing and offers the sign-in.
    await connect.connect('work-sso');
    const expired = h.page.getByRole('alert').filter({ hasText: 'SSO session expired' });
    await expired.waitFor({ state: 'visible' });
    expect(await expired.innerText()).toContain('onramp sso login --profile work-sso');
    expect(await expired.getByRole('button', { name: 'Sign in now' }).isVisible()).toBe(true);
    await connect.signIn('work-sso');
    await connect.signInDialog.getByLabel('Code to confirm').waitFor({ state: 'visible' });
    const code = await connect.signInDialog.getByLabel('Code to confirm').innerText();
    expect(code).toBe(fake.lastUserCode());
    expect(opened.at(-1)).toBe(`${fake.url}/device?user_code=${code}`);
    expect(await connect.signInDialog.innerText()).toContain('Your browser opened the AWS sign-in page');
    await h.screenshot('credentials-05-sso-sign-in');
    await h.page.getByText('Connected as profile "work-sso"').waitFor({ state: 'visible', timeout: 20_000 });
    expect(await connect.signInDialog.count()).toBe(0);
    await h.screenshot('credentials-06-sso-connected');
    noSecretsInAnswers();
  }, 60_000);

  it('the new screens pass axe in light and dark', async () => {
    const theme = new ThemePage(h.page);
    const findings: string[] = [];
    confirmInBrowser = false;
    for (const scheme of ['Light', 'Dark'] as const) {
      await theme.choose(scheme);
      await new AppShellPage(h.page).open('Connect');
      await connect.useAccessKeys();
      await connect.keysForm.getByRole('button', { name: 'Connect with keys' }).click();
      await connect.keysForm.getByText('Enter the access key ID.').waitFor();
      findings.push(...(await runAxe(h.page)).map((f) => `${scheme} keys form: ${f.impact} ${f.id}`));
      await connect.connectWithKeys({ accessKeyId: KEY_ID, secretAccessKey: SECRET });
      await connect.saveProfile.waitFor({ state: 'visible' });
      findings.push(...(await runAxe(h.page)).map((f) => `${scheme} save card: ${f.impact} ${f.id}`));
      await h.page.getByRole('main').getByRole('tab', { name: 'Use a profile' }).click();
      await connect.signIn('work-sso');
      await connect.signInDialog.getByLabel('Code to confirm').waitFor({ state: 'visible' });
      findings.push(...(await runAxe(h.page)).map((f) => `${scheme} sign-in dialog: ${f.impact} ${f.id}`));
      await connect.signInDialog.getByRole('button', { name: 'Cancel' }).click();
      await connect.signInDialog.waitFor({ state: 'detached' });
    }
    expect(findings).toEqual([]);
  }, 120_000);
});
