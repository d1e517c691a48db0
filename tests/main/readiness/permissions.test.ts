/**
 * The permission preflight's simulation-allowed and simulation-refused paths. moto does not implement
 * iam:SimulatePrincipalPolicy, so these stub the IAM client's send (the SDK-level error and result
 * shapes); the moto integration test covers the "not available" path end to end.
 */
import { describe, expect, it, vi } from 'vitest';
import { GetRoleCommand, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { ANY_RESOURCE_NOTE, checkPermissions } from '../../../main/core/readiness/permissions';
import type { AwsContext } from '../../../main/core/aws/context';
import { SETUP_ACTIONS } from '../../../shared/readiness/setup-actions';

type Send = (command: unknown) => Promise<unknown>;

function fakeAws(send: Send): { aws: AwsContext; send: ReturnType<typeof vi.fn> } {
  const spy = vi.fn(send);
  const aws = { iam: async () => ({ send: spy }) } as unknown as AwsContext;
  return { aws, send: spy };
}

function sdkError(name: string, status: number): Error {
  return Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode: status } });
}

const DENIED = new Map([
  ['s3:PutEncryptionConfiguration', 'implicitDeny'],
  ['iam:CreateRole', 'explicitDeny'],
]);

/** A simulation that answers in pages of `pageSize`, denying the actions in DENIED. */
function simulator(pageSize = 100, roleArn = 'arn:aws:iam::123456789012:role/teams/data/Admin') {
  const sources: string[] = [];
  const send: Send = async (command) => {
    if (command instanceof GetRoleCommand) return { Role: { Arn: roleArn, RoleName: command.input.RoleName } };
    if (command instanceof SimulatePrincipalPolicyCommand) {
      sources.push(command.input.PolicySourceArn!);
      const names = command.input.ActionNames!;
      const start = Number(command.input.Marker ?? 0);
      const page = names.slice(start, start + pageSize);
      const more = start + pageSize < names.length;
      return {
        EvaluationResults: page.map((a) => ({ EvalActionName: a, EvalResourceName: '*', EvalDecision: DENIED.get(a) ?? 'allowed' })),
        IsTruncated: more,
        Marker: more ? String(start + pageSize) : undefined,
      };
    }
    throw new Error(`unexpected command ${(command as object).constructor.name}`);
  };
  return { send, sources };
}

