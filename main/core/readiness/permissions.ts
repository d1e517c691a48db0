import { GetRoleCommand, SimulatePrincipalPolicyCommand, type ContextEntry, type EvaluationResult } from '@aws-sdk/client-iam';
import type { PermissionCheck } from '../../../shared/contract/readiness';
import { actionTarget, SETUP_ACTIONS, TAGGING_ACTIONS, targetArn, type ActionTarget, type SetupAction, type SetupResourceNames } from '../../../shared/readiness/setup-actions';
import { missingPermissions } from '../../../shared/readiness/verdict';
import type { AwsContext } from '../aws/context';
import { errorName, httpStatus, isAwsError, toAppError } from '../aws/errors';
import { CONFIGURATION_TAG_KEY, MANAGED_BY_TAG } from '../setup/tags';
import { simulationPrincipal } from './principal';

const NOT_CHECKED_TAIL = 'The setup permissions were not checked in advance; this does not block you, and setup itself reports any action it is refused.';

/** Options for the permission preflight. */
export interface PermissionOptions {
  actions?: readonly SetupAction[];
  abortSignal?: AbortSignal;
  /**
   * The names the setup will use: each action is then simulated on its own resource (the bucket's,
   * table's or role's ARN), so permissions granted only for particular names are judged correctly.
   * Without names every action is simulated on any resource (`*`).
   */
  resources?: SetupResourceNames;
}

/**
 * The request context the setup's calls carry, so conditions on it are judged as AWS will judge the
 * real requests: the region each call goes to (IAM is global and signed for us-east-1) and, for the
 * calls that send Onramp's tags, those tags. IAM ignores keys a policy does not test.
 */
export function simulationContext(target: ActionTarget, region: string, sendsTags: boolean): ContextEntry[] {
  return [
    { ContextKeyName: 'aws:RequestedRegion', ContextKeyValues: [target === 'role' ? 'us-east-1' : region], ContextKeyType: 'string' },
    ...(sendsTags
      ? [
          { ContextKeyName: `aws:RequestTag/${MANAGED_BY_TAG.key}`, ContextKeyValues: [MANAGED_BY_TAG.value], ContextKeyType: 'string' as const },
          { ContextKeyName: 'aws:TagKeys', ContextKeyValues: [MANAGED_BY_TAG.key, CONFIGURATION_TAG_KEY], ContextKeyType: 'stringList' as const },
        ]
      : []),
  ];
}

/** Said when actions simulated on `*` come out denied: a policy scoped to names can look missing. */
export const ANY_RESOURCE_NOTE =
  'Checked for any resource name (*). If this identity is allowed these actions only for particular bucket, table or role names, they show as missing here: the setup wizard\'s plan step, or onramp doctor with --bucket, --table and --role, checks the exact names.';

/**
 * Simulate every setup action for the caller's principal with iam:SimulatePrincipalPolicy (on the
 * named resources when `resources` is given, else on any resource). Never throws for AWS reasons:
 * when the simulation is denied or unavailable (moto does not implement it) the result is
 * `checked: false` with a note that says so.
 */
export async function checkPermissions(aws: AwsContext, callerArn: string, opts: PermissionOptions = {}): Promise<PermissionCheck> {
  const actions = opts.actions ?? SETUP_ACTIONS;
  const principal = simulationPrincipal(callerArn);
  if (principal.kind === 'unsupported') return { checked: false, missing: [], note: `${principal.reason} ${NOT_CHECKED_TAIL}` };
  const send = { abortSignal: opts.abortSignal };
  try {
    const iam = await aws.iam();
    let sourceArn: string;
    if (principal.kind === 'role') {
      // The session ARN has no role path; GetRole gives the real ARN. If that is refused, try without a path.
      sourceArn = await iam
        .send(new GetRoleCommand({ RoleName: principal.roleName }), send)
        .then((out) => out.Role?.Arn ?? principal.fallbackArn)
        .catch(() => principal.fallbackArn);
    } else {
      sourceArn = principal.arn;
    }
    const account = sourceArn.split(':')[4] ?? '';
    // Without names: one simulation of every action on `*`. With names: one per resource the actions
    // act on, split by whether the request carries tags (the context differs), run side by side.
    type Group = { target: ActionTarget | null; tags: boolean; actions: SetupAction[] };
    const groups = new Map<string, Group>();
    for (const a of actions) {
      const target = opts.resources ? actionTarget(a.action) : null;
      const tags = Boolean(opts.resources) && TAGGING_ACTIONS.has(a.action);
      const key = `${target ?? 'any'}|${tags}`;
      const group = groups.get(key) ?? { target, tags, actions: [] };
      group.actions.push(a);
      groups.set(key, group);
    }
    const simulate = async ({ target, tags, actions: group }: Group) => {
      const names = opts.resources;
      const arn = target && names ? targetArn(target, names, account) : null;
      const out: EvaluationResult[] = [];
      let marker: string | undefined;
      do {
        const page = await iam.send(
          new SimulatePrincipalPolicyCommand({
            PolicySourceArn: sourceArn,
            ActionNames: group.map((a) => a.action),
            ...(arn ? { ResourceArns: [arn] } : {}),
            ...(target && names ? { ContextEntries: simulationContext(target, names.region, tags) } : {}),
            Marker: marker,
          }),
          send,
        );
        out.push(...(page.EvaluationResults ?? []));
        marker = page.IsTruncated ? page.Marker : undefined;
      } while (marker);
      return out;
    };
    const results = (await Promise.all([...groups.values()].map(simulate))).flat();
    const decisions = results.map((r) => ({ action: r.EvalActionName ?? '', decision: r.EvalDecision ?? 'implicitDeny' }));
    const missing = missingPermissions(decisions, actions);
    return { checked: true, missing, note: missing.length > 0 && !opts.resources ? ANY_RESOURCE_NOTE : null };
  } catch (err) {
    return { checked: false, missing: [], note: simulationFailureNote(err) };
  }
}

/** Why the simulation could not run, in plain words. */
function simulationFailureNote(err: unknown): string {
  const app = toAppError(err);
  const name = errorName(err);
  if (isAwsError(err, 'aborted')) return `IAM did not answer the policy simulation in time. ${NOT_CHECKED_TAIL}`;
  switch (app.code) {
    case 'AccessDenied':
      return `This identity may not run IAM's policy simulation (iam:SimulatePrincipalPolicy was refused: ${name}). ${NOT_CHECKED_TAIL}`;
    case 'Timeout':
    case 'Network':
      return `IAM did not answer the policy simulation (${app.code}). ${NOT_CHECKED_TAIL}`;
    default:
      return `IAM's policy simulation is not available at this endpoint (${describe(name, httpStatus(err))}). ${NOT_CHECKED_TAIL}`;
  }
}

/** "NoSuchEntity", or "HTTP 500" when the SDK could not even name the error (an unimplemented API). */
function describe(name: string, status: number | undefined): string {
  if (name !== 'Error' && name !== 'SyntaxError') return status ? `${name}, HTTP ${status}` : name;
  return status ? `HTTP ${status}` : 'no usable answer';
}
