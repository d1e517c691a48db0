import type { Locator, Page } from 'playwright-core';

/** The Monitoring dashboard. */
export class DashboardPage {
  private readonly main: Locator;

  constructor(private readonly page: Page) {
    this.main = page.getByRole('main');
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Monitoring' }).click();
  }

  region(name: string): Locator {
    return this.main.getByRole('region', { name: `Region ${name}` });
  }

  get alarms(): Locator {
    return this.main.getByRole('table', { name: 'Alarms' });
  }

  alarmRow(name: string): Locator {
    return this.alarms.getByRole('row').filter({ hasText: name });
  }

  get cost(): Locator {
    return this.main.getByRole('table', { name: 'Usage cost' });
  }

  get lastUpdated(): Locator {
    return this.main.getByLabel('Last updated');
  }
}
