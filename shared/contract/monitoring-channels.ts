/** Channels of the cost-monitoring domain (usage history, backtest, alarms, topics, dashboard). */
export const MONITORING_CHANNELS = [] as const;
