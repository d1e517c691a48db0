import { ReadinessRequestSchema, SetupPermissionsRequestSchema, type ReadinessReport, type RegionReadiness, type Verdict } from '../../../shared/contract/readiness';
import type { SetupResourceNames } from '../../../shared/readiness/setup-actions';
import { AppError } from '../../../shared/errors';
import { QUOTAS } from '../../../shared/readiness/quotas';
import { groupCliCommand, reportPasses, unknownQuotaGroups } from '../../../shared/readiness/verdict';
import { parseFlags, validateWith } from '../args';
import { credentialFlags, type CredentialFlags } from '../deps';
import { EXIT, type CliIo, type CommandOutput } from '../io';
import { DOCTOR_FLAGS } from './readiness';
import type { Command } from './index';

/** Parse and validate the doctor's flags; invalid input throws before any AWS client exists. */
export function parseDoctorInput(argv: string[]): {
  credentials: CredentialFlags;
  region?: ReadinessReport['regions'][number]['region'];
  workspaceVcpus?: number;
  resources?: SetupResourceNames;
} {
  const flags = parseFlags(argv, DOCTOR_FLAGS);
  const credentials = credentialFlags(flags);
  const rawVcpus = flags['workspace-vcpus'];
  let workspaceVcpus: number | undefined;
  if (rawVcpus !== undefined) {
    if (typeof rawVcpus !== 'string' || !/^\d+$/.test(rawVcpus.trim())) {
      throw new AppError('InvalidInput', '--workspace-vcpus must be a whole number of vCPUs, 0 or more.', '--workspace-vcpus');
    }
    workspaceVcpus = Number(rawVcpus.trim());
  }
  const request = validateWith(ReadinessRequestSchema, { region: flags.region, workspaceVcpus }, { region: 'region', workspaceVcpus: 'workspace-vcpus' });
  // --bucket, --table and --role (with --region) check the permissions on those exact resources.
  const named = (['bucket', 'table', 'role'] as const).filter((f) => flags[f] !== undefined);
  if (named.length === 0) return { credentials, ...request };
  for (const flag of ['bucket', 'table', 'role'] as const) {
    if (flags[flag] === undefined) {
      throw new AppError('InvalidInput', `--${flag} is required with --${named[0]}: give --bucket, --table and --role together (with --region) to check the permissions on those names.`, `--${flag}`);
    }
  }
  if (!request.region) throw new AppError('InvalidInput', '--region is required with --bucket, --table and --role (the table is regional).', '--region');
  const resources = validateWith(
    SetupPermissionsRequestSchema,
    { region: request.region, bucketName: flags.bucket, tableName: flags.table, roleName: flags.role },
    { region: 'region', bucketName: 'bucket', tableName: 'table', roleName: 'role' },
  );
  return { credentials, ...request, resources };
}

function figure(usage: { used: number | null; limit?: number; source?: string }): string {
  const used = usage.used === null ? '?' : String(usage.used);
  if (usage.limit === undefined) return used;
  return `${used}/${usage.limit}${usage.source === 'default' ? '*' : ''}`;
}

/** The verdict as a terminal column: what to look at stands out. */
const VERDICT_WORD: Record<Verdict, string> = { ready: 'ready', unknown: 'UNKNOWN', blocked: 'BLOCKED' };

function regionLine(r: RegionReadiness, workspaceVcpus: number): string {
  const cols = [
    r.region.padEnd(10),
    VERDICT_WORD[r.verdict].padEnd(8),
    `VPCs ${figure(r.vpcs)}`.padEnd(12),
    `Elastic IPs ${figure(r.elasticIps)}`.padEnd(18),
    `NAT gateways ${figure(r.natGateways)}`.padEnd(16),
    `vCPUs ${figure(r.vcpus)}`.padEnd(12),
    ...(r.spotVcpus ? [`Spot vCPUs ${figure(r.spotVcpus)}`] : []),
  ];
  // The footnote (*) marks each default; a line only where the default alone leaves no room.
  const unknown = r.unknownQuotas
    .filter((u) => u.roomAtDefault === false)
    .map(({ quota }) => `  ? ${QUOTAS[quota].shortName}: no room at AWS's default of ${QUOTAS[quota].defaultValue}; this account's own quota is unknown (see below)`);
  // Spot is informational: a line (marked "-", not "!") only where a workspace on Spot would not fit.
  const s = r.spotVcpus;
  const spotFree = s && s.used !== null ? Math.max(0, s.limit - s.used) : null;
  const spot =
    spotFree !== null && spotFree < workspaceVcpus
      ? [`  - Spot: a workspace of ${workspaceVcpus} vCPUs on Spot instances would not fit (${spotFree} free${s?.source === 'default' ? " at AWS's default" : ''}); this matters only if its clusters use Spot.`]
      : [];
  return [cols.join(' ').trimEnd(), ...r.problems.map((p) => `  ! ${p}`), ...unknown, ...spot].join('\n');
}

