/**
 * The role's trust policy: what Onramp writes, and whether a policy found in IAM says exactly that.
 * "Exactly" means one Allow of `sts:AssumeRole` to the platform account's root with the condition
 * `StringEquals sts:ExternalId = <the ID>`, and no other Allow. Deny statements are an
 * administrator's narrowing and are kept by a repair. Policy grammar: IAM User Guide, "IAM JSON
 * policy element reference" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html):
 * Principal/NotPrincipal, Action/NotAction, and condition operators (with the ForAnyValue/ForAllValues
 * set qualifiers; "ForAllValues … returns true if there are no context keys in the request").
 */

/** The trust policy that lets the platform's account assume the role with the external ID (docs/aws-facts.md#iam). */
export function trustPolicy(platformAccountId: string, externalId: string): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [platformStatement(platformAccountId, externalId)] });
}

function platformStatement(platformAccountId: string, externalId: string): Statement {
  return {
    Effect: 'Allow',
    Principal: { AWS: `arn:aws:iam::${platformAccountId}:root` },
    Action: 'sts:AssumeRole',
    Condition: { StringEquals: { 'sts:ExternalId': externalId } },
  };
}

type Values = string | string[];
interface Statement {
  Sid?: string;
  Effect?: string;
  Principal?: Record<string, Values> | string;
  NotPrincipal?: Record<string, Values> | string;
  Action?: Values;
  NotAction?: Values;
  Resource?: Values;
  Condition?: Record<string, Record<string, Values>>;
}

