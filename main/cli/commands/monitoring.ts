// `onramp monitoring …`: what each command is called, says and accepts. The code behind them is in
// monitoring-run.ts and loads only when one of them runs, so `onramp --help` and other commands never pay for it.
import type { OptionSpec } from '../args';
import { CREDENTIAL_FLAGS } from '../credential-flags';
import { lazyCommand, type CommandEntry } from './entry';

export const PROFILE_FLAG: OptionSpec = CREDENTIAL_FLAGS;

export const BASE_FLAGS: OptionSpec = {
  ...PROFILE_FLAG,
  region: { type: 'string', value: 'REGION', required: true, description: 'Region: us-east-1, us-east-2, us-west-1 or us-west-2.' },
};

export const METRIC_FLAGS: OptionSpec = {
  metric: { type: 'string', value: 'METRIC', description: 'vcpu (EC2 vCPU usage, the default) or billing (estimated charges in USD; us-east-1 only).' },
  class: { type: 'string', value: 'CLASS', description: 'vCPU usage class, e.g. Standard/OnDemand (the default), or "all" for the sum of every class the account publishes (On-Demand and Spot; the alarm is a Metrics Insights query that follows new classes).' },
  period: { type: 'string', value: 'SECONDS', description: 'Period of each datapoint, a multiple of 60 (default 300; 21600 for billing).' },
  stat: { type: 'string', value: 'STAT', description: 'Statistic: Maximum (default) or Average.' },
};

/** `--org`: every account of the organization's roll-outs in the region, through its monitoring role. */
const ORG_FLAG: OptionSpec = {
  org: { type: 'boolean', description: 'Every rolled-out account of the organization (onramp org apply) in this region, read through its monitoring role.' },
};

export const HISTORY_FLAGS: OptionSpec = {
  ...BASE_FLAGS,
  ...ORG_FLAG,
  days: { type: 'string', value: 'DAYS', description: 'Days of history, up to 455 (default 7).' },
  ...METRIC_FLAGS,
};

export const CONDITION_FLAGS: OptionSpec = {
  threshold: { type: 'string', value: 'VALUE', required: true, description: 'Alarm when the metric crosses this value (vCPUs, or USD for billing; 1,000 and 1000 both work).' },
  'evaluation-periods': { type: 'string', value: 'N', description: 'Periods evaluated each time (default 1).' },
  'datapoints-to-alarm': { type: 'string', value: 'M', description: 'Breaching periods out of N that fire the alarm (default 1).' },
  comparison: { type: 'string', value: 'OP', description: 'gt (default) or gte.' },
  'treat-missing': { type: 'string', value: 'HOW', description: 'Missing data: missing (default), ignore, breaching or notBreaching.' },
};

export const BACKTEST_FLAGS: OptionSpec = { ...Object.fromEntries(Object.entries(HISTORY_FLAGS).filter(([k]) => k !== 'org')), ...CONDITION_FLAGS };

export const CREATE_FLAGS: OptionSpec = {
  ...PROFILE_FLAG,
  region: { type: 'string', value: 'REGIONS', required: true, description: 'Region, several separated by commas (us-east-1,us-west-2), or "all" for the four supported regions; all or nothing.' },
  name: { type: 'string', value: 'NAME', required: true, description: 'Alarm name (an existing alarm of this name is updated).' },
  description: { type: 'string', value: 'TEXT', description: 'Alarm description.' },
  ...CONDITION_FLAGS,
  ...METRIC_FLAGS,
  'topic-arn': { type: 'string', value: 'ARN', description: 'Notify this existing SNS topic (one region only; or use --new-topic).' },
  'new-topic': { type: 'string', value: 'NAME', description: 'Create (or reuse Onramp\'s own) SNS topic of this name in each region; another topic of that name is refused.' },
  email: { type: 'string', value: 'ADDRESS', multiple: true, description: 'Email subscriber of the topic (several may be separated by commas).' },
  'notify-on': { type: 'string', value: 'STATES', description: 'When to notify: alarm (default), ok, insufficient-data, comma-separated.' },
};

/** `onramp alarms`: a region, or with --org every rolled-out account. */
export const ALARMS_FLAGS: OptionSpec = { ...BASE_FLAGS, ...ORG_FLAG };

export const DELETE_FLAGS: OptionSpec = {
  ...PROFILE_FLAG,
  region: { type: 'string', value: 'REGIONS', required: true, description: 'Region, several separated by commas, or "all" for the four supported regions: the alarm is deleted wherever it exists there.' },
  name: { type: 'string', value: 'NAME', required: true, description: 'The alarm to delete.' },
  'delete-topic': { type: 'boolean', description: 'Also delete each SNS topic Onramp created for the alarm that no other alarm uses (its subscriptions go with it). A topic Onramp did not create is never deleted.' },
};

/** `onramp usage`, `onramp alarm backtest|create|delete`, `onramp alarms`. */
export const monitoringCommands: Record<string, CommandEntry> = {
  usage: { summary: 'EC2 vCPU usage (or billing) history: peak, quota, suggested threshold', flags: HISTORY_FLAGS, run: lazyCommand(() => import('./monitoring-run'), 'usage') },
  'alarm backtest': { summary: 'How often an alarm would have fired over past usage, evaluated as CloudWatch does', flags: BACKTEST_FLAGS, run: lazyCommand(() => import('./monitoring-run'), 'alarmBacktest') },
  'alarm create': { summary: 'Create or update an alarm with an SNS email topic, in one region or several', flags: CREATE_FLAGS, run: lazyCommand(() => import('./monitoring-run'), 'alarmCreate') },
  alarms: { summary: 'List alarms on EC2 vCPU usage and billing', flags: ALARMS_FLAGS, run: lazyCommand(() => import('./monitoring-run'), 'alarms') },
  'alarm delete': { summary: 'Delete an alarm in every region given, and optionally the SNS topic Onramp made for it', flags: DELETE_FLAGS, run: lazyCommand(() => import('./monitoring-run'), 'alarmDelete') },
};
