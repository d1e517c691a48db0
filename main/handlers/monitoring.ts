import type { MONITORING_CHANNELS } from '../../shared/contract/monitoring-channels';
import type { HandlerDeps, HandlerSlice } from './types';

/** Cost-monitoring handlers (usage, backtest, alarms, topics, dashboard). */
export function monitoringHandlers(_deps: HandlerDeps): HandlerSlice<(typeof MONITORING_CHANNELS)[number]> {
  return {};
}
