import { GetServiceQuotaCommand } from '@aws-sdk/client-service-quotas';
import { VCPU_QUOTA_CODES } from '../../../shared/monitoring/metric';
import type { AwsContext } from '../aws/context';
import { errorName, toAppError } from '../aws/errors';

/** The vCPU quota of a usage class, or null with a note saying why it is unknown. */
export interface VcpuQuota {
  quotaCode: string | null;
  value: number | null;
  note: string | null;
}

/**
 * Read the EC2 vCPU quota matching a usage class from Service Quotas (service `ec2`). Never fails:
 * the quota only decorates the chart, so an unreadable one becomes null with a short note (moto, for
 * one, answers NoSuchResourceException for `ec2`).
 */
export async function readVcpuQuota(aws: AwsContext, region: string, usageClass: string): Promise<VcpuQuota> {
  const quotaCode = VCPU_QUOTA_CODES[usageClass] ?? null;
  if (!quotaCode) return { quotaCode, value: null, note: `No known Service Quotas code for the ${usageClass} class.` };
  try {
    const sq = await aws.serviceQuotas(region);
    const out = await sq.send(new GetServiceQuotaCommand({ ServiceCode: 'ec2', QuotaCode: quotaCode }));
    const value = out.Quota?.Value;
    if (value === undefined || !Number.isFinite(value)) return { quotaCode, value: null, note: 'Service Quotas returned no value for this quota.' };
    return { quotaCode, value, note: null };
  } catch (err) {
    const name = errorName(err);
    const mapped = toAppError(err);
    if (mapped.code === 'AccessDenied') {
      return { quotaCode, value: null, note: 'The quota is hidden: this identity may not call servicequotas:GetServiceQuota.' };
    }
    if (name === 'NoSuchResourceException') {
      return { quotaCode, value: null, note: `Service Quotas does not know quota ${quotaCode} in ${region}.` };
    }
    return { quotaCode, value: null, note: `The quota could not be read (${mapped.code}).` };
  }
}
