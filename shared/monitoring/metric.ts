/**
 * The metrics Onramp watches and how they map to CloudWatch and Service Quotas. Facts from
 * ../shared/FACTS.md ("CloudWatch metrics"): EC2 vCPU usage in `AWS/Usage`, billing in `AWS/Billing`.
 */
import { z } from 'zod';

/** Namespace and metric name of EC2 vCPU usage. */
export const VCPU_NAMESPACE = 'AWS/Usage';
export const VCPU_METRIC_NAME = 'ResourceCount';
/** Namespace and metric name of the account's estimated charges. */
export const BILLING_NAMESPACE = 'AWS/Billing';
export const BILLING_METRIC_NAME = 'EstimatedCharges';
/** Billing metrics exist only in us-east-1. */
export const BILLING_REGION = 'us-east-1';

/** The usage class shown first and used when none is chosen. */
export const DEFAULT_USAGE_CLASS = 'Standard/OnDemand';

/** Service Quotas codes (service `ec2`) of the vCPU quota matching each usage class. */
export const VCPU_QUOTA_CODES: Readonly<Record<string, string>> = {
  'Standard/OnDemand': 'L-1216C47A',
  'G/OnDemand': 'L-DB2E81BA',
  'VT/OnDemand': 'L-DB2E81BA',
  'P/OnDemand': 'L-417A185B',
  'X/OnDemand': 'L-7295265B',
  'F/OnDemand': 'L-74FC7D96',
  'Standard/Spot': 'L-34B43A08',
};

/** A usage class as CloudWatch spells it, e.g. `Standard/OnDemand` or `G/Spot`. */
export const UsageClassSchema = z
  .string({ error: 'Usage class must be text.' })
  .max(64, { error: 'Usage class must be at most 64 characters.' })
  .regex(/^[A-Za-z0-9]+\/[A-Za-z0-9]+$/, { error: 'Usage class must look like "Standard/OnDemand".' });

/** Which metric a chart or alarm is about: vCPU usage of one class, or the account's estimated charges. */
export const MetricSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('vcpu'), usageClass: UsageClassSchema }).strict(),
  z.object({ kind: z.literal('billing') }).strict(),
]);
export type MetricSpec = z.infer<typeof MetricSpecSchema>;

/** Statistics offered for the history chart and alarms. */
export const StatSchema = z.enum(['Maximum', 'Average'], { error: 'Statistic must be Maximum or Average.' });
export type Stat = z.infer<typeof StatSchema>;

/** A metric in CloudWatch's terms. */
export interface MetricIdentity {
  namespace: string;
  metricName: string;
  dimensions: Record<string, string>;
}

/** The CloudWatch namespace, name and dimensions of a metric spec. */
export function metricIdentity(spec: MetricSpec): MetricIdentity {
  switch (spec.kind) {
    case 'vcpu':
      return {
        namespace: VCPU_NAMESPACE,
        metricName: VCPU_METRIC_NAME,
        dimensions: { Service: 'EC2', Type: 'Resource', Resource: 'vCPU', Class: spec.usageClass },
      };
    case 'billing':
      return { namespace: BILLING_NAMESPACE, metricName: BILLING_METRIC_NAME, dimensions: { Currency: 'USD' } };
  }
}

/** The metric spec of a CloudWatch metric, or null when it is not one Onramp watches. */
export function metricSpecOf(namespace: string | undefined, metricName: string | undefined, dims: Record<string, string>): MetricSpec | null {
  if (namespace === VCPU_NAMESPACE && metricName === VCPU_METRIC_NAME && dims.Service === 'EC2' && dims.Resource === 'vCPU' && dims.Class) {
    return { kind: 'vcpu', usageClass: dims.Class };
  }
  if (namespace === BILLING_NAMESPACE && metricName === BILLING_METRIC_NAME && dims.Currency === 'USD' && Object.keys(dims).length === 1) {
    return { kind: 'billing' };
  }
  return null;
}

/** One datapoint: epoch milliseconds and value. */
export interface Datapoint {
  t: number;
  v: number;
}
