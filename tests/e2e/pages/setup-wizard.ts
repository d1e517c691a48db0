import type { Locator, Page } from 'playwright-core';
import type { SetupInput } from '../../../shared/contract/setup';

/** The setup wizard: form, plan, create, result. */
export class SetupWizardPage {
  private readonly main: Locator;

  constructor(private readonly page: Page) {
    this.main = page.getByRole('main');
  }

  field(label: string): Locator {
    return this.main.getByRole('textbox', { name: label });
  }

  get next(): Locator {
    return this.main.getByRole('button', { name: 'Next: review plan' });
  }

  /** Fill the form; the region is chosen from the Select's options. */
  async fill(input: Omit<SetupInput, 'externalId'> & { externalId?: string }): Promise<void> {
    await this.field('Configuration name').fill(input.name);
    await this.page.getByRole('combobox', { name: 'Region' }).click();
    await this.page.getByRole('option', { name: input.region, exact: true }).click();
    await this.field('S3 bucket name').fill(input.bucketName);
    await this.field('DynamoDB table name').fill(input.tableName);
    await this.field('IAM role name').fill(input.roleName);
    if (input.externalId) await this.field('External ID').fill(input.externalId);
    else await this.main.getByRole('button', { name: 'Generate' }).click();
    await this.field('Platform account ID').fill(input.platformAccountId);
  }

  get plan(): Locator {
    return this.main.getByRole('table', { name: 'Plan' });
  }

  /** The action badge text of one resource's plan row. */
  planAction(resource: string): Locator {
    return this.plan.getByRole('row').filter({ hasText: new RegExp(`^${resource}`, 'i') }).getByRole('cell').nth(2);
  }

  get apply(): Locator {
    return this.main.getByRole('button', { name: 'Apply' });
  }

  get steps(): Locator {
    return this.main.getByRole('list', { name: 'Setup steps' });
  }

  get viewResult(): Locator {
    return this.main.getByRole('button', { name: 'View result' });
  }

  get result(): Locator {
    return this.main.getByRole('table', { name: 'Cloud Configuration' });
  }

  /** The value shown for a result field. */
  resultValue(label: string): Locator {
    return this.result.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: label, exact: true }) }).locator('code');
  }

  get verify(): Locator {
    return this.main.getByRole('button', { name: 'Verify', exact: true });
  }

  get checks(): Locator {
    return this.main.getByRole('list', { name: 'Verification checks' });
  }
}
