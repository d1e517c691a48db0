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
}
