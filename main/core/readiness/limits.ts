import {
  DescribeAddressesCommand,
  DescribeInstanceTypesCommand,
  paginateDescribeInstances,
  paginateDescribeNatGateways,
  paginateDescribeVpcs,
  type _InstanceType,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { GetServiceQuotaCommand } from '@aws-sdk/client-service-quotas';
import type { LimitUsage } from '../../../shared/contract/readiness';
import type { SupportedRegion } from '../../../shared/regions';
import { QUOTAS, type QuotaKey } from '../../../shared/readiness/quotas';
import type { RegionMeasurement } from '../../../shared/readiness/verdict';
import type { AwsContext } from '../aws/context';
import { errorName, isAwsError, toAppError } from '../aws/errors';
import { isStandardInstanceType } from './vcpus';

/** What one read returned: a value, or why not. */
type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

/** A short reason for a failed read ("AccessDenied (UnauthorizedOperation)", "no answer within 30 s"). */
export function failureReason(err: unknown, timeoutMs?: number): string {
  const name = errorName(err);
  if (isAwsError(err, 'aborted')) return timeoutMs ? `no answer within ${Math.round(timeoutMs / 1000)} s` : 'cancelled';
  const code = toAppError(err).code;
  return code === 'AwsError' || code === name ? name : `${code} (${name})`;
}

async function read<T>(fn: () => Promise<T>, timeoutMs: number): Promise<Read<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (err) {
    return { ok: false, reason: failureReason(err, timeoutMs) };
  }
}

/** Options for measuring one region. */
export interface MeasureOptions {
  /** Bound on the whole region; unanswered reads become that region's problems (default 30 s). */
  timeoutMs?: number;
}

/**
 * Count VPCs, Elastic IPs, NAT gateways and Standard On-Demand and Spot vCPUs in one region and read
 * their quotas, all reads in parallel (the Spot vCPUs come from the same instance listing, so they
 * cost one extra request: their quota). Never throws for AWS reasons: a count that fails is null with its
 * reason, a quota that cannot be read falls back to AWS's documented default (judged as a warning, with the reason).
 */
export async function measureRegion(aws: AwsContext, region: SupportedRegion, opts: MeasureOptions = {}): Promise<RegionMeasurement> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  const send = { abortSignal: abort.signal };
  try {
    const ec2 = () => aws.ec2(region);
    const [vpcs, eips, nats, vcpus, vpcQuota, eipQuota, vcpuQuota, spotQuota] = await Promise.all([
      read(async () => countVpcs(await ec2(), send), timeoutMs),
      read(async () => ((await (await ec2()).send(new DescribeAddressesCommand({}), send)).Addresses ?? []).length, timeoutMs),
      read(async () => countNatGateways(await ec2(), send), timeoutMs),
      read(async () => countStandardVcpus(await ec2(), send), timeoutMs),
      readQuota(aws, region, 'vpcs', send, timeoutMs),
      readQuota(aws, region, 'elasticIps', send, timeoutMs),
      readQuota(aws, region, 'vcpus', send, timeoutMs),
      readQuota(aws, region, 'spotVcpus', send, timeoutMs),
    ]);
    const unreadableQuotas: RegionMeasurement['unreadableQuotas'] = {};
    const usage = (key: QuotaKey, count: Read<number>, quota: Read<number>): LimitUsage => {
      if (!quota.ok) unreadableQuotas[key] = quota.reason;
      return {
        used: count.ok ? count.value : null,
        limit: quota.ok ? quota.value : QUOTAS[key].defaultValue,
        source: quota.ok ? 'account' : 'default',
      };
    };
    const unreadable: RegionMeasurement['unreadable'] = {};
    if (!vpcs.ok) unreadable.vpcs = vpcs.reason;
    if (!eips.ok) unreadable.elasticIps = eips.reason;
    if (!nats.ok) unreadable.natGateways = nats.reason;
    if (!vcpus.ok) unreadable.vcpus = vcpus.reason;
    return {
      region,
      vpcs: usage('vpcs', vpcs, vpcQuota),
      elasticIps: usage('elasticIps', eips, eipQuota),
      natGateways: { used: nats.ok ? nats.value : null },
      vcpus: usage('vcpus', part(vcpus, 'onDemand'), vcpuQuota),
      spotVcpus: usage('spotVcpus', part(vcpus, 'spot'), spotQuota),
      unreadable,
      unreadableQuotas,
      notes: [],
    };
  } finally {
    clearTimeout(timer);
  }
}

