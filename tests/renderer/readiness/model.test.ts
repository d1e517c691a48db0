import { describe, expect, it } from 'vitest';
import {
  limitCell,
  parseWorkspaceVcpus,
  problemParts,
  quotaLink,
  regionStatuses,
  reportSummary,
  spotLine,
} from '../../../renderer/src/features/readiness/model';
import { quotaConsoleUrl } from '../../../shared/readiness';
import { FULL_REGION, REPORT, region, unknownVcpusRegion } from './fixtures';

describe('readiness model', () => {
  it('shows used/limit and where the limit came from', () => {
    const r = region('us-west-1', { vpcs: { used: 5, limit: 5, source: 'account' }, elasticIps: { used: null, limit: 5, source: 'default' } });
    expect(limitCell(r, 'vpcs')).toEqual({ used: '5', limit: '5', source: 'account' });
    expect(limitCell(r, 'elasticIps')).toEqual({ used: '?', limit: '5', source: 'AWS default' });
    expect(limitCell(r, 'natGateways')).toEqual({ used: '0', limit: null, source: null });
    expect(limitCell(r, 'spotVcpus')).toEqual({ used: '0', limit: '5', source: 'AWS default' });
  });

  it('says the Spot vCPUs are informational, and links the quota only where a workspace on Spot would not fit', () => {
    const spot = (used: number | null, limit: number, source: 'account' | 'default') => region('us-east-2', { spotVcpus: { used, limit, source, quotaReason: null, note: 'n' } });
    const base = 'Standard Spot vCPUs are informational: they matter only when clusters use Spot instances and never change this verdict.';
    expect(spotLine(spot(0, 64, 'account'), 8)).toBe(base);
    expect(spotLine(spot(null, 5, 'default'), 8)).toBe(base); // not counted: the On-Demand row already says why
    expect(spotLine(spot(60, 64, 'account'), 8)).toBe(`${base} A workspace of 8 vCPUs on Spot would not fit (4 free); if its clusters use Spot, request more at ${quotaConsoleUrl('us-east-2', 'spotVcpus')}.`);
    expect(spotLine(spot(0, 5, 'default'), 8)).toContain("(5 free at AWS's default)");
    const { spotVcpus: _omit, ...older } = region('us-east-2');
    expect(spotLine(older, 8)).toBeNull();
  });

  it('links quotas on the global console host, which the Electron layer may open', () => {
    expect(quotaLink('us-west-1', 'vpcs')).toBe('https://console.aws.amazon.com/servicequotas/home/services/vpc/quotas/L-F678F1CE?region=us-west-1');
    expect(new URL(quotaLink('us-east-2', 'vcpus')).hostname).toBe('console.aws.amazon.com');
  });

  it('turns the quota URL of a problem into a named link and keeps the rest as text', () => {
    const url = quotaConsoleUrl('us-west-1', 'elasticIps');
    const parts = problemParts(`No Elastic IP left in us-west-1: request more at ${url}, or choose another region.`, 'us-west-1');
    expect(parts).toEqual([
      { kind: 'text', text: 'No Elastic IP left in us-west-1: request more at ' },
      { kind: 'link', href: quotaLink('us-west-1', 'elasticIps'), label: 'Service Quotas: EC2-VPC Elastic IPs in us-west-1' },
      { kind: 'text', text: ', or choose another region.' },
    ]);
    expect(problemParts('Could not count VPCs.', 'us-west-1')).toEqual([{ kind: 'text', text: 'Could not count VPCs.' }]);
  });

  it('gives each region a status for the picker', () => {
    // An unknown quota whose default leaves room does not make a region unknown.
    expect(regionStatuses(REPORT)).toEqual({
      'us-east-1': { verdict: 'ready', ok: true, label: 'ready' },
      'us-east-2': { verdict: 'ready', ok: true, label: 'ready' },
      'us-west-1': { verdict: 'blocked', ok: false, label: '1 problem' },
      'us-west-2': { verdict: 'ready', ok: true, label: 'ready' },
    });
    expect(regionStatuses({ ...REPORT, regions: [unknownVcpusRegion('us-east-1')] })).toEqual({ 'us-east-1': { verdict: 'unknown', ok: true, label: 'limits unknown' } });
    expect(regionStatuses(null)).toEqual({});
  });

  it('summarises the report', () => {
    expect(reportSummary(REPORT)).toBe('us-east-1, us-east-2 and us-west-2 have room for a workspace. Needs attention: us-west-1. Permissions were not checked in advance.');
    expect(reportSummary({ ...REPORT, regions: [region('us-east-1')], permissions: { checked: true, missing: [], note: null } })).toBe(
      'us-east-1 has room for a workspace. Every setup permission is allowed.',
    );
    expect(reportSummary({ ...REPORT, regions: [region('us-east-1'), region('us-west-2')], permissions: { checked: true, missing: [], note: null } })).toBe(
      'All 2 regions checked have room for a workspace. Every setup permission is allowed.',
    );
  });

  it('never says "room" about a region whose limits are unknown; it says what to check', () => {
    // What a new user met (issue 21): every region's vCPU quota unknown, AWS's default of 5 too small for 8.
    const all = { ...REPORT, verdict: 'unknown' as const, regions: [unknownVcpusRegion('us-east-1'), unknownVcpusRegion('us-east-2'), unknownVcpusRegion('us-west-1'), unknownVcpusRegion('us-west-2')] };
    const summary = reportSummary(all);
    expect(summary).not.toMatch(/room for a workspace/);
    expect(summary).toBe(
      'Cannot tell for us-east-1, us-east-2, us-west-1 and us-west-2: Service Quotas did not give "Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances", and AWS\'s default would leave no room — check that quota (below). Permissions were not checked in advance.',
    );
    const mixed = reportSummary({ ...REPORT, regions: [region('us-east-1'), unknownVcpusRegion('us-east-2'), FULL_REGION] });
    expect(mixed).toMatch(/^us-east-1 has room for a workspace\. Cannot tell for us-east-2: .* Needs attention: us-west-1\./);
  });

  it('accepts whole workspace sizes only', () => {
    expect(parseWorkspaceVcpus('16', 100)).toBe(16);
    expect(parseWorkspaceVcpus(0, 100)).toBe(0);
    expect(parseWorkspaceVcpus('', 100)).toBeNull();
    expect(parseWorkspaceVcpus('1.5', 100)).toBeNull();
    expect(parseWorkspaceVcpus('101', 100)).toBeNull();
  });
});
