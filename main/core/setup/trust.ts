/** The trust policy that lets the platform's account assume the role with the external ID (docs/aws-facts.md#iam). */
export function trustPolicy(platformAccountId: string, externalId: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${platformAccountId}:root` },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': externalId } },
      },
    ],
  });
}

interface Statement {
  Effect?: string;
  Principal?: { AWS?: string | string[] } | string;
  Action?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Who a trust policy lets assume the role, and with which external IDs: for plan details. */
export function describeTrust(doc: unknown): { principals: string[]; externalIds: string[] } {
  const statements = asList((doc as { Statement?: Statement | Statement[] } | null)?.Statement as never) as unknown as Statement[];
  const principals: string[] = [];
  const externalIds: string[] = [];
  for (const s of statements) {
    if (s.Effect !== 'Allow') continue;
    if (typeof s.Principal === 'string') principals.push(s.Principal);
    else principals.push(...asList(s.Principal?.AWS));
    externalIds.push(...asList(s.Condition?.StringEquals?.['sts:ExternalId']));
  }
  return { principals, externalIds };
}

/** Why a role's trust policy does not match what the platform needs, or null when it does. */
export function trustMismatch(doc: unknown, platformAccountId: string, externalId: string): string | null {
  const statements = asList((doc as { Statement?: Statement | Statement[] } | null)?.Statement as never) as unknown as Statement[];
  const wanted = new Set([`arn:aws:iam::${platformAccountId}:root`, platformAccountId]);
  const ok = statements.some(
    (s) =>
      s.Effect === 'Allow' &&
      typeof s.Principal === 'object' &&
      asList(s.Principal.AWS).some((p) => wanted.has(p)) &&
      asList(s.Action).includes('sts:AssumeRole') &&
      asList(s.Condition?.StringEquals?.['sts:ExternalId']).includes(externalId),
  );
  if (ok) return null;
  const { principals, externalIds } = describeTrust(doc);
  const who = principals.length ? principals.join(', ') : 'no AWS principal';
  const ids = externalIds.length ? `external ID ${externalIds.map((x) => `"${x.length > 12 ? `${x.slice(0, 4)}…${x.slice(-4)}` : x}"`).join(', ')}` : 'no external ID';
  return `trusts ${who} with ${ids}; the platform needs arn:aws:iam::${platformAccountId}:root with the external ID you entered`;
}