/** The unknown quotas, explained once for every region they apply to (doctor --json keeps one sentence per region). */
function unknownQuotaLines(report: ReadinessReport): string[] {
  return unknownQuotaGroups(report.regions).map((g) => {
    const reasons = g.reasons.length ? ` (Service Quotas answered: ${g.reasons.join('; ')})` : '';
    return (
      `? ${g.name}: unknown in ${g.regions.join(', ')}${reasons}. AWS's default is ${g.defaultValue}; this account's may be higher. ` +
      `Check it in the Service Quotas console or with: ${groupCliCommand(g)}`
    );
  });
}

/** What the Spot column is, said once under the regions. */
const SPOT_LEGEND = `Spot vCPUs: the "${QUOTAS.spotVcpus.name}" quota (${QUOTAS.spotVcpus.quotaCode}), informational: it matters only when clusters use Spot instances and never changes the verdict.`;

/** The doctor's report for a terminal. */
export function renderReport(report: ReadinessReport, resources?: SetupResourceNames): string {
  const p = report.permissions;
  const scope = resources ? ` (on bucket ${resources.bucketName}, table ${resources.tableName}, role ${resources.roleName})` : '';
  const permissions = !p.checked
    ? `Permissions${scope}: not checked. ${p.note ?? ''}`
    : p.missing.length === 0
      ? `Permissions${scope}: every setup action is allowed.`
      : [
          `Permissions${scope}: ${p.missing.length} setup action(s) not allowed:`,
          ...p.missing.map((m) => `  ! ${m.action.padEnd(32)} blocks ${m.blocks}`),
          ...(p.note ? [`  ${p.note}`] : []),
        ].join('\n');
  const c = report.costPermissions;
  const cost = !c
    ? []
    : !c.checked
      ? ['Cost permissions (Cost Explorer, AWS Budgets): not checked, for the same reason.']
      : c.missing.length === 0
        ? ['Cost permissions (Cost Explorer, AWS Budgets): every action is allowed.']
        : [`Cost permissions: ${c.missing.length} action(s) not allowed (not needed for the setup):`, ...c.missing.map((m) => `  - ${m.action.padEnd(32)} blocks ${m.blocks}`)];
  const anyDefault = report.regions.some((r) => [r.vpcs, r.elasticIps, r.vcpus, r.spotVcpus].some((u) => u?.source === 'default'));
  // The same note (a quota Service Quotas would not give) usually repeats in every region: print it once.
  const notes = [...new Set(report.regions.flatMap((r) => r.notes))];
  return [
    `Account ${report.identity.account} (${report.identity.arn})`,
    permissions,
    ...cost,
    `Limits (a workspace is taken to need ${report.workspaceVcpus} vCPUs):`,
    ...report.regions.map((r) => regionLine(r, report.workspaceVcpus)),
    ...(anyDefault ? ["* AWS's documented default; the account's own quota could not be read."] : []),
    ...(report.regions.some((r) => r.spotVcpus) ? [SPOT_LEGEND] : []),
    ...unknownQuotaLines(report),
    ...notes.map((n) => `- ${n}`),
    conclusion(report),
  ].join('\n');
}

/** The last line: the report's verdict in words, and for `unknown` what to check. */
function conclusion(report: ReadinessReport): string {
  switch (report.verdict) {
    case 'blocked':
      return 'Blocked: see the problems (!) above.';
    case 'unknown': {
      const unknown = report.regions.filter((r) => r.verdict === 'unknown').map((r) => r.region);
      const where = unknown.length
        ? `Cannot tell whether a workspace fits in ${unknown.join(', ')}: a limit could not be read, and AWS's default alone leaves no room. Check the quotas marked ? above; the account's own values decide.`
        : 'Every region has room.';
      const permissions = report.permissions.checked ? '' : ' The setup permissions were not checked in advance.';
      return `Unknown: ${where}${permissions}`;
    }
    case 'ready':
      return report.regions.some((r) => r.unknownQuotas.length)
        ? "Ready: some limits could not be read (?), but AWS's defaults already leave room."
        : 'Ready.';
  }
}

export const doctor: Command = async (argv: string[], _io: CliIo, deps): Promise<CommandOutput> => {
  const { credentials, region, workspaceVcpus, resources } = parseDoctorInput(argv);
  const aws = await deps.aws(credentials, region);
  // The readiness core (EC2, Service Quotas, IAM clients) loads only when doctor runs.
  const { checkReadiness } = await import('../../core/readiness');
  const report = await checkReadiness(aws, { region, workspaceVcpus, resources });
  // Only `blocked` fails the doctor (a limit that was read and is too small, a count that could not
  // be made, a missing permission); `unknown` says what to check and exits 0.
  return { json: report, human: renderReport(report, resources), exitCode: reportPasses(report) ? EXIT.ok : EXIT.aws };
};

