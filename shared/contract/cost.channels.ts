/** Channels of the cost domain: actual spend from Cost Explorer (a refresh is a run: runs:progress, runs:cancel). */
export const COST_CHANNELS = ['cost:report', 'cost:refresh'] as const;
