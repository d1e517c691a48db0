import { GetRoleCommand, SimulatePrincipalPolicyCommand, type EvaluationResult } from '@aws-sdk/client-iam';
import type { PermissionCheck } from '../../../shared/contract/readiness';
import { SETUP_ACTIONS, type SetupAction } from '../../../shared/readiness/setup-actions';
import { missingPermissions } from '../../../shared/readiness/verdict';
import type { AwsContext } from '../aws/context';
import { errorName, httpStatus, toAppError } from '../aws/errors';
import { simulationPrincipal } from './principal';

const NOT_CHECKED_TAIL = 'The setup permissions were not checked in advance; this does not block you, and setup itself reports any action it is refused.';

/** Options for the permission preflight. */
export interface PermissionOptions {
  actions?: readonly SetupAction[];
  abortSignal?: AbortSignal;
}

/**
 * Simulate every setup action for the caller's principal with iam:SimulatePrincipalPolicy (against
 * any resource). Never throws for AWS reasons: when the simulation is denied or unavailable (moto
 * does not implement it) the result is `checked: false` with a note that says so.
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
    const results: EvaluationResult[] = [];
    let marker: string | undefined;
    do {
      const out = await iam.send(
        new SimulatePrincipalPolicyCommand({ PolicySourceArn: sourceArn, ActionNames: actions.map((a) => a.action), Marker: marker }),
        send,
      );
      results.push(...(out.EvaluationResults ?? []));
      marker = out.IsTruncated ? out.Marker : undefined;
    } while (marker);
    const decisions = results.map((r) => ({ action: r.EvalActionName ?? '', decision: r.EvalDecision ?? 'implicitDeny' }));
    return { checked: true, missing: missingPermissions(decisions, actions), note: null };
  } catch (err) {
    return { checked: false, missing: [], note: simulationFailureNote(err) };
  }
}

/** Why the simulation could not run, in plain words. */
function simulationFailureNote(err: unknown): string {
  const app = toAppError(err);
  const name = errorName(err);
  if (name === 'AbortError') return `IAM did not answer the policy simulation in time. ${NOT_CHECKED_TAIL}`;
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
