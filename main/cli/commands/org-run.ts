import type { OrgAccountResult, OrgPlan, OrgRolloutInput } from '../../../shared/contract/org';
import { OrgRolloutInputSchema, OrgSubjectSchema, OrgTargetsSchema } from '../../../shared/contract/org';
import { DEFAULT_PLATFORM_ACCOUNT_ID, DEFAULT_ROLE_NAME } from '../../../shared/defaults';
import { AppError } from '../../../shared/errors';
import type { Registrar } from '../../core/org/register';
import type { RolloutReporter } from '../../core/org/report';
import { ConfigurationStore } from '../../core/store/configurations';
import { defaultDataDir } from '../../core/store/data-dir';
import { parseFlags, requireFlag, validateWith, type ParsedFlags } from '../args';
import { runCancellable } from '../cancel';
import { credentialFlags, type CliDeps, type CredentialFlags } from '../deps';
import { CliExit, EXIT, type CliIo } from '../io';
import { ORG_DESTROY_FLAGS, ORG_FLAGS, ORG_STATUS_FLAGS } from './org';
import type { Command } from './index';

const FIELD_TO_FLAG: Record<string, string> = {
  name: 'name',
  region: 'region',
  bucketPattern: 'bucket',
  tableName: 'table',
  roleName: 'role',
  platformAccountId: 'platform-account',
  autoDeploy: 'auto-deploy',
  ous: 'ou',
  accounts: 'accounts',
  exclude: 'exclude',
};

// The roll-out core (and its CloudFormation and Organizations clients) loads when an org command runs.
const core = async () => {
  const [rollout, plan, apply, status, destroy, seeds, register] = await Promise.all([
    import('../../core/org/rollout'),
    import('../../core/org/plan'),
    import('../../core/org/apply'),
    import('../../core/org/status'),
    import('../../core/org/destroy'),
    import('../../core/org/seeds'),
    import('../../core/org/register'),
  ]);
  return { ...rollout, ...plan, ...apply, ...status, ...destroy, ...seeds, ...register };
};

/** Parse and check the plan/apply flags; invalid input throws (exit 2) before any AWS client exists. */
export function parseOrgInput(argv: string[]): { credentials: CredentialFlags; input: OrgRolloutInput; flags: ParsedFlags } {
  const flags = parseFlags(argv, ORG_FLAGS);
  const credentials = credentialFlags(flags);
  for (const flag of ['region', 'name', 'bucket', 'table']) requireFlag(flags, flag);
  if (flags['external-id'] !== undefined) {
    throw new AppError('InvalidInput', '--external-id: a roll-out gives every account its own external ID (shown by "onramp org plan"); leave --external-id out.', '--external-id');
  }
  const targets = validateWith(OrgTargetsSchema, { ous: flags.ou ?? [], accounts: flags.accounts ?? [], exclude: flags.exclude ?? [] }, FIELD_TO_FLAG);
  const input = validateWith(
    OrgRolloutInputSchema,
    {
      name: flags.name,
      region: flags.region,
      bucketPattern: flags.bucket,
      tableName: flags.table,
      roleName: flags.role ?? DEFAULT_ROLE_NAME,
      platformAccountId: flags['platform-account'] ?? DEFAULT_PLATFORM_ACCOUNT_ID,
      targets,
      autoDeploy: flags['auto-deploy'] === true,
    },
    FIELD_TO_FLAG,
  );
  return { credentials, input, flags };
}

/** Parse and check the status/destroy flags. */
function parseSubject(argv: string[], spec: typeof ORG_STATUS_FLAGS) {
  const flags = parseFlags(argv, spec);
  const credentials = credentialFlags(flags);
  for (const flag of ['region', 'name']) requireFlag(flags, flag);
  const subject = validateWith(OrgSubjectSchema, { name: flags.name, region: flags.region, accounts: flags.accounts ?? [] }, FIELD_TO_FLAG);
  return { credentials, subject, flags };
}

/** The platform registrar from BODO_ORG_CLIENT_ID / BODO_ORG_SECRET_KEY, or why there is none. */
async function registrar(io: CliIo): Promise<{ register: Registrar | null; skipped: string }> {
  if (!io.env.BODO_ORG_CLIENT_ID && !io.env.BODO_ORG_SECRET_KEY) {
    return { register: null, skipped: 'set BODO_ORG_CLIENT_ID and BODO_ORG_SECRET_KEY to register each account with the Bodo Platform' };
  }
  const { credentialsFromEnv } = await import('./platform-run');
  const creds = credentialsFromEnv(io.env);
  const { createPlatformClient, resolvePlatformUrls } = await import('../../core/platform');
  const { SettingsStore } = await import('../../core/settings/settings-store');
  const urls = resolvePlatformUrls(io.env, await new SettingsStore(defaultDataDir(io.env)).get());
  const { platformRegistrar } = await core();
  return { register: platformRegistrar(createPlatformClient({ urls, credentials: async () => creds }).configs), skipped: '' };
}

