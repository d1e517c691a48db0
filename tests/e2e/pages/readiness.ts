import type { Locator, Page } from 'playwright-core';

/** The readiness screen: identity, permission preflight, limits per region, and what the platform will create. */
export class ReadinessPage {
  private readonly main: Locator;

  constructor(private readonly page: Page) {
    this.main = page.getByRole('main');
  }

  /** Open it from the navbar. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Readiness' }).click();
  }

  get identity(): Locator {
    return this.main.getByLabel('Checked identity');
  }

  /** The limits table of one region. */
  limits(region: string): Locator {
    return this.main.getByRole('table', { name: `Limits in ${region}` });
  }

  /** The cells (used, limit, source) of one figure in one region. */
  figure(region: string, label: string): Locator {
    return this.limits(region).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: label, exact: true }) }).getByRole('cell');
  }

  /** The problems listed under a flagged region. */
  problems(region: string): Locator {
    return this.main.getByRole('list', { name: `Problems in ${region}` });
  }

  /** The short lines under a region where a limit could not be read and AWS's default leaves no room. */
  unknownLimits(region: string): Locator {
    return this.main.getByRole('list', { name: `Unknown limits in ${region}` });
  }

  /** The one notice above the cards explaining every limit that could not be read. */
  get unknownLimitsNotice(): Locator {
    return this.main.getByRole('note', { name: 'Some limits could not be read' });
  }

  /** The section (card) of one region. */
  region(region: string): Locator {
    return this.main.getByRole('region', { name: region, exact: true });
  }

  get workspaceVcpus(): Locator {
    return this.main.getByRole('textbox', { name: 'Workspace vCPUs' });
  }

  get checkAgain(): Locator {
    return this.main.getByRole('button', { name: 'Check again' });
  }

  tab(name: 'Permissions and limits' | 'What the platform will create'): Locator {
    return this.main.getByRole('tab', { name });
  }

  get platformResources(): Locator {
    return this.main.getByRole('list', { name: 'Resources the platform creates' });
  }
}
