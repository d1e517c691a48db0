// `onramp cost`, `onramp budget …`, `onramp budgets`: what each command is called, says and accepts.
// The code behind them is in cost-run.ts and budgets-run.ts and loads only when one of them runs.
import type { OptionSpec } from '../args';
import { CREDENTIAL_FLAGS } from '../credential-flags';
import { lazyCommand, type CommandEntry } from './entry';

export const COST_FLAGS: OptionSpec = {
  ...CREDENTIAL_FLAGS,
  month: { type: 'string', value: 'YYYY-MM', description: 'One calendar month (default: this month to date).' },
  months: { type: 'string', value: 'N', description: 'The last N months, this one included (1–13).' },
  refresh: { type: 'boolean', description: 'Ask Cost Explorer now even if the cached answer is fresh ($0.01 a request).' },
};

export const BUDGET_CREATE_FLAGS: OptionSpec = {
  ...CREDENTIAL_FLAGS,
  name: { type: 'string', value: 'NAME', required: true, description: 'Budget name (1–100 characters, no ":" or "\\").' },
  amount: { type: 'string', value: 'USD', required: true, description: 'Monthly amount, e.g. 500 or 1,250.50.' },
  scope: { type: 'string', value: 'SCOPE', description: 'all (every charge, the default) or platform (AWS Marketplace charges only).' },
  email: { type: 'string', value: 'ADDRESSES', multiple: true, description: 'Email subscribers, separated by commas (at most 10).' },
  'topic-arn': { type: 'string', value: 'ARN', description: 'An SNS topic to notify; Onramp lets budgets.amazonaws.com publish to it.' },
  actual: { type: 'string', value: 'PERCENTS', description: 'Alert when actual spend passes these % of the amount (default 80,100; "none" for no actual alert).' },
  forecasted: { type: 'string', value: 'PERCENTS', description: 'Alert when forecasted spend passes these % (default 100; "none" for no forecast alert).' },
};

export const BUDGETS_FLAGS: OptionSpec = { ...CREDENTIAL_FLAGS };

export const BUDGET_DELETE_FLAGS: OptionSpec = {
  ...CREDENTIAL_FLAGS,
  name: { type: 'string', value: 'NAME', required: true, description: 'The budget to delete.' },
};

/** `onramp cost`, `onramp budget create|delete`, `onramp budgets`. */
export const costCommands: Record<string, CommandEntry> = {
  cost: {
    summary: "Actual spend from Cost Explorer: the platform's Marketplace charges, the infrastructure, forecast (cached 6 h)",
    flags: COST_FLAGS,
    run: lazyCommand(() => import('./cost-run'), 'cost'),
  },
  'budget create': {
    summary: 'Create a monthly AWS Budgets cost budget with actual and forecasted alerts (email and/or SNS)',
    flags: BUDGET_CREATE_FLAGS,
    run: lazyCommand(() => import('./budgets-run'), 'budgetCreate'),
  },
  budgets: { summary: "List the account's AWS Budgets cost budgets", flags: BUDGETS_FLAGS, run: lazyCommand(() => import('./budgets-run'), 'budgets') },
  'budget delete': { summary: 'Delete a budget (and the topic permission Onramp added for it)', flags: BUDGET_DELETE_FLAGS, run: lazyCommand(() => import('./budgets-run'), 'budgetDelete') },
};
