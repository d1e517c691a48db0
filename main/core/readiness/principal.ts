/** Which IAM principal stands behind a caller ARN, for iam:SimulatePrincipalPolicy. */

/** How to simulate a caller: its own ARN, its role (looked up by name for the path), or not at all. */
export type SimulationPrincipal =
  | { kind: 'arn'; arn: string }
  | { kind: 'role'; partition: string; account: string; roleName: string; fallbackArn: string }
  | { kind: 'unsupported'; reason: string };

const ARN = /^arn:([a-z-]+):(iam|sts)::(\d{12}):(.+)$/;

/**
 * Map a GetCallerIdentity ARN to what IAM can simulate. An assumed-role session
 * (arn:aws:sts::A:assumed-role/R/S) is simulated as its role; the session ARN drops the role's path,
 * so the caller looks the role up by name (GetRole) and only falls back to arn:aws:iam::A:role/R.
 * IAM cannot simulate the root user or a federated-user session.
 */
export function simulationPrincipal(callerArn: string): SimulationPrincipal {
  const m = ARN.exec(callerArn);
  if (!m) return { kind: 'unsupported', reason: `"${callerArn.slice(0, 200)}" is not an IAM or STS ARN IAM can simulate.` };
  const [, partition, service, account, resource] = m as unknown as [string, string, string, string, string];
  if (service === 'iam' && resource === 'root') {
    return {
      kind: 'unsupported',
      reason:
        "You are connected as the account's root user, which IAM's policy simulation cannot evaluate. Root may perform every setup action (unless an organization policy denies it), but AWS advises using an IAM role or user instead.",
    };
  }
  if (service === 'iam' && /^(user|role)\//.test(resource)) return { kind: 'arn', arn: callerArn };
  if (service === 'sts' && resource.startsWith('assumed-role/')) {
    const roleName = resource.split('/')[1];
    if (!roleName) return { kind: 'unsupported', reason: `Cannot read a role name from "${callerArn.slice(0, 200)}".` };
    return { kind: 'role', partition, account, roleName, fallbackArn: `arn:${partition}:iam::${account}:role/${roleName}` };
  }
  // Some emulators (moto) answer GetCallerIdentity for a user with an sts-service ARN.
  if (service === 'sts' && resource.startsWith('user/')) return { kind: 'arn', arn: `arn:${partition}:iam::${account}:${resource}` };
  if (service === 'sts' && resource.startsWith('federated-user/')) {
    return { kind: 'unsupported', reason: 'Federated-user sessions (GetFederationToken) cannot be simulated by IAM.' };
  }
  return { kind: 'unsupported', reason: `IAM cannot simulate the principal "${callerArn.slice(0, 200)}".` };
}