/** Progress on stderr: each step and account as its state changes. */
function progress(io: CliIo): Pick<RolloutReporter, 'step' | 'item'> {
  const last = new Map<string, string>();
  const say = (key: string, text: string) => {
    if (last.get(key) === text) return;
    last.set(key, text);
    io.stderr(`${text}\n`);
  };
  return {
    step: (s) => say(`step:${s.id}`, `[${s.state}] ${s.label}${s.detail ? `: ${s.detail}` : ''}`),
    item: (i) => say(`item:${i.id}`, `  ${i.label}: ${i.state}${i.reason ? ` — ${i.reason}` : ''}`),
  };
}

function planLines(plan: OrgPlan): string {
  const head = [
    `Organization ${plan.organizationId} (management account ${plan.managementAccount}); administering account ${plan.adminAccount} (${plan.stackSet.callAs === 'SELF' ? 'management' : 'delegated administrator'})`,
    `StackSet ${plan.stackSet.name} in ${plan.region}: ${plan.stackSet.action}${plan.stackSet.autoDeploy ? ' (automatic deployment on)' : ''}`,
    `Trusted access for StackSets: ${plan.trustedAccess}${plan.trustedAccessHelp ? `\n  ${plan.trustedAccessHelp}` : ''}`,
    '',
  ];
  const rows = plan.accounts.map(
    (a) =>
      `${a.action.toUpperCase().padEnd(8)} ${a.accountId} ${a.accountName} (${a.path})\n         ${a.reason}` +
      (a.action === 'skip' ? '' : `\n         bucket ${a.names.bucket}, table ${a.names.table}, role ${a.names.roleArn}\n         external ID ${a.names.externalId}\n         found: ${a.existing.detail}`),
  );
  return [...head, ...rows, ...(plan.notes.length ? ['', ...plan.notes] : [])].join('\n');
}

function accountLines(accounts: readonly OrgAccountResult[]): string {
  return accounts
    .map((a) => {
      const reg = a.registration.state === 'not-attempted' ? '' : `\n         platform: ${a.registration.state}${a.registration.detail ? ` — ${a.registration.detail}` : ''}`;
      return `${a.status.toUpperCase().padEnd(9)} ${a.accountId} ${a.accountName} ${a.region}${a.reason ? `\n         ${a.reason}` : ''}${a.status === 'succeeded' ? `\n         role ${a.roleArn}, external ID ${a.externalId}, bucket ${a.bucket}` : ''}${reg}`;
    })
    .join('\n');
}

async function open(io: CliIo, deps: CliDeps, credentials: CredentialFlags, input: OrgRolloutInput) {
  const c = await core();
  const aws = await deps.aws(credentials, input.region);
  return { c, aws, rollout: await c.openRollout(aws, input, new c.SeedStore(defaultDataDir(io.env))) };
}

async function planWith(io: CliIo, deps: CliDeps, credentials: CredentialFlags, input: OrgRolloutInput, flags: ParsedFlags, signal?: AbortSignal) {
  const { c, rollout } = await open(io, deps, credentials, input);
  const saved = await new ConfigurationStore(defaultDataDir(io.env)).list();
  const memberRole = typeof flags['member-role'] === 'string' ? flags['member-role'] : undefined;
  return { c, rollout, plan: await c.planRollout(rollout, input, { saved, memberRole, signal }) };
}

export const plan: Command = async (argv, io, deps) => {
  const { credentials, input, flags } = parseOrgInput(argv);
  const { plan: result } = await planWith(io, deps, credentials, input, flags);
  const conflict = result.accounts.some((a) => a.action === 'conflict');
  return { json: result, human: planLines(result) + (conflict ? '\n\nThe plan has conflicts and cannot be applied.' : ''), exitCode: conflict ? EXIT.aws : EXIT.ok };
};

export const apply: Command = async (argv, io, deps) => {
  const { credentials, input, flags } = parseOrgInput(argv);
  const messages = {
    cancelling: 'cancelling — stopping the StackSet operation in flight (accounts already done keep their configuration; "onramp org destroy" removes them). Ctrl-C again to quit now.',
    quitting: 'quit; the StackSet operation may still be stopping: "onramp org status" shows each account.',
  };
  // One run (the run module the app uses): Ctrl-C fires its signal, the plan and the roll-out stop.
  const out = await runCancellable(io, messages, (runs) =>
    runs.start({
      kind: 'org-apply',
      subject: input.name,
      fields: {},
      work: async (run) => {
        const { c, rollout, plan: planned } = await planWith(io, deps, credentials, input, flags, run.signal);
        const { register, skipped } = await registrar(io);
        const say = progress(io);
        return c.applyRollout(rollout, input, planned, {
          step: (s) => (run.step(s), say.step?.(s)),
          item: (i) => (run.item(i), say.item?.(i)),
          signal: run.signal,
          consentTrustedAccess: flags['enable-trusted-access'] === true,
          register,
          registerSkipped: skipped,
        });
      },
    }),
  );
  const { cancelled, ...json } = out;
  const failed = json.accounts.filter((a) => a.status === 'failed');
  const unregistered = json.accounts.filter((a) => a.registration.state === 'mismatch' || a.registration.state === 'failed');
  const tail = [
    cancelled ? 'Cancelled: accounts done keep their configuration.' : '',
    failed.length ? `${failed.length} account${failed.length === 1 ? '' : 's'} failed; run "onramp org apply" again with the same flags to retry them alone.` : '',
    unregistered.length ? `${unregistered.length} account${unregistered.length === 1 ? '' : 's'} not registered as deployed (see above).` : '',
  ].filter(Boolean);
  const human = [`StackSet ${json.stackSet.name} (${json.stackSet.region})`, accountLines(json.accounts), ...tail].join('\n');
  const exitCode = cancelled ? EXIT.cancelled : failed.length || unregistered.length ? EXIT.aws : EXIT.ok;
  if (exitCode !== EXIT.ok) throw new CliExit(exitCode, json, human);
  return { json, human, exitCode };
};

