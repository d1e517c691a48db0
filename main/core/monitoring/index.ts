/** The cost-monitoring core: usage history, quotas, alarms, topics and the dashboard. */
export { fetchSeries, listUsageClasses, type SeriesQuery, type SeriesCacheRef } from './metrics';
export { SeriesCache } from './series-cache';
export { readVcpuQuota, type VcpuQuota } from './quota';
export { usageHistory, planHistoryWindow, type HistoryQuery, type UsageHistory } from './history';
export { listAlarms, getAlarm, createAlarm, deleteAlarm, sendTestNotification, type AlarmSummary, type CreateAlarmResult } from './alarms';
export { listTopics, listSubscriptions, ensureTopic, resendConfirmation, type TopicSummary, type SubscriptionSummary } from './topics';
export { dashboardSummary, type DashboardSummary, type RegionSummary } from './dashboard';
