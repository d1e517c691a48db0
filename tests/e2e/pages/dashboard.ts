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

  /** The alarm's row (in one region, when the same alarm exists in several). */
  alarmRow(name: string, region?: string): Locator {
    const rows = this.alarms.getByRole('row').filter({ hasText: name });
    return region ? rows.filter({ hasText: region }) : rows;
  }

  get cost(): Locator {
    return this.main.getByRole('table', { name: 'Usage cost' });
  }

  get lastUpdated(): Locator {
    return this.main.getByLabel('Last updated');
  }

  /** Wait until the dashboard shows its data: the time of its last refresh, and no loading placeholder left. */
  async loaded(): Promise<void> {
    await this.lastUpdated.filter({ hasText: /^Last updated/ }).waitFor({ state: 'visible', timeout: 60_000 });
    await this.main.locator('.mantine-Skeleton-root').first().waitFor({ state: 'detached', timeout: 60_000 });
  }
}
