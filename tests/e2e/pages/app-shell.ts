import type { Locator, Page } from 'playwright-core';

/** The shell: header identity and the navbar. */
export class AppShellPage {
  constructor(private readonly page: Page) {}

  /** The header block naming the connected account. */
  get identity(): Locator {
    return this.page.getByRole('status', { name: 'Connected account' });
  }

  /** Open a navbar entry by its label. */
  async open(label: 'Connect' | 'Monitoring' | 'Cost' | 'New alarm' | 'New setup' | 'Readiness' | 'Configurations' | 'Settings'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: label, exact: true }).click();
  }
}
