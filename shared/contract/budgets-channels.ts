/** Channels of the budgets domain: AWS Budgets cost budgets with actual and forecasted alerts. */
export const BUDGETS_CHANNELS = ['budgets:list', 'budgets:create', 'budgets:cancel', 'budgets:delete'] as const;