/** One of the two vCPU counts of a read (a failed read fails both). */
function part(read: Read<StandardVcpus>, key: keyof StandardVcpus): Read<number> {
  return read.ok ? { ok: true, value: read.value[key] } : read;
}

// Paginators forward extra arguments to each send, so the abort signal reaches every page.
type SendOptions = { abortSignal: AbortSignal };

/** The account's applied value of one quota in a region (Service Quotas GetServiceQuota). */
async function readQuota(aws: AwsContext, region: SupportedRegion, key: QuotaKey, send: SendOptions, timeoutMs: number): Promise<Read<number>> {
  return read(async () => {
    const q = QUOTAS[key];
    const client = await aws.serviceQuotas(region);
    const out = await client.send(new GetServiceQuotaCommand({ ServiceCode: q.serviceCode, QuotaCode: q.quotaCode }), send);
    const value = out.Quota?.Value;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw Object.assign(new Error('no value'), { name: 'NoQuotaValue' });
    return value;
  }, timeoutMs);
}

async function countVpcs(ec2: EC2Client, send: SendOptions): Promise<number> {
  let n = 0;
  for await (const page of paginateDescribeVpcs({ client: ec2, pageSize: 1000 }, {}, send)) n += (page.Vpcs ?? []).length;
  return n;
}

/** NAT gateways that exist or are being created (deleted and failed ones no longer count). */
async function countNatGateways(ec2: EC2Client, send: SendOptions): Promise<number> {
  let n = 0;
  const input = { Filter: [{ Name: 'state', Values: ['pending', 'available'] }] };
  for await (const page of paginateDescribeNatGateways({ client: ec2, pageSize: 1000 }, input, send)) n += (page.NatGateways ?? []).length;
  return n;
}

/** Running Standard vCPUs, by how they were bought (each has its own quota). */
interface StandardVcpus {
  onDemand: number;
  spot: number;
}

/**
 * vCPUs of pending and running instances of the Standard families, On-Demand and Spot apart (the
 * instance's `InstanceLifecycle` is "spot" for a Spot instance; AWS/Usage counts these as the
 * `Standard/OnDemand` and `Standard/Spot` classes). Counted from the instances themselves (DescribeInstances, then DescribeInstanceTypes for each type's default vCPUs)
 * rather than the AWS/Usage ResourceCount metric: it needs only EC2 read access, is current to the
 * second rather than the minute, and works against emulators that publish no usage metrics.
 */
async function countStandardVcpus(ec2: EC2Client, send: SendOptions): Promise<StandardVcpus> {
  // Instances per type, bought On-Demand and as Spot.
  const perType = new Map<string, StandardVcpus>();
  const cpuOptions = new Map<string, number>();
  const filter = { Filters: [{ Name: 'instance-state-name', Values: ['pending', 'running'] }] };
  for await (const page of paginateDescribeInstances({ client: ec2, pageSize: 1000 }, filter, send)) {
    for (const reservation of page.Reservations ?? []) {
      for (const instance of reservation.Instances ?? []) {
        const type = instance.InstanceType;
        if (!type || !isStandardInstanceType(type)) continue;
        const counts = perType.get(type) ?? { onDemand: 0, spot: 0 };
        if (instance.InstanceLifecycle === 'spot') counts.spot += 1;
        else counts.onDemand += 1;
        perType.set(type, counts);
        const cores = instance.CpuOptions?.CoreCount;
        const threads = instance.CpuOptions?.ThreadsPerCore;
        if (cores && threads) cpuOptions.set(type, cores * threads);
      }
    }
  }
  if (perType.size === 0) return { onDemand: 0, spot: 0 };
  const types = [...perType.keys()];
  const defaults = new Map<string, number>();
  for (let i = 0; i < types.length; i += 100) {
    const out = await ec2.send(new DescribeInstanceTypesCommand({ InstanceTypes: types.slice(i, i + 100) as _InstanceType[] }), send);
    for (const t of out.InstanceTypes ?? []) if (t.InstanceType && t.VCpuInfo?.DefaultVCpus) defaults.set(t.InstanceType, t.VCpuInfo.DefaultVCpus);
  }
  const total = { onDemand: 0, spot: 0 };
  for (const [type, count] of perType) {
    const vcpus = defaults.get(type) ?? cpuOptions.get(type);
    if (vcpus === undefined) throw Object.assign(new Error(`vCPUs of ${type} unknown`), { name: 'UnknownInstanceType' });
    total.onDemand += vcpus * count.onDemand;
    total.spot += vcpus * count.spot;
  }
  return total;
}
