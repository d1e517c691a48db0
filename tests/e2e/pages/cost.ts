import type { Locator, Page } from 'playwright-core';

/** The Cost screen: spend from Cost Explorer, the estimate beside the actual, and budgets. */
export class CostPage {
  private readonly main: Locator;

  constructor(private readonly page: Page) {
    this.main = page.getByRole('main');
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Cost', exact: true }).click();
  }

  /** One of the headline figures ("Total charges", "Bodo Platform (AWS Marketplace)", "Infrastructure", "Credits and refunds"). */
  figure(name: string): Locator {
    return this.main.getByRole('group', { name, exact: true });
  }

  get forecast(): Locator {
    return this.main.getByRole('group', { name: 'Forecast' });
  }

  /** The line saying whether the figures came from the cache. */
  get source(): Locator {
    return this.main.getByLabel('Where the figures come from');
  }

  get refresh(): Locator {
    return this.main.getByRole('button', { name: 'Refresh from Cost Explorer' });
  }

  get byService(): Locator {
    return this.main.getByRole('table', { name: 'Charges by service' });
  }

  get usageTypes(): Locator {
    return this.main.getByRole('table', { name: 'Largest EC2 usage types' });
  }

  get estimate(): Locator {
    return this.main.getByRole('region', { name: 'Estimate and actual EC2 spend' });
  }

  get budgets(): Locator {
    return this.main.getByRole('table', { name: 'Budgets' });
  }

  get budgetForm(): Locator {
    return this.main.getByRole('form', { name: 'New budget' });
  }

  /** Open the new-budget form and fill it in. */
  async fillBudget(b: { name: string; amount: string; emails: string; topicArn?: string; platformOnly?: boolean }): Promise<void> {
    await this.main.getByRole('button', { name: 'New budget' }).click();
    const form = this.budgetForm;
    await form.getByLabel('Name').fill(b.name);
    await form.getByLabel('Monthly amount (USD)').fill(b.amount);
    if (b.platformOnly) await form.locator('label').filter({ hasText: 'Platform only (AWS Marketplace)' }).click();
    await form.getByLabel('Email addresses').fill(b.emails);
    if (b.topicArn) await form.getByLabel('SNS topic ARN (optional)').fill(b.topicArn);
  }

  /** Ask to delete a budget (opens the confirmation). */
  async askDelete(name: string): Promise<void> {
    await this.main.getByRole('button', { name: `Delete budget ${name}` }).click();
  }
}
