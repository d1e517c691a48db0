import type { Locator, Page } from 'playwright-core';

/** The Configurations screen. */
export class ConfigurationsPage {
  private readonly main: Locator;

  constructor(private readonly page: Page) {
    this.main = page.getByRole('main');
  }

  get table(): Locator {
    return this.main.getByRole('table', { name: 'Saved configurations', exact: true });
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('button', { name: `Verify ${name}` }) });
  }

  /** The table and its card: what the row actions must stay inside. */
  get container(): Locator {
    return this.table.locator('xpath=..');
  }

  /** One row action button (Verify, Export, Delete, Forget) by its accessible name "<action> <name>". */
  action(action: 'Verify' | 'Export' | 'Delete' | 'Forget', name: string): Locator {
    return this.main.getByRole('button', { name: `${action} ${name}`, exact: true });
  }

  /** The copy button of a row's bucket, table or role ARN. */
  copyButton(what: 'bucket' | 'table' | 'role ARN', name: string): Locator {
    return this.main.getByRole('button', { name: `Copy ${what} of ${name}`, exact: true });
  }

  /** The shown value next to a copy button. */
  value(what: 'bucket' | 'table' | 'role ARN', name: string): Locator {
    return this.copyButton(what, name).locator('xpath=preceding-sibling::*[1]');
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
