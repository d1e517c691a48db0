/** Channels of organization roll-outs: plan, apply, state, destroy and dashboard of a roll-out across an AWS Organization. */
export const ORG_CHANNELS = ['org:list', 'org:plan', 'org:apply', 'org:status', 'org:destroy', 'org:dashboard'] as const;