const asList = (v: Values | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

function statementsOf(doc: unknown): Statement[] {
  const raw = (doc as { Statement?: unknown } | null)?.Statement;
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return list.filter((s): s is Statement => typeof s === 'object' && s !== null);
}

const isAllow = (s: Statement) => s.Effect === 'Allow';

/** How a trust policy compares with the one Onramp writes. */
export interface TrustAnalysis {
  /** True when the Allow statements are exactly Onramp's one statement (Deny statements aside). */
  exact: boolean;
  /** True when some Allow statement lets the platform's root assume the role with exactly this external ID. */
  platformAllowed: boolean;
  /** Who else may assume the role, or the platform on weaker terms, in words (what plan and verify name). */
  alsoTrusted: string[];
  /** Every other way the Allow statements differ from Onramp's (wider or extra actions, extra conditions, extra statements). */
  differences: string[];
  /** The Deny statements, which a repair keeps as they are. */
  denies: unknown[];
}

/** True when an action pattern (IAM wildcards `*` and `?`, case-insensitive) matches the action. */
function actionMatches(pattern: string, action: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return re.test(action);
}

const ASSUME_ACTIONS = ['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity'];

/** Whether the statement's actions let its principals assume the role, and how they differ from exactly sts:AssumeRole. */
function actionsOf(s: Statement): { assumes: boolean; differences: string[] } {
  if (s.NotAction !== undefined) {
    const not = asList(s.NotAction);
    return { assumes: ASSUME_ACTIONS.some((a) => !not.some((p) => actionMatches(p, a))), differences: [`allows every action except ${not.join(', ')} (NotAction)`] };
  }
  const actions = asList(s.Action);
  const assumes = actions.some((p) => ASSUME_ACTIONS.some((a) => actionMatches(p, a)));
  const differences: string[] = [];
  const wide = actions.filter((p) => p.toLowerCase() !== 'sts:assumerole' && actionMatches(p, 'sts:AssumeRole'));
  const extra = actions.filter((p) => !actionMatches(p, 'sts:AssumeRole'));
  if (wide.length) differences.push(`allows ${wide.join(', ')}, wider than sts:AssumeRole`);
  if (extra.length) differences.push(`also allows ${extra.join(', ')}`);
  if (actions.length === 0) differences.push('names no action');
  return { assumes, differences };
}

const PLATFORM_ROOT = (account: string) => `arn:aws:iam::${account}:root`;

/** A principal in words; `platform` when it is the platform account's root (ARN or bare account ID). */
function principalsOf(s: Statement, platformAccountId: string): { platform: boolean; others: string[] } {
  if (s.NotPrincipal !== undefined) {
    const not = typeof s.NotPrincipal === 'string' ? [s.NotPrincipal] : Object.entries(s.NotPrincipal).flatMap(([k, v]) => asList(v).map((x) => `${k} ${x}`));
    return { platform: false, others: [`everyone except ${not.join(', ')} (NotPrincipal)`] };
  }
  if (s.Principal === undefined) return { platform: false, others: [] };
  if (typeof s.Principal === 'string') return { platform: false, others: [s.Principal === '*' ? 'anyone (Principal "*")' : s.Principal] };
  let platform = false;
  const others: string[] = [];
  for (const [kind, value] of Object.entries(s.Principal)) {
    for (const p of asList(value)) {
      if (kind === 'AWS' && (p === PLATFORM_ROOT(platformAccountId) || p === platformAccountId)) platform = true;
      else if (kind === 'AWS' && p === '*') others.push('anyone (Principal {"AWS": "*"})');
      else if (kind === 'AWS' && /^\d{12}$/.test(p)) others.push(PLATFORM_ROOT(p));
      else if (kind === 'AWS') others.push(p);
      else others.push(`${kind} ${p}`);
    }
  }
  return { platform, others };
}

const shortId = (x: string) => `"${x.length > 12 ? `${x.slice(0, 4)}…${x.slice(-4)}` : x}"`;

/**
 * How the statement's condition compares with `StringEquals sts:ExternalId = externalId`. Condition
 * entries are ANDed, so one entry that requires the ID is enough to keep others out; `weaker` says on
 * what terms the statement's principals get in otherwise (null when the ID is required), `exact` that
 * the condition is Onramp's one entry, `differences` what else differs.
 */
function conditionOf(s: Statement, externalId: string): { weaker: string | null; exact: boolean; differences: string[] } {
  const differences: string[] = [];
  const weakenings: string[] = [];
  let required = false;
  let entries = 0;
  let exactEntry = false;
  for (const [operator, keys] of Object.entries(s.Condition ?? {})) {
    for (const [key, value] of Object.entries(keys ?? {})) {
      entries++;
      if (key.toLowerCase() !== 'sts:externalid') {
        differences.push(`has an extra condition ${operator} ${key}`);
        continue;
      }
      const values = asList(value);
      const op = operator.toLowerCase();
      const base = op.replace(/^for(anyvalue|allvalues):/, '').replace(/ifexists$/, '');
      const others = values.filter((v) => v !== externalId);
      if (op.startsWith('forallvalues:') || op.endsWith('ifexists') || !['stringequals', 'stringlike', 'stringequalsignorecase'].includes(base)) {
        weakenings.push(`with condition ${operator}, which does not require your external ID`);
      } else if (base === 'stringlike' && values.some((v) => /[*?]/.test(v))) {
        weakenings.push(`with any external ID matching ${values.filter((v) => /[*?]/.test(v)).map((v) => `"${v}"`).join(', ')}`);
      } else if (others.length) {
        weakenings.push(`with external ID ${others.map(shortId).join(', ')}`);
      } else if (values.length === 0) {
        weakenings.push('without the external ID');
      } else {
        required = true;
        if (op === 'stringequals') exactEntry = true;
        else differences.push(`tests the external ID with ${operator} instead of StringEquals`);
      }
    }
  }
  if (required) differences.push(...weakenings.map((w) => `also admits the platform ${w}, though another condition requires your external ID`));
  const weaker = required ? null : (weakenings[0] ?? 'without the external ID');
  return { weaker, exact: entries === 1 && exactEntry, differences };
}

/** Compare a trust policy document (as IAM returns it, decoded) with the one Onramp writes for this platform account and external ID. */
export function analyseTrust(doc: unknown, platformAccountId: string, externalId: string): TrustAnalysis {
  const statements = statementsOf(doc);
  const allows = statements.filter(isAllow);
  const denies = statements.filter((s) => s.Effect === 'Deny');
  const alsoTrusted: string[] = [];
  const differences: string[] = [];
  let platformAllowed = false;
  let onrampLike = 0;
  for (const s of allows) {
    const actions = actionsOf(s);
    const who = principalsOf(s, platformAccountId);
    const condition = conditionOf(s, externalId);
    if (actions.assumes) {
      alsoTrusted.push(...who.others);
      if (who.platform && condition.weaker) alsoTrusted.push(`${PLATFORM_ROOT(platformAccountId)} ${condition.weaker}`);
      if (who.platform && !condition.weaker) platformAllowed = true;
    }
    differences.push(...actions.differences.map((d) => `a statement ${d}`), ...condition.differences.map((d) => `a statement ${d}`));
    if (who.platform && who.others.length === 0 && actions.differences.length === 0 && condition.exact) onrampLike++;
    else if (who.others.length === 0 && !who.platform) differences.push('an Allow statement names no principal Onramp knows');
  }
  if (onrampLike > 1) differences.push(`${onrampLike} Allow statements where Onramp writes one`);
  const exact = allows.length === 1 && onrampLike === 1 && alsoTrusted.length === 0;
  return { exact, platformAllowed, alsoTrusted: [...new Set(alsoTrusted)], differences: [...new Set(differences)], denies };
}

/** Who a trust policy lets assume the role, and with which external IDs: for plan details. */
export function describeTrust(doc: unknown): { principals: string[]; externalIds: string[] } {
  const principals: string[] = [];
  const externalIds: string[] = [];
  for (const s of statementsOf(doc).filter(isAllow)) {
    if (typeof s.Principal === 'string') principals.push(s.Principal);
    else principals.push(...asList(s.Principal?.AWS));
    for (const keys of Object.values(s.Condition ?? {})) {
      for (const [key, value] of Object.entries(keys ?? {})) if (key.toLowerCase() === 'sts:externalid') externalIds.push(...asList(value));
    }
  }
  return { principals, externalIds };
}

/** Why a role's trust policy is not exactly what Onramp writes (naming who else is trusted), or null when it is. */
export function trustMismatch(doc: unknown, platformAccountId: string, externalId: string): string | null {
  const a = analyseTrust(doc, platformAccountId, externalId);
  if (a.exact) return null;
  const root = PLATFORM_ROOT(platformAccountId);
  const parts: string[] = [];
  if (!a.platformAllowed) {
    const { principals, externalIds } = describeTrust(doc);
    const who = principals.length ? principals.join(', ') : 'no AWS principal';
    const ids = externalIds.length ? `external ID ${externalIds.map(shortId).join(', ')}` : 'no external ID';
    parts.push(`trusts ${who} with ${ids}, not ${root} with the external ID you entered`);
  }
  if (a.alsoTrusted.length) parts.push(`can also be assumed by ${a.alsoTrusted.join('; ')}`);
  if (a.differences.length) parts.push(a.differences.join('; '));
  return `${parts.join('; ')} — only ${root} with your external ID should be trusted`;
}

/**
 * The trust policy a repair writes: Onramp's one Allow statement, followed by the Deny statements
 * the role already has (an administrator's narrowing stays).
 */
export function repairedTrustPolicy(doc: unknown, platformAccountId: string, externalId: string): string {
  const denies = statementsOf(doc).filter((s) => s.Effect === 'Deny');
  return JSON.stringify({ Version: '2012-10-17', Statement: [platformStatement(platformAccountId, externalId), ...denies] });
}
