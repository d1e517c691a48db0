/** Channels of the cost domain: actual spend from Cost Explorer, and AWS Budgets. */
export const COST_CHANNELS = ['cost:report', 'cost:cancel'] as const;
