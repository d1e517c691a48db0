/** Channels of the budgets domain: AWS Budgets cost budgets with actual and forecasted alerts (a create is a run). */
export const BUDGETS_CHANNELS = ['budgets:list', 'budgets:create', 'budgets:delete'] as const;
