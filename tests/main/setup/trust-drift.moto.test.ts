/**
 * Integration: an administrator changes the role's trust policy (each form in trust-cases.ts that
 * moto accepts, sent with the plain SDK, not Onramp's code); verify fails naming who else is trusted,
 * plan says `update` (naming them in `alsoTrusted`), apply rewrites the trust to Onramp's one
 * statement (keeping a Deny), read back with the plain SDK, and with boto3 for the cases that matter
 * most (boto3 costs seconds per call here). A role that existed before Onramp is never rewritten, but
 * plan and verify name who else may assume it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { GetRoleCommand, IAMClient, UpdateAssumeRolePolicyCommand } from '@aws-sdk/client-iam';
import { useMoto, type AwsTestEnv } from '../../helpers/fixtures';
import { HAS_MOTO } from '../../helpers/moto';
import { HAS_BOTO3 } from '../../helpers/python';
import { boto3 } from '../../helpers/boto3';
import { uniqueSetupInput } from '../../helpers/setup-names';
import { contextForProfile } from '../../../main/core/profiles/session';
import { applySetup, planSetup, verifyConfiguration } from '../../../main/core/setup';
import { trustPolicy } from '../../../main/core/setup/trust';
import type { SetupInput } from '../../../shared/contract/setup';
import { HARMLESS_DENY, onrampStatement, TRUST_CASES, TRUST_EXTERNAL_ID } from './trust-cases';

const FAST = { pollMs: 20 };
const moto = useMoto({ enabled: HAS_MOTO && HAS_BOTO3 });
let env: AwsTestEnv;
const ctx = () => contextForProfile({ profile: 'default', env, region: 'us-east-1' });

const iam = () => new IAMClient({ region: 'us-east-1', endpoint: moto.url, credentials: { accessKeyId: 'AKIAADMIN00000000001', secretAccessKey: 'admin' } });
/** The administrator's edit, with the plain SDK. */
const setTrust = (role: string, doc: unknown) => iam().send(new UpdateAssumeRolePolicyCommand({ RoleName: role, PolicyDocument: JSON.stringify(doc) }));
/** The trust policy as IAM holds it (URL-encoded JSON), with the plain SDK. */
const readTrust = async (role: string) => JSON.parse(decodeURIComponent((await iam().send(new GetRoleCommand({ RoleName: role }))).Role!.AssumeRolePolicyDocument!)) as { Statement: unknown[] };
/** The same, read by boto3 (which decodes it itself). */
const botoTrust = async (role: string) => (await boto3(env, "out = session.client('iam').get_role(RoleName=a['role'])['Role']['AssumeRolePolicyDocument']", { role })) as { Statement: unknown[] };

describe.skipIf(!HAS_MOTO || !HAS_BOTO3)('trust drift against moto', () => {
  let inp: SetupInput;
  beforeAll(async () => {
    env = moto.env();
    inp = uniqueSetupInput('trust', 'us-east-1', () => ({ externalId: TRUST_EXTERNAL_ID }));
    await applySetup(await ctx(), inp, FAST);
  });

  it.each(TRUST_CASES.filter((c) => !c.motoRefuses))('$title: verify fails, plan updates, apply rewrites it to Onramp\'s one statement', async ({ doc, alsoTrusted }) => {
    const aws = await ctx();
    await setTrust(inp.roleName, doc);

    const verified = await verifyConfiguration(aws, inp);
    expect(verified.ok).toBe(false);
    const trust = verified.checks.find((c) => c.id === 'role.trust')!;
    expect(trust).toMatchObject({ ok: false });
    expect(trust.alsoTrusted ?? []).toEqual(alsoTrusted);
    for (const who of alsoTrusted) expect(trust.detail).toContain(who);

    const role = (await planSetup(aws, inp)).steps.find((s) => s.resource === 'role')!;
    expect(role.action).toBe('update');
    expect(role.alsoTrusted ?? []).toEqual(alsoTrusted);

    await applySetup(aws, inp, FAST);
    const after = await readTrust(inp.roleName);
    expect(after.Statement).toEqual([onrampStatement()]);
    if (alsoTrusted.includes('arn:aws:iam::111122223333:root') || alsoTrusted.some((w) => w.startsWith('anyone'))) expect(await botoTrust(inp.roleName)).toEqual(after);
    expect((await verifyConfiguration(aws, inp)).ok).toBe(true);
    expect((await planSetup(aws, inp)).steps.find((s) => s.resource === 'role')!.action).toBe('keep');
  });

  it('a Deny an administrator added stays green, and a repair keeps it', async () => {
    const aws = await ctx();
    await setTrust(inp.roleName, { Version: '2012-10-17', Statement: [onrampStatement(), HARMLESS_DENY] });
    expect((await verifyConfiguration(aws, inp)).ok).toBe(true);
    expect((await planSetup(aws, inp)).steps.find((s) => s.resource === 'role')!.action).toBe('keep');

    // With a Deny and an extra principal, the repair removes the principal and keeps the Deny.
    await setTrust(inp.roleName, { Version: '2012-10-17', Statement: [{ ...onrampStatement(), Principal: { AWS: ['arn:aws:iam::481633624848:root', '111122223333'] } }, HARMLESS_DENY] });
    expect((await planSetup(aws, inp)).steps.find((s) => s.resource === 'role')!.action).toBe('update');
    await applySetup(aws, inp, FAST);
    expect((await botoTrust(inp.roleName)).Statement).toEqual([onrampStatement(), HARMLESS_DENY]);
  });

  it('the forms moto refuses to store (as IAM refuses actions other than the sts:AssumeRole family) are checked in trust.test.ts', async () => {
    const refused = TRUST_CASES.filter((c) => c.motoRefuses);
    expect(refused.length).toBeGreaterThan(0);
    for (const c of refused) await expect(setTrust(inp.roleName, c.doc)).rejects.toMatchObject({ name: 'MalformedPolicyDocumentException' });
  });

  it('a role that existed before Onramp is never rewritten; plan and verify name who else may assume it', async () => {
    const aws = await ctx();
    const own = uniqueSetupInput('pretrust', 'us-east-1', () => ({ externalId: TRUST_EXTERNAL_ID }));
    const doc = { Version: '2012-10-17', Statement: [{ ...onrampStatement(), Principal: { AWS: ['arn:aws:iam::481633624848:root', 'arn:aws:iam::111122223333:root'] } }] };
    await boto3(env, "session.client('iam').create_role(RoleName=a['role'], AssumeRolePolicyDocument=json.dumps(a['doc']))", { role: own.roleName, doc });


    const role = (await planSetup(aws, own)).steps.find((s) => s.resource === 'role')!;
    expect(role).toMatchObject({ action: 'conflict', alsoTrusted: ['arn:aws:iam::111122223333:root'] });
    expect(role.detail).toMatch(/not created by Onramp.*can also be assumed by arn:aws:iam::111122223333:root/);
    await expect(applySetup(aws, own, FAST)).rejects.toMatchObject({ code: 'Conflict' });
    expect((await botoTrust(own.roleName)).Statement).toEqual(doc.Statement);

    const trust = (await verifyConfiguration(aws, own)).checks.find((c) => c.id === 'role.trust')!;
    expect(trust).toMatchObject({ ok: false, alsoTrusted: ['arn:aws:iam::111122223333:root'] });

    // Exactly Onramp's trust: used as it is, and still never tagged or rewritten.
    await setTrust(own.roleName, JSON.parse(trustPolicy('481633624848', TRUST_EXTERNAL_ID)));
    expect((await planSetup(aws, own)).steps.find((s) => s.resource === 'role')!.action).toBe('keep');
  });
});
