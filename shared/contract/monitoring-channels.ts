/** Channels of the cost-monitoring domain (usage history, backtest, alarms, topics, dashboard). */
export const MONITORING_CHANNELS = [
  'usage:history',
  'usage:classes',
  'usage:quota',
  'alarms:list',
  'alarms:create',
  'alarms:cancel',
  'alarms:delete-plan',
  'alarms:delete',
  'alarms:test-notification',
  'topics:list',
  'topics:lookup',
  'topics:subscriptions',
  'topics:resend',
  'dashboard:summary',
  'usage:requests',
] as const;
