/** Channels of the cost domain: actual spend from Cost Explorer. */
export const COST_CHANNELS = ['cost:report', 'cost:cancel'] as const;
