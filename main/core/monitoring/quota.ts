import { GetServiceQuotaCommand } from '@aws-sdk/client-service-quotas';
import type { VcpuQuota } from '../../../shared/contract/usage';
import { ALL_USAGE_CLASSES, VCPU_QUOTA_CODES } from '../../../shared/monitoring/metric';
import type { AwsContext } from '../aws/context';
import { isAwsError, toAppError } from '../aws/errors';

export type { VcpuQuota } from '../../../shared/contract/usage';

/** The Service Quotas console's list of EC2 quotas in a region, where a quota without a known code can be looked up. */
export function ec2QuotasConsoleUrl(region: string): string {
  return `https://${region}.console.aws.amazon.com/servicequotas/home/services/ec2/quotas`;
}

/**
 * Read the EC2 vCPU quota matching a usage class from Service Quotas (service `ec2`). Never fails:
 * the quota only decorates the chart, so an unreadable one becomes null with a short note (moto, for
 * one, answers NoSuchResourceException for `ec2`). All usage classes together have no quota of their
 * own: each class has its own (the dashboard shows them per class).
 */
export async function readVcpuQuota(aws: AwsContext, region: string, usageClass: string, send: { abortSignal?: AbortSignal } = {}): Promise<VcpuQuota> {
  if (usageClass === ALL_USAGE_CLASSES) return { quotaCode: null, value: null, note: 'All usage classes together have no single quota: each class has its own.' };
  const quotaCode = VCPU_QUOTA_CODES[usageClass] ?? null;
  if (!quotaCode) {
    return { quotaCode, value: null, note: `AWS documents no Service Quotas code for the ${usageClass} class; look it up at ${ec2QuotasConsoleUrl(region)}.` };
  }
  try {
    const sq = await aws.serviceQuotas(region);
    const out = await sq.send(new GetServiceQuotaCommand({ ServiceCode: 'ec2', QuotaCode: quotaCode }), send);
    const value = out.Quota?.Value;
    if (value === undefined || !Number.isFinite(value)) return { quotaCode, value: null, note: 'Service Quotas returned no value for this quota.' };
    return { quotaCode, value, note: null };
  } catch (err) {
    const mapped = toAppError(err);
    if (mapped.code === 'AccessDenied') {
      return { quotaCode, value: null, note: 'The quota is hidden: this identity may not call servicequotas:GetServiceQuota.' };
    }
    if (isAwsError(err, 'noSuchQuota')) {
      return { quotaCode, value: null, note: `Service Quotas gave no value for the ${usageClass} vCPU quota (${quotaCode}) in ${region}, so its limit is unknown; the Readiness screen says how to look it up.` };
    }
    return { quotaCode, value: null, note: `The quota could not be read (${mapped.code}).` };
  }
}
