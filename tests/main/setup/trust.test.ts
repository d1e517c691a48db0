/**
 * The trust check is "only the platform", not "contains the platform": a table of trust documents an
 * administrator might leave on the role, each with who else it lets in. The same table drives the
 * moto test (trust-drift.moto.test.ts) through verify, plan and apply.
 */
import { describe, expect, it } from 'vitest';
import { analyseTrust, repairedTrustPolicy, trustMismatch, trustPolicy } from '../../../main/core/setup/trust';
import { TRUST_CASES, TRUST_PLATFORM as PLATFORM, TRUST_EXTERNAL_ID as EXT, HARMLESS_DENY, onrampStatement } from './trust-cases';

describe('trust: only the platform may assume the role', () => {
  it('our own policy is exact, with the bare account ID or a one-element list just as well', () => {
    expect(trustMismatch(JSON.parse(trustPolicy(PLATFORM, EXT)), PLATFORM, EXT)).toBeNull();
    expect(trustMismatch({ Statement: { ...onrampStatement(), Principal: { AWS: PLATFORM } } }, PLATFORM, EXT)).toBeNull();
    expect(trustMismatch({ Statement: [{ ...onrampStatement(), Action: ['sts:AssumeRole'], Condition: { StringEquals: { 'sts:ExternalId': [EXT] } } }] }, PLATFORM, EXT)).toBeNull();
  });

  it('a Deny statement an administrator added narrows access and is not a mismatch', () => {
    expect(trustMismatch({ Version: '2012-10-17', Statement: [onrampStatement(), HARMLESS_DENY] }, PLATFORM, EXT)).toBeNull();
  });

  it.each(TRUST_CASES)('$title fails, naming what else is trusted', ({ doc, alsoTrusted, mentions }) => {
    const message = trustMismatch(doc, PLATFORM, EXT);
    expect(message).not.toBeNull();
    expect(analyseTrust(doc, PLATFORM, EXT).alsoTrusted).toEqual(alsoTrusted);
    for (const m of mentions) expect(message).toContain(m);
    expect(message).toContain(`only arn:aws:iam::${PLATFORM}:root with your external ID should be trusted`);
  });

  it('a role that does not trust the platform at all says whom it trusts instead', () => {
    const doc = { Statement: [{ ...onrampStatement(), Principal: { AWS: 'arn:aws:iam::111122223333:root' } }] };
    expect(trustMismatch(doc, PLATFORM, EXT)).toMatch(/^trusts arn:aws:iam::111122223333:root with external ID "ext-abc-123", not arn:aws:iam::481633624848:root/);
    expect(analyseTrust(doc, PLATFORM, EXT)).toMatchObject({ platformAllowed: false, alsoTrusted: ['arn:aws:iam::111122223333:root'] });
    expect(trustMismatch({ Statement: [{ ...onrampStatement(), Condition: { StringEquals: { 'sts:ExternalId': 'abcd-0123456789-wxyz' } } }] }, PLATFORM, EXT)).toMatch(/"abcd…wxyz"/);
  });

  it('garbage never throws and is never exact', () => {
    for (const doc of [null, {}, { Statement: 'x' }, { Statement: [null, 3] }]) expect(trustMismatch(doc, PLATFORM, EXT)).not.toBeNull();
    expect(trustMismatch(JSON.parse(trustPolicy(PLATFORM, EXT)), '999999999999', EXT)).not.toBeNull();
  });

  it('the repair writes Onramp\'s one Allow and keeps every Deny statement as it was', () => {
    const drifted = { Version: '2012-10-17', Statement: [{ ...onrampStatement(), Principal: { AWS: [`arn:aws:iam::${PLATFORM}:root`, '111122223333'] } }, HARMLESS_DENY] };
    const repaired = JSON.parse(repairedTrustPolicy(drifted, PLATFORM, EXT));
    expect(repaired.Statement).toEqual([onrampStatement(), HARMLESS_DENY]);
    expect(trustMismatch(repaired, PLATFORM, EXT)).toBeNull();
  });
});
