/** The cost-monitoring core: usage history, quotas, alarms, topics and the dashboard. */
export { fetchSeries, fetchUsage, listUsageClasses, publishedUsageClasses, type SeriesQuery, type SeriesCacheRef, type UsageSeries } from './metrics';
export { SeriesCache } from './series-cache';
export { readVcpuQuota, type VcpuQuota } from './quota';
export { usageHistory, planHistoryWindow, type HistoryQuery, type UsageHistory } from './history';
export { listAlarms, getAlarm, createAlarm, deleteAlarm, sendTestNotification, AlarmRunError, type AlarmSummary, type CreateAlarmResult } from './alarms';
export { listTopics, listSubscriptions, lookupTopics, ensureTopic, resendConfirmation, type TopicSummary, type SubscriptionSummary } from './topics';
export { planAlarmDelete, deleteAlarmEverywhere } from './alarm-delete';
export { dashboardSummary, type DashboardSummary, type RegionSummary } from './dashboard';
export type { RunOptions } from './run';