describe('checkPermissions', () => {
  it('lists the denied setup actions with what they block', async () => {
    const sim = simulator();
    const { aws, send } = fakeAws(sim.send);
    const res = await checkPermissions(aws, 'arn:aws:iam::123456789012:user/alice');
    expect(res).toEqual({
      checked: true,
      missing: [
        { action: 's3:PutEncryptionConfiguration', blocks: "turning on the bucket's default encryption" },
        { action: 'iam:CreateRole', blocks: 'creating the role the platform assumes' },
      ],
      // Simulated on `*`: says that permissions scoped to names can show as missing, and where to check them.
      note: ANY_RESOURCE_NOTE,
    });
    expect(res.note).toMatch(/--bucket, --table and --role/);
    expect(sim.sources).toEqual(['arn:aws:iam::123456789012:user/alice']);
    const simulated = send.mock.calls.map(([c]) => c).find((c) => c instanceof SimulatePrincipalPolicyCommand) as SimulatePrincipalPolicyCommand;
    expect(simulated.input.ActionNames).toEqual(SETUP_ACTIONS.map((a) => a.action));
  });

  it('with the setup names, simulates each action on its own resource ARN', async () => {
    const sim = simulator();
    const { aws, send } = fakeAws(sim.send);
    const res = await checkPermissions(aws, 'arn:aws:iam::123456789012:user/alice', {
      resources: { region: 'us-east-2', bucketName: 'acme-state', tableName: 'acme-lock', roleName: 'BodoPlatformUser' },
    });
    expect(res.missing.map((m) => m.action)).toEqual(['s3:PutEncryptionConfiguration', 'iam:CreateRole']);
    expect(res.note).toBeNull();
    const calls = send.mock.calls.map(([c]) => c).filter((c) => c instanceof SimulatePrincipalPolicyCommand) as SimulatePrincipalPolicyCommand[];
    const byArn = new Map<string, string[]>();
    for (const c of calls) {
      const key = c.input.ResourceArns?.[0] ?? '(none)';
      byArn.set(key, [...(byArn.get(key) ?? []), ...c.input.ActionNames!]);
    }
    expect([...byArn.keys()].sort()).toEqual(
      ['(none)', 'arn:aws:dynamodb:us-east-2:123456789012:table/acme-lock', 'arn:aws:iam::123456789012:role/BodoPlatformUser', 'arn:aws:s3:::acme-state'].sort(),
    );
    expect(byArn.get('arn:aws:s3:::acme-state')).toContain('s3:CreateBucket');
    expect(byArn.get('arn:aws:s3:::acme-state')).not.toContain('s3:ListAllMyBuckets');
    expect(byArn.get('(none)')).toEqual(['s3:ListAllMyBuckets']);
    expect(byArn.get('arn:aws:dynamodb:us-east-2:123456789012:table/acme-lock')!.every((a) => a!.startsWith('dynamodb:'))).toBe(true);
    expect(byArn.get('arn:aws:iam::123456789012:role/BodoPlatformUser')!.every((a) => a!.startsWith('iam:'))).toBe(true);
    // Every setup action is simulated exactly once.
    expect(calls.flatMap((c) => c.input.ActionNames!).sort()).toEqual(SETUP_ACTIONS.map((a) => a.action).sort());
    // With the request context AWS will see: the region (IAM's is us-east-1), and Onramp's tags only on
    // the calls that send them, so a tag-conditioned Allow is not credited to untagged calls.
    const contextOf = (action: string) => {
      const c = calls.find((x) => x.input.ActionNames!.includes(action))!;
      return Object.fromEntries((c.input.ContextEntries ?? []).map((e) => [e.ContextKeyName, e.ContextKeyValues]));
    };
    expect(contextOf('s3:CreateBucket')).toEqual({ 'aws:RequestedRegion': ['us-east-2'] });
    expect(contextOf('dynamodb:CreateTable')).toEqual({
      'aws:RequestedRegion': ['us-east-2'],
      'aws:RequestTag/managed-by': ['onramp'],
      'aws:TagKeys': ['managed-by', 'onramp:configuration'],
    });
    expect(contextOf('iam:CreateRole')).toMatchObject({ 'aws:RequestedRegion': ['us-east-1'], 'aws:RequestTag/managed-by': ['onramp'] });
    expect(contextOf('iam:PutRolePolicy')).toEqual({ 'aws:RequestedRegion': ['us-east-1'] });
    expect(contextOf('s3:PutBucketTagging')).toHaveProperty('aws:TagKeys');
  });

  it('without names, sends one simulation on any resource with no request context', async () => {
    const sim = simulator();
    const { aws, send } = fakeAws(sim.send);
    await checkPermissions(aws, 'arn:aws:iam::123456789012:user/alice');
    const calls = send.mock.calls.map(([c]) => c).filter((c) => c instanceof SimulatePrincipalPolicyCommand) as SimulatePrincipalPolicyCommand[];
    expect(calls).toHaveLength(1);
    expect(calls[0]!.input.ResourceArns).toBeUndefined();
    expect(calls[0]!.input.ContextEntries).toBeUndefined();
  });

  it('with names, an assumed role is simulated in its own account (the ARNs use that account)', async () => {
    const sim = simulator(100, 'arn:aws:iam::210987654321:role/Admin');
    const { aws, send } = fakeAws(sim.send);
    await checkPermissions(aws, 'arn:aws:sts::210987654321:assumed-role/Admin/alice', {
      resources: { region: 'us-west-1', bucketName: 'b-1', tableName: 't', roleName: 'R' },
    });
    const arns = send.mock.calls.map(([c]) => c).filter((c) => c instanceof SimulatePrincipalPolicyCommand).flatMap((c) => (c as SimulatePrincipalPolicyCommand).input.ResourceArns ?? []);
    expect(arns).toContain('arn:aws:dynamodb:us-west-1:210987654321:table/t');
    expect(arns).toContain('arn:aws:iam::210987654321:role/R');
  });

  it('follows the simulation across pages', async () => {
    const sim = simulator(5);
    const { aws } = fakeAws(sim.send);
    const res = await checkPermissions(aws, 'arn:aws:iam::123456789012:user/alice');
    expect(res.missing.map((m) => m.action)).toEqual(['s3:PutEncryptionConfiguration', 'iam:CreateRole']);
    expect(sim.sources.length).toBe(Math.ceil(SETUP_ACTIONS.length / 5));
  });

  it('simulates an assumed-role session as its role, with the path GetRole reports', async () => {
    const sim = simulator();
    const { aws } = fakeAws(sim.send);
    const res = await checkPermissions(aws, 'arn:aws:sts::123456789012:assumed-role/Admin/alice');
    expect(res.checked).toBe(true);
    expect(sim.sources).toEqual(['arn:aws:iam::123456789012:role/teams/data/Admin']);
  });

  it('falls back to the path-less role ARN when GetRole is refused', async () => {
    const sim = simulator();
    const { aws } = fakeAws(async (c) => {
      if (c instanceof GetRoleCommand) throw sdkError('AccessDenied', 403);
      return sim.send(c);
    });
    await checkPermissions(aws, 'arn:aws:sts::123456789012:assumed-role/Admin/alice');
    expect(sim.sources).toEqual(['arn:aws:iam::123456789012:role/Admin']);
  });

  it('says plainly when the simulation itself is refused, without blocking', async () => {
    const { aws } = fakeAws(async () => {
      throw sdkError('AccessDenied', 403);
    });
    const res = await checkPermissions(aws, 'arn:aws:iam::123456789012:user/alice');
    expect(res.checked).toBe(false);
    expect(res.missing).toEqual([]);
    expect(res.note).toMatch(/may not run IAM's policy simulation \(iam:SimulatePrincipalPolicy was refused: AccessDenied\)/);
    expect(res.note).toMatch(/does not block you/);
  });

  it('says when the simulation is not available (an emulator answering 500)', async () => {
    const { aws } = fakeAws(async () => {
      throw sdkError('Error', 500);
    });
    const res = await checkPermissions(aws, 'arn:aws:iam::123456789012:user/alice');
    expect(res).toMatchObject({ checked: false, missing: [] });
    expect(res.note).toMatch(/not available at this endpoint \(HTTP 500\)/);
  });

  it('does not call IAM for the root user, and says why', async () => {
    const { aws, send } = fakeAws(simulator().send);
    const res = await checkPermissions(aws, 'arn:aws:iam::123456789012:root');
    expect(res).toMatchObject({ checked: false, missing: [] });
    expect(res.note).toMatch(/root user/);
    expect(send).not.toHaveBeenCalled();
  });
});
