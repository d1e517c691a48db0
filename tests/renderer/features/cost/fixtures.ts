import type { BudgetSummary } from '../../../../shared/contract/budgets';
import type { CostReport } from '../../../../shared/contract/cost';
import type { SessionInfo } from '../../../../shared/contract/session';

/** "Now" of these fixtures: 2026-11-20 15:00 UTC. */
export const NOW = Date.parse('2026-11-20T15:00:00Z');

export const SESSION: SessionInfo = { profile: 'default', account: '123456789012', arn: 'arn:aws:iam::123456789012:user/me', userId: 'AIDA', region: 'us-east-1', endpointUrl: null };

const day = (n: number) => `2026-11-${String(n).padStart(2, '0')}`;

/** November 2026 to the 20th, as the core computes it from tests/main/cost/seed.ts. */
export const REPORT: CostReport = {
  account: '123456789012',
  period: { start: '2026-11-01', end: '2026-11-21' },
  months: [{ month: '2026-11', total: '702.5000085728', platform: '484.5', infrastructure: '218.0000085728', credits: '-50.5' }],
  current: true,
  metric: 'UnblendedCost',
  currency: 'USD',
  total: '702.5000085728',
  platform: '484.5',
  infrastructure: '218.0000085728',
  credits: { total: '-50.5', credits: '-50', refunds: '-0.5', byService: [{ service: 'Amazon Elastic Compute Cloud - Compute', amount: '-50' }, { service: 'Amazon Simple Storage Service', amount: '-0.5' }] },
  net: '652.0000085728',
  byService: [
    { service: 'Bodo Platform', amount: '484.5', platform: true },
    { service: 'Amazon Elastic Compute Cloud - Compute', amount: '193.3000000019', platform: false },
    { service: 'EC2 - Other', amount: '22.42', platform: false },
  ],
  daily: [
    ...Array.from({ length: 19 }, (_, i) => ({ date: day(i + 1), total: '36.8000004512', platform: '25.5', ec2Instances: '10.0000000001' })),
    { date: day(20), total: '0', platform: '0', ec2Instances: '0' },
  ],
  ec2UsageTypes: [
    { usageType: 'BoxUsage:m5.xlarge', service: 'Amazon Elastic Compute Cloud - Compute', kind: 'instances', amount: '190.0000000019' },
    { usageType: 'USE1-NatGateway-Hours', service: 'EC2 - Other', kind: 'nat-gateway', amount: '20.52' },
  ],
  forecast: { source: 'cost-explorer', month: '2026-11', monthEnd: '1107.300013536', lower: '1026.3400125438', upper: '1188.2600145282', predictionIntervalLevel: 80, method: "Cost Explorer's forecast." },
  fetchedAt: NOW - 2 * 3_600_000,
  cached: true,
  freshUntil: NOW + 4 * 3_600_000,
  requests: { costExplorer: 0, estimatedCostUsd: 0 },
  notes: ['AWS marks the figures of an open month as estimated: they can still change until the bill is final.'],
};

export const BUDGETS: BudgetSummary[] = [
  {
    name: 'platform-monthly',
    amount: '500',
    unit: 'USD',
    scope: 'platform',
    timeUnit: 'MONTHLY',
    actualSpend: '484.5',
    forecastedSpend: '760',
    notifications: [
      { type: 'ACTUAL', threshold: 80 },
      { type: 'FORECASTED', threshold: 100 },
    ],
    subscribers: [{ type: 'EMAIL', address: 'ops@example.com' }],
    managedByOnramp: true,
  },
];
