/** The new-budget form's pure model: what the fields hold, and the config (or a message per field) they make. */
import { BudgetConfigSchema, type BudgetConfig, type BudgetScope } from '../../../../shared/contract/budgets';
import { splitEmails } from '../../../../shared/monitoring/alarm-inputs';
import { parseThresholds } from './model';

/** The form's fields as typed. */
export interface BudgetForm {
  name: string;
  amount: string;
  scope: BudgetScope;
  emails: string;
  topicArn: string;
  actual: string;
  forecasted: string;
}

/** A fresh form: 80% and 100% of actual spend, 100% forecasted. */
export const EMPTY_BUDGET_FORM: BudgetForm = { name: 'bodo-monthly', amount: '', scope: 'all', emails: '', topicArn: '', actual: '80, 100', forecasted: '100' };

/** One message per field at fault. */
export type BudgetFormErrors = Partial<Record<keyof BudgetForm, string>>;

const FIELD: Record<string, keyof BudgetForm> = { name: 'name', amount: 'amount', scope: 'scope', emails: 'emails', topicArn: 'topicArn', actual: 'actual', forecasted: 'forecasted' };

/** Check the form with the same schema main uses; the config, or a message per field. */
export function budgetConfigFrom(form: BudgetForm): { ok: true; config: BudgetConfig } | { ok: false; errors: BudgetFormErrors } {
  const errors: BudgetFormErrors = {};
  const actual = parseThresholds(form.actual, 'Actual');
  const forecasted = parseThresholds(form.forecasted, 'Forecasted');
  if (!actual.ok) errors.actual = actual.message;
  if (!forecasted.ok) errors.forecasted = forecasted.message;
  if (!actual.ok || !forecasted.ok) return { ok: false, errors };
  const parsed = BudgetConfigSchema.safeParse({
    name: form.name,
    amount: form.amount,
    scope: form.scope,
    emails: splitEmails(form.emails),
    topicArn: form.topicArn.trim() === '' ? null : form.topicArn.trim(),
    actual: actual.value,
    forecasted: forecasted.value,
  });
  if (parsed.success) return { ok: true, config: parsed.data };
  for (const issue of parsed.error.issues) {
    const field = FIELD[String(issue.path[0] ?? '')] ?? 'name';
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