export const status: Command = async (argv, io, deps) => {
  const { credentials, subject, flags } = parseSubject(argv, ORG_STATUS_FLAGS);
  const c = await core();
  const aws = await deps.aws(credentials, subject.region);
  const rollout = await c.openExisting(aws, subject.name, subject.region);
  let platform = null;
  if (io.env.BODO_ORG_CLIENT_ID || io.env.BODO_ORG_SECRET_KEY) {
    const { credentialsFromEnv } = await import('./platform-run');
    const creds = credentialsFromEnv(io.env);
    const { createPlatformClient, resolvePlatformUrls } = await import('../../core/platform');
    const { SettingsStore } = await import('../../core/settings/settings-store');
    platform = createPlatformClient({ urls: resolvePlatformUrls(io.env, await new SettingsStore(defaultDataDir(io.env)).get()), credentials: async () => creds }).configs;
  }
  const result = await c.rolloutStatus(rollout, { drift: flags.drift === true, verify: flags.verify === true, platform, accounts: subject.accounts });
  const bad = result.accounts.filter((a) => a.detailedStatus !== 'SUCCEEDED' || a.drift === 'DRIFTED' || (a.verify && !a.verify.ok));
  const human = [
    `StackSet ${result.stackSet.name} (${result.stackSet.region})${result.stackSet.autoDeploy ? ', automatic deployment on' : ''}`,
    ...result.accounts.map((a) => {
      const failed = a.verify ? a.verify.checks.filter((x) => !x.ok).map((x) => x.label) : [];
      const verify = a.verify ? (a.verify.error ? `checks: could not run (${a.verify.error})` : a.verify.ok ? 'checks: ok' : `checks FAILED: ${failed.join('; ')}`) : '';
      return `${a.accountId} ${a.instanceStatus}${a.detailedStatus ? `/${a.detailedStatus}` : ''}${a.drift && a.drift !== 'NOT_CHECKED' ? ` drift ${a.drift}` : ''}${a.reason ? ` — ${a.reason}` : ''}${verify ? `\n  ${verify}` : ''}\n  platform: ${a.registration.state}${a.registration.detail ? ` — ${a.registration.detail}` : ''}`;
    }),
    ...result.notes,
  ].join('\n');
  return { json: result, human, exitCode: bad.length ? EXIT.aws : EXIT.ok };
};

export const destroy: Command = async (argv, io, deps) => {
  const { credentials, subject } = parseSubject(argv, ORG_DESTROY_FLAGS);
  const c = await core();
  const aws = await deps.aws(credentials, subject.region);
  const rollout = await c.openExisting(aws, subject.name, subject.region);
  const messages = {
    cancelling: 'cancelling — stopping the StackSet operation in flight; what was removed stays removed. Ctrl-C again to quit now.',
    quitting: 'quit; "onramp org status" shows what is left.',
  };
  const result = await runCancellable(io, messages, (runs) =>
    runs.start({
      kind: 'org-destroy',
      subject: subject.name,
      fields: {},
      work: (run) => {
        const say = progress(io);
        return c.destroyRollout(rollout, {
          step: (s) => (run.step(s), say.step?.(s)),
          item: (i) => (run.item(i), say.item?.(i)),
          signal: run.signal,
          accounts: subject.accounts,
          seeds: new c.SeedStore(defaultDataDir(io.env)),
        });
      },
    }),
  );
  const human =
    [
      ...result.removed.map((x) => `removed ${x.accountId} ${x.region}`),
      ...result.kept.map((x) => `KEPT    ${x.accountId} ${x.region}: ${x.reason}`),
      ...result.manual.map((m) => `by hand ${m.accountId}: ${m.what}\n        ${m.command}`),
      result.stackSetDeleted ? `deleted StackSet ${rollout.scope.name}` : '',
      result.cancelled ? 'Cancelled: the rest was left in place.' : '',
    ]
      .filter(Boolean)
      .join('\n') || 'Nothing to remove.';
  const exitCode = result.cancelled ? EXIT.cancelled : result.kept.length ? EXIT.aws : EXIT.ok;
  if (exitCode !== EXIT.ok) throw new CliExit(exitCode, result, human);
  return { json: result, human, exitCode };
};
