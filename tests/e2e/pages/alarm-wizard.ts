import type { Locator, Page } from 'playwright-core';

/** The alarm wizard: metric, history & threshold, conditions, notification, name & create. */
export class AlarmWizardPage {
  /** The main area the wizard lives in. */
  readonly root: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByRole('main');
  }

  /** Open it from the navbar. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'New alarm' }).click();
  }

  get next(): Locator {
    return this.root.getByRole('button', { name: /^Next:/ });
  }

  get chart(): Locator {
    return this.root.getByRole('figure').first();
  }

  get thresholdSlider(): Locator {
    return this.root.getByRole('slider', { name: 'Threshold' }).first();
  }

  get threshold(): Locator {
    return this.root.getByRole('textbox', { name: 'Threshold' });
  }

  get backtest(): Locator {
    return this.root.getByRole('status', { name: 'Backtest' });
  }

  get facts(): Locator {
    return this.root.getByRole('group', { name: 'History facts' });
  }

  get suggestion(): Locator {
    return this.root.getByLabel('Suggestion');
  }

  /** Drag the threshold handle vertically by `dy` pixels (negative = up). */
  async dragThreshold(dy: number): Promise<void> {
    const box = await this.thresholdSlider.boundingBox();
    if (!box) throw new Error('threshold handle not visible');
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x, y + dy / 2);
    await this.page.mouse.move(x, y + dy);
    await this.page.mouse.up();
  }

  textbox(name: string | RegExp): Locator {
    return this.root.getByRole('textbox', { name });
  }

  async chooseSelect(label: string, option: string): Promise<void> {
    await this.root.getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  get preview(): Locator {
    return this.root.getByRole('table', { name: 'Alarm preview' });
  }

  get create(): Locator {
    return this.root.getByRole('button', { name: /^(Create alarm|Create in \d regions|Update .+)$/ });
  }

  /** Tick or untick one of the regions the alarm is created in. */
  region(name: string): Locator {
    return this.root.getByRole('checkbox', { name });
  }

  get result(): Locator {
    return this.root.getByLabel('Create result');
  }
}
