import type { Locator, Page } from 'playwright-core';

/** The Bodo Platform pieces: Register on the result screen, the API token form, and the Platform panel on Configurations. */
export class PlatformPage {
  private readonly main: Locator;

  constructor(private readonly page: Page) {
    this.main = page.getByRole('main');
  }

  get register(): Locator {
    return this.main.getByRole('button', { name: 'Register with the Bodo Platform', exact: true });
  }

  /** Fill and send the API token form. */
  async enterToken(clientId: string, secret: string): Promise<void> {
    const form = this.main.getByRole('form', { name: 'Bodo Platform API token' });
    await form.getByLabel('Client ID').fill(clientId);
    await form.getByLabel('Secret key').fill(secret);
    await form.getByRole('button', { name: 'Save API token' }).click();
  }

  /** The platform's answer to Register for one configuration. */
  outcome(name: string): Locator {
    return this.main.getByRole('status', { name: `Platform registration of ${name}` });
  }

  get panel(): Locator {
    return this.main.getByRole('region', { name: 'Bodo Platform' });
  }

  /** One saved configuration's row in the Platform panel (its Register button names it and its account). */
  row(name: string, account = '123456789012'): Locator {
    return this.panel
      .getByRole('table', { name: 'Platform status of saved configurations' })
      .getByRole('row')
      .filter({ has: this.registerRow(name, account) });
  }

  /** A row's Register button: "Register <name> (account <account>) with the Bodo Platform". */
  registerRow(name: string, account = '123456789012'): Locator {
    return this.page.getByRole('button', { name: `Register ${name} (account ${account}) with the Bodo Platform` });
  }
}
