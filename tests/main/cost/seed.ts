/**
 * Line items for the Cost Explorer fake: November 2026 up to the 20th ("today"), with the platform's
 * Marketplace charges, EC2 instances, a NAT gateway, EBS, an idle public IPv4 address, a sliver of S3
 * whose amounts drift when added as floats, tax, a credit and a refund; and some October.
 * The expected figures in the tests are worked out by hand from these.
 */
import type { LineItem } from '../../helpers/cost-explorer-fake';

/** "Now" for these items: 2026-11-20 15:00 UTC. */
export const NOW = Date.parse('2026-11-20T15:00:00Z');
export const TODAY = '2026-11-20';

const COMPUTE = 'Amazon Elastic Compute Cloud - Compute';
const day = (n: number) => `2026-11-${String(n).padStart(2, '0')}`;

/** One day of November: 36.8000004512 in charges, 25.5 of them the platform's. */
export function novemberDay(date: string): LineItem[] {
  return [
    { date, service: COMPUTE, usageType: 'BoxUsage:m5.xlarge', amount: '10.0000000001' },
    { date, service: 'EC2 - Other', usageType: 'USE1-NatGateway-Hours', amount: '1.08' },
    { date, service: 'EC2 - Other', usageType: 'EBS:VolumeUsage.gp3', amount: '0.1' },
    { date, service: 'Amazon Virtual Private Cloud', usageType: 'USE1-PublicIPv4:IdleAddress', amount: '0.12' },
    { date, service: 'Amazon Simple Storage Service', usageType: 'Requests-Tier1', amount: '0.0000004511' },
    { date, service: 'Bodo Platform', billingEntity: 'AWS Marketplace', usageType: 'BodoComputeMinutes', amount: '25.5' },
  ];
}

/** November 1–19 (nothing yet on the 20th), tax on the 1st, a credit on the 5th and a refund on the 10th; October 30–31. */
export function seedItems(): LineItem[] {
  const items: LineItem[] = [];
  for (let n = 1; n <= 19; n++) items.push(...novemberDay(day(n)));
  items.push({ date: day(1), service: COMPUTE, usageType: 'Tax', recordType: 'Tax', amount: '3.3' });
  items.push({ date: day(5), service: COMPUTE, usageType: 'BoxUsage:m5.xlarge', recordType: 'Credit', amount: '-50' });
  items.push({ date: day(10), service: 'Amazon Simple Storage Service', usageType: 'Requests-Tier1', recordType: 'Refund', amount: '-0.5' });
  items.push({ date: '2026-10-30', service: COMPUTE, usageType: 'BoxUsage:m5.xlarge', amount: '7' });
  items.push({ date: '2026-10-31', service: 'Bodo Platform', billingEntity: 'AWS Marketplace', usageType: 'BodoComputeMinutes', amount: '3' });
  return items;
}
