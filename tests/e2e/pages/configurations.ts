import type { Locator, Page } from 'playwright-core';

/** The Configurations screen. */
export class ConfigurationsPage {
  private readonly main: Locator;

  constructor(private readonly page: Page) {
    this.main = page.getByRole('main');
  }

  get table(): Locator {
    return this.main.getByRole('table', { name: 'Saved configurations' });
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('button', { name: `Verify ${name}` }) });
  }

  async verify(name: string): Promise<void> {
    await this.main.getByRole('button', { name: `Verify ${name}` }).click();
  }

  get checks(): Locator {
    return this.main.getByRole('list', { name: 'Verification checks' });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /** Open the delete dialog and confirm by typing the name. */
  async delete(name: string): Promise<void> {
    await this.main.getByRole('button', { name: `Delete ${name}` }).click();
    await this.dialog.getByLabel(`Type "${name}" to confirm`).fill(name);
    await this.dialog.getByRole('button', { name: 'Delete in AWS' }).click();
  }
}
