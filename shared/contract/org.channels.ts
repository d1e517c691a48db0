/** Channels of organization roll-outs: plan, state and dashboard of a roll-out across an AWS Organization. */
export const ORG_CHANNELS = ['org:list', 'org:plan', 'org:status', 'org:dashboard'] as const;
