import type { Locator, Page } from 'playwright-core';

/** The Connect screen. */
export class ConnectPage {
  private readonly main: Locator;

  constructor(private readonly page: Page) {
    this.main = page.getByRole('main');
  }

  get profiles(): Locator {
    return this.main.getByRole('table', { name: 'AWS profiles' });
  }

  /** The row of one profile. */
  row(profile: string): Locator {
    return this.profiles.getByRole('row').filter({ has: this.page.getByRole('radio', { name: profile, exact: true }) });
  }

  get connectedIdentity(): Locator {
    return this.page.getByLabel('Connected identity');
  }

  get error(): Locator {
    return this.page.getByRole('alert');
  }

  /** Choose a profile and press Connect. */
  async connect(profile: string): Promise<void> {
    await this.page.getByRole('radio', { name: profile, exact: true }).check();
    await this.main.getByRole('button', { name: 'Connect', exact: true }).click();
  }

  /** Switch to the "Use access keys" tab. */
  async useAccessKeys(): Promise<void> {
    await this.main.getByRole('tab', { name: 'Use access keys' }).click();
  }

  /** The access-keys form. */
  get keysForm(): Locator {
    return this.main.getByRole('form', { name: 'Access keys' });
  }

  /** Paste a key pair (and optional token) and press "Connect with keys". */
  async connectWithKeys(keys: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }): Promise<void> {
    await this.keysForm.getByLabel('Access key ID').fill(keys.accessKeyId);
    await this.keysForm.getByLabel('Secret access key').fill(keys.secretAccessKey);
    if (keys.sessionToken) await this.keysForm.getByLabel('Session token').fill(keys.sessionToken);
    await this.keysForm.getByRole('button', { name: 'Connect with keys' }).click();
  }

  /** The "save these keys as a profile" card. */
  get saveProfile(): Locator {
    return this.main.getByRole('region', { name: 'Save as a profile' });
  }

  /** Choose a profile and press "Sign in" (IAM Identity Center). */
  async signIn(profile: string): Promise<void> {
    await this.page.getByRole('radio', { name: profile, exact: true }).check();
    await this.main.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  /** The sign-in dialog. */
  get signInDialog(): Locator {
    return this.page.getByRole('dialog', { name: /Sign in to IAM Identity Center/ });
  }
}
