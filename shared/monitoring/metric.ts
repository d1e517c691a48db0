/**
 * The metrics Onramp watches and how they map to CloudWatch and Service Quotas. Facts from
 * docs/aws-facts.md#cloudwatch-metrics: EC2 vCPU usage in `AWS/Usage`, billing in `AWS/Billing`.
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

/** The usage class shown first among the single classes, and the CLI's default `--class`. */
export const DEFAULT_USAGE_CLASS = 'Standard/OnDemand';

/**
 * The On-Demand vCPU usage classes AWS documents for `AWS/Usage` `ResourceCount` (Amazon EC2 User
 * Guide, "Amazon EC2 usage metrics", public source awsdocs/amazon-ec2-user-guide,
 * doc_source/viewing_metrics_with_cloudwatch.md): "For Amazon EC2 usage metrics with `vCPU` as the
 * value of the `Resource` dimension, the valid values are `Standard/OnDemand`, `F/OnDemand`,
 * `G/OnDemand`, `Inf/OnDemand`, `P/OnDemand`, and `X/OnDemand`." An account also publishes Spot
 * classes (`Standard/Spot`, `G/Spot`, …) and AWS adds classes over time, so "All usage classes" is
 * not this list: it is every class ListMetrics reports for the account (monitoring core, metrics.ts),
 * and its alarm is a Metrics Insights query that follows classes as they appear (insights.ts).
 */
export const DOCUMENTED_USAGE_CLASSES = ['Standard/OnDemand', 'F/OnDemand', 'G/OnDemand', 'Inf/OnDemand', 'P/OnDemand', 'X/OnDemand'] as const;

/** The `usageClass` that stands for the sum of every class the account publishes. */
export const ALL_USAGE_CLASSES = 'all';
/** What the dashboard and the cost card show unless told otherwise: the total. */
export const DEFAULT_USAGE_CHOICE = ALL_USAGE_CLASSES;

/**
 * Service Quotas codes (service `ec2`) of the vCPU quota matching each usage class.
 * `L-1216C47A` (Running On-Demand Standard instances) is the AWS CLI User Guide's own example of
 * `get-aws-default-service-quota`, whose answer names `Class: Standard/OnDemand` as its usage metric;
 * the other On-Demand ones as Service Quotas lists them for `ec2` (docs/aws-facts.md#cloudwatch-metrics).
 * No documented code is known for `Inf/OnDemand` ("Running On-Demand Inf instances"), so its quota is
 * shown as unknown with where to look, rather than guessed. `VT/OnDemand` is not a documented class:
 * VT instances count under the G quota ("Running On-Demand G and VT instances"). The Spot codes are
 * the ones the Amazon EC2 User Guide lists under "Spot Instance quotas"
 * (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-spot-limits.html), each linking its
 * Service Quotas page: All Standard (A, C, D, H, I, M, R, T, Z) Spot Instance Requests L-34B43A08,
 * All G and VT Spot L-3819A6DF, All P Spot L-7212CCBC, All X Spot L-E3A00192, All F Spot
 * L-88CF9481, All Inf Spot L-B5D1601B.
 */
export const VCPU_QUOTA_CODES: Readonly<Record<string, string>> = {
  'Standard/OnDemand': 'L-1216C47A',
  'F/OnDemand': 'L-74FC7D96',
  'G/OnDemand': 'L-DB2E81BA',
  'P/OnDemand': 'L-417A185B',
  'X/OnDemand': 'L-7295265B',
  'Standard/Spot': 'L-34B43A08',
  'G/Spot': 'L-3819A6DF',
  'P/Spot': 'L-7212CCBC',
  'X/Spot': 'L-E3A00192',
  'F/Spot': 'L-88CF9481',
  'Inf/Spot': 'L-B5D1601B',
};

/** A usage class as CloudWatch spells it, e.g. `Standard/OnDemand` or `G/Spot`. */
export const UsageClassSchema = z
  .string({ error: 'Usage class must be text.' })
  .max(64, { error: 'Usage class must be at most 64 characters.' })
  .regex(/^[A-Za-z0-9]+\/[A-Za-z0-9]+$/, { error: 'Usage class must look like "Standard/OnDemand", or be "all".' });

