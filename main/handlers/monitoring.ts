import type { MONITORING_CHANNELS } from '../../shared/contract/monitoring-channels';
import { RANGES } from '../../shared/monitoring/range';
import type { HandlerDeps, HandlerSlice } from './types';

// The monitoring core (and with it the CloudWatch, SNS and Service Quotas clients) loads on first use.
const core = () => import('../core/monitoring');

/** Cost-monitoring handlers (usage, alarms, topics, dashboard). Typed against MONITORING_CHANNELS: a missing or extra channel fails the build. */
export function monitoringHandlers(deps: HandlerDeps): HandlerSlice<(typeof MONITORING_CHANNELS)[number]> {
  const aws = () => deps.session.require().aws;
  // Series are cached per account and endpoint, so switching profiles never mixes data.
  const cache = () => {
    const info = deps.session.require().info;
    return deps.seriesCache ? { cache: deps.seriesCache, scope: `${info.account}|${info.endpointUrl ?? 'aws'}` } : undefined;
  };
  // Alarm creates in flight, by the run id the renderer gave them, so alarms:cancel can stop one.
  const running = new Map<string, AbortController>();
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
    'alarms:create': async ({ config, runId }) => {
      const { createAlarm } = await core();
      const controller = new AbortController();
      if (runId) running.set(runId, controller);
      try {
        return await createAlarm(aws(), config, { signal: controller.signal });
      } finally {
        if (runId) running.delete(runId);
      }
    },
    'alarms:cancel': async ({ runId }) => {
      const controller = running.get(runId);
      controller?.abort();
      return { cancelled: Boolean(controller) };
    },
    'alarms:delete-plan': async ({ regions, name }) => (await core()).planAlarmDelete(aws(), regions, name),
    'alarms:delete': async ({ regions, name, deleteTopic }) => (await core()).deleteAlarmEverywhere(aws(), regions, name, { deleteTopic }),
    'alarms:test-notification': async ({ region, name }) => (await core()).sendTestNotification(aws(), region, name, Date.now()),
    'topics:list': async ({ region }) => (await core()).listTopics(aws(), region),
    'topics:lookup': async ({ regions, name }) => (await core()).lookupTopics(aws(), regions, name),
    'topics:subscriptions': async ({ region, topicArn }) => (await core()).listSubscriptions(aws(), region, topicArn),
    'topics:resend': async ({ region, topicArn, endpoint }) => (await core()).resendConfirmation(aws(), region, topicArn, endpoint),
    'dashboard:summary': async ({ regions, usageClass }) => (await core()).dashboardSummary(aws(), regions, usageClass, Date.now(), cache()),
    'usage:requests': async () => {
      const snap = deps.requestLog?.snapshot();
      return snap ?? { total: 0, byOperation: {}, cloudwatch: { getMetricData: 0, metricsRequested: 0, datapointsRequested: 0, estimatedCostUsd: 0 } };
    },
  };
}
