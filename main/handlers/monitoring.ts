import type { ALARMS_CHANNELS } from '../../shared/contract/alarms.channels';
import type { DASHBOARD_CHANNELS } from '../../shared/contract/dashboard.channels';
import type { TOPICS_CHANNELS } from '../../shared/contract/topics.channels';
import type { USAGE_CHANNELS } from '../../shared/contract/usage.channels';
import { RANGES } from '../../shared/monitoring/range';
import type { HandlerSlice, RunningDeps } from './types';

// The monitoring core (and with it the CloudWatch, SNS and Service Quotas clients) loads on first use.
const core = () => import('../core/monitoring');

/** The channels of the cost-monitoring domains: usage, alarms, topics and the dashboard. */
export type MonitoringChannel = (typeof USAGE_CHANNELS | typeof ALARMS_CHANNELS | typeof TOPICS_CHANNELS | typeof DASHBOARD_CHANNELS)[number];

/** Cost-monitoring handlers (usage, alarms, topics, dashboard). Typed against their channel lists: a missing or extra channel fails the build. */
export function monitoringHandlers(deps: RunningDeps): HandlerSlice<MonitoringChannel> {
  const aws = () => deps.session.require().aws;
  // Series are cached per account and endpoint, so switching profiles never mixes data.
  const cache = () => {
    const info = deps.session.require().info;
    return deps.seriesCache ? { cache: deps.seriesCache, scope: `${info.account}|${info.endpointUrl ?? 'aws'}` } : undefined;
  };
  return {
    'usage:history': async (req) => {
      const { usageHistory } = await core();
      return usageHistory(
        aws(),
        { region: req.region, metric: req.metric, stat: req.stat, durationSeconds: RANGES[req.range], period: req.period, breakdown: req.breakdown },
        Date.now(),
        cache(),
      );
    },
    'usage:classes': async ({ region }) => (await core()).listUsageClasses(aws(), region),
    'usage:quota': async ({ region, usageClass }) => (await core()).readVcpuQuota(aws(), region, usageClass),
    'alarms:list': async ({ region }) => (await core()).listAlarms(aws(), region),
    'alarms:create': async ({ config }) => {
      const context = aws();
      const { createAlarm } = await core();
      const { runId } = deps.runs.start({ kind: 'alarm-create', subject: config.name, fields: {}, work: (run) => createAlarm(context, config, { signal: run.signal }) });
      return { runId };
    },
    'alarms:delete-plan': async ({ regions, name }) => (await core()).planAlarmDelete(aws(), regions, name),
    'alarms:delete': async ({ regions, name, deleteTopic }) => {
      const context = aws();
      const { deleteAlarmEverywhere } = await core();
      // Region by region, each delete final: there is nothing to stop part-way and undo.
      const { runId } = deps.runs.start({
        kind: 'alarm-delete',
        subject: name,
        fields: { regions: [...regions], deleteTopic },
        cancellable: false,
        work: () => deleteAlarmEverywhere(context, regions, name, { deleteTopic }),
      });
      return { runId };
    },
    'alarms:test-notification': async ({ region, name }) => (await core()).sendTestNotification(aws(), region, name, Date.now()),
    'topics:list': async ({ region }) => (await core()).listTopics(aws(), region),
    'topics:lookup': async ({ regions, name }) => (await core()).lookupTopics(aws(), regions, name),
    'topics:subscriptions': async ({ region, topicArn }) => (await core()).listSubscriptions(aws(), region, topicArn),
    'topics:resend': async ({ region, topicArn, endpoint }) => (await core()).resendConfirmation(aws(), region, topicArn, endpoint),
    'dashboard:summary': async ({ regions, usageClass }) => (await core()).dashboardSummary(aws(), regions, usageClass, Date.now(), cache()),
    'usage:requests': async () => {
      const snap = deps.requestLog?.snapshot();
      return snap ?? { total: 0, byOperation: {}, cloudwatch: { getMetricData: 0, metricsRequested: 0, datapointsRequested: 0, estimatedCostUsd: 0 }, costExplorer: { requests: 0, estimatedCostUsd: 0 } };
    },
  };
}
