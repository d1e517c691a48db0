/** Trust documents an administrator might leave on the platform role, with who else each one lets in. */

export const TRUST_PLATFORM = '481633624848';
export const TRUST_EXTERNAL_ID = 'ext-abc-123';
const ROOT = `arn:aws:iam::${TRUST_PLATFORM}:root`;

/** The one statement Onramp writes. */
export function onrampStatement(externalId = TRUST_EXTERNAL_ID): Record<string, unknown> {
  return { Effect: 'Allow', Principal: { AWS: ROOT }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': externalId } } };
}

/** A Deny an administrator might add: it narrows who may assume the role, so it may stay. */
export const HARMLESS_DENY = {
  Sid: 'NoSessionsOutsideOffice',
  Effect: 'Deny',
  Principal: { AWS: 'arn:aws:iam::111122223333:root' },
  Action: 'sts:AssumeRole',
};

/** One drifted trust document, what `alsoTrusted` names, and words the message must contain. */
export interface TrustCase {
  title: string;
  doc: { Version: string; Statement: Record<string, unknown>[] };
  alsoTrusted: string[];
  mentions: string[];
  /**
   * moto's UpdateAssumeRolePolicy refuses it ("Trust Policy statement actions can only be
   * sts:AssumeRole, sts:AssumeRoleWithSAML, and sts:AssumeRoleWithWebIdentity"), so it is checked
   * below the HTTP layer only (trust.test.ts).
   */
  motoRefuses?: boolean;
}

const docOf = (...statements: Record<string, unknown>[]) => ({ Version: '2012-10-17', Statement: statements });
const platformWith = (over: Record<string, unknown>) => docOf({ ...onrampStatement(), ...over });

/** Each form of extra principal, extra statement, weakened condition and wider action. */
export const TRUST_CASES: TrustCase[] = [
  { title: 'a second account ARN in the platform statement', doc: platformWith({ Principal: { AWS: [ROOT, 'arn:aws:iam::111122223333:root'] } }), alsoTrusted: ['arn:aws:iam::111122223333:root'], mentions: ['can also be assumed by arn:aws:iam::111122223333:root'] },
  { title: 'a bare account ID in the platform statement', doc: platformWith({ Principal: { AWS: [ROOT, '111122223333'] } }), alsoTrusted: ['arn:aws:iam::111122223333:root'], mentions: ['arn:aws:iam::111122223333:root'] },
  { title: 'a role ARN of another account', doc: platformWith({ Principal: { AWS: [ROOT, 'arn:aws:iam::111122223333:role/Admin'] } }), alsoTrusted: ['arn:aws:iam::111122223333:role/Admin'], mentions: ['arn:aws:iam::111122223333:role/Admin'] },
  { title: 'Principal "*"', doc: platformWith({ Principal: '*' }), alsoTrusted: ['anyone (Principal "*")'], mentions: ['anyone (Principal "*")'] },
  { title: 'Principal {"AWS": "*"}', doc: platformWith({ Principal: { AWS: '*' } }), alsoTrusted: ['anyone (Principal {"AWS": "*"})'], mentions: ['anyone'] },
  { title: 'a Service principal', doc: platformWith({ Principal: { AWS: ROOT, Service: 'ec2.amazonaws.com' } }), alsoTrusted: ['Service ec2.amazonaws.com'], mentions: ['Service ec2.amazonaws.com'] },
  { title: 'a Federated principal', doc: platformWith({ Principal: { AWS: ROOT, Federated: 'cognito-identity.amazonaws.com' } }), alsoTrusted: ['Federated cognito-identity.amazonaws.com'], mentions: ['Federated cognito-identity.amazonaws.com'] },
  { title: 'a CanonicalUser principal', doc: platformWith({ Principal: { AWS: ROOT, CanonicalUser: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be' } }), alsoTrusted: ['CanonicalUser 79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be'], mentions: ['CanonicalUser'] },
  { title: 'an extra Allow statement for another account without an external ID', doc: docOf(onrampStatement(), { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }), alsoTrusted: ['arn:aws:iam::111122223333:root'], mentions: ['arn:aws:iam::111122223333:root'] },
  { title: 'an extra Allow statement with NotPrincipal', doc: docOf(onrampStatement(), { Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }), alsoTrusted: ['everyone except AWS arn:aws:iam::111122223333:root (NotPrincipal)'], mentions: ['NotPrincipal'] },
  { title: 'NotAction in the platform statement', doc: platformWith({ Action: undefined, NotAction: 'iam:*' }), alsoTrusted: [], mentions: ['every action except iam:* (NotAction)'], motoRefuses: true },
  { title: 'no condition at all', doc: platformWith({ Condition: undefined }), alsoTrusted: [`${ROOT} without the external ID`], mentions: [`${ROOT} without the external ID`] },
  { title: 'StringLike with a wildcard', doc: platformWith({ Condition: { StringLike: { 'sts:ExternalId': 'ext-*' } } }), alsoTrusted: [`${ROOT} with any external ID matching "ext-*"`], mentions: ['matching "ext-*"'] },
  { title: 'StringEquals on several external IDs', doc: platformWith({ Condition: { StringEquals: { 'sts:ExternalId': [TRUST_EXTERNAL_ID, 'other-id'] } } }), alsoTrusted: [`${ROOT} with external ID "other-id"`], mentions: ['"other-id"'] },
  { title: 'ForAnyValue:StringLike with a wildcard', doc: platformWith({ Condition: { 'ForAnyValue:StringLike': { 'sts:ExternalId': '*' } } }), alsoTrusted: [`${ROOT} with any external ID matching "*"`], mentions: ['matching "*"'] },
  { title: 'ForAllValues:StringEquals (true when no external ID is given)', doc: platformWith({ Condition: { 'ForAllValues:StringEquals': { 'sts:ExternalId': TRUST_EXTERNAL_ID } } }), alsoTrusted: [`${ROOT} with condition ForAllValues:StringEquals, which does not require your external ID`], mentions: ['ForAllValues:StringEquals'] },
  { title: 'StringEqualsIfExists (true when no external ID is given)', doc: platformWith({ Condition: { StringEqualsIfExists: { 'sts:ExternalId': TRUST_EXTERNAL_ID } } }), alsoTrusted: [`${ROOT} with condition StringEqualsIfExists, which does not require your external ID`], mentions: ['StringEqualsIfExists'] },
  { title: 'sts:* instead of sts:AssumeRole', doc: platformWith({ Action: 'sts:*' }), alsoTrusted: [], mentions: ['sts:*, wider than sts:AssumeRole'], motoRefuses: true },
  { title: 'Action "*"', doc: platformWith({ Action: '*' }), alsoTrusted: [], mentions: ['*, wider than sts:AssumeRole'], motoRefuses: true },
  { title: 'sts:AssumeRole* (also SAML and web identity)', doc: platformWith({ Action: 'sts:AssumeRole*' }), alsoTrusted: [], mentions: ['sts:AssumeRole*, wider than sts:AssumeRole'], motoRefuses: true },
  { title: 'sts:TagSession beside sts:AssumeRole', doc: platformWith({ Action: ['sts:AssumeRole', 'sts:TagSession'] }), alsoTrusted: [], mentions: ['also allows sts:TagSession'] },
  { title: 'the same Allow statement twice', doc: docOf(onrampStatement(), onrampStatement()), alsoTrusted: [], mentions: ['2 Allow statements where Onramp writes one'] },
];