/** One usage class, or `all` for the sum of every class the account publishes. */
export const UsageClassChoiceSchema = z.union([z.literal(ALL_USAGE_CLASSES), UsageClassSchema], {
  error: 'Usage class must look like "Standard/OnDemand", or be "all".',
});
export type UsageClassChoice = z.infer<typeof UsageClassChoiceSchema>;

/** Which metric a chart or alarm is about: vCPU usage of one class or of all of them, or the account's estimated charges. */
export const MetricSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('vcpu'), usageClass: UsageClassChoiceSchema }).strict(),
  z.object({ kind: z.literal('billing') }).strict(),
]);
export type MetricSpec = z.infer<typeof MetricSpecSchema>;

/** Usage classes in the order Onramp shows them: Standard/OnDemand, the other On-Demand classes, Spot classes, then any other, alphabetically within each. */
export function sortUsageClasses(classes: Iterable<string>): string[] {
  const rank = (c: string) => (c === DEFAULT_USAGE_CLASS ? 0 : c.endsWith('/OnDemand') ? 1 : c.endsWith('/Spot') ? 2 : 3);
  return [...new Set(classes)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The classes a vCPU metric covers: for `all`, the classes the account publishes (`published`, from ListMetrics); else the one class. */
export function classesOf(usageClass: string, published: readonly string[] = []): string[] {
  return usageClass === ALL_USAGE_CLASSES ? sortUsageClasses(published) : [usageClass];
}

/** "All usage classes (On-Demand and Spot)" or the class itself. */
export function usageClassLabel(usageClass: string): string {
  return usageClass === ALL_USAGE_CLASSES ? 'All usage classes (On-Demand and Spot)' : usageClass;
}

/** Which classes a total adds up, in words: "Standard/OnDemand + G/OnDemand + Standard/Spot", or that there are none yet. */
export function summedClassesLabel(classes: readonly string[]): string {
  return classes.length ? classes.join(' + ') : 'no vCPU usage class has published data in this region yet';
}

/** Statistics offered for the history chart and alarms. */
export const StatSchema = z.enum(['Maximum', 'Average'], { error: 'Statistic must be Maximum or Average.' });
export type Stat = z.infer<typeof StatSchema>;

/** A metric in CloudWatch's terms. */
export interface MetricIdentity {
  namespace: string;
  metricName: string;
  dimensions: Record<string, string>;
}

/** The dimensions of one class's vCPU metric, in the order AWS publishes them (moto matches that order). */
export function vcpuDimensions(usageClass: string): Record<string, string> {
  return { Service: 'EC2', Type: 'Resource', Resource: 'vCPU', Class: usageClass };
}

/**
 * The CloudWatch namespace, name and dimensions of a metric spec. For all usage classes these are
 * the dimensions the classes share (no `Class`); `metricsOf` lists the metrics themselves.
 */
export function metricIdentity(spec: MetricSpec): MetricIdentity {
  switch (spec.kind) {
    case 'vcpu': {
      const dimensions = vcpuDimensions(spec.usageClass);
      if (spec.usageClass === ALL_USAGE_CLASSES) delete dimensions.Class;
      return { namespace: VCPU_NAMESPACE, metricName: VCPU_METRIC_NAME, dimensions };
    }
    case 'billing':
      return { namespace: BILLING_NAMESPACE, metricName: BILLING_METRIC_NAME, dimensions: { Currency: 'USD' } };
  }
}

/** Every CloudWatch metric a spec reads: one per class for all usage classes (the published ones), else one. */
export function metricsOf(spec: MetricSpec, published: readonly string[] = []): MetricIdentity[] {
  if (spec.kind === 'vcpu') return classesOf(spec.usageClass, published).map((c) => ({ namespace: VCPU_NAMESPACE, metricName: VCPU_METRIC_NAME, dimensions: vcpuDimensions(c) }));
  return [metricIdentity(spec)];
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
