import { DEFAULT_PLATFORM_ACCOUNT_ID, DEFAULT_ROLE_NAME, SetupInputSchema, type InterruptedRun, type ManualStep, type SetupInput } from '../../../shared/contract/setup';
import { AppError } from '../../../shared/errors';
import type { SetupConnection } from '../../core/app/setup-service';
import type { ApplyFailedError } from '../../core/setup/apply';
import { ConfigurationStore } from '../../core/store/configurations';
import { defaultDataDir } from '../../core/store/data-dir';
import { parseFlags, requireFlag, validateWith } from '../args';
import { credentialFlags, type CliDeps, type CredentialFlags } from '../deps';
import { cancellable } from '../cancel';
import { CliExit, EXIT, type CliIo, type CommandOutput } from '../io';
import { SETUP_FLAGS, RECOVER_FLAGS } from './setup';
import type { Command } from './index';

const FIELD_TO_FLAG: Record<string, string> = {
  name: 'name',
  region: 'region',
  bucketName: 'bucket',
  tableName: 'table',
  roleName: 'role',
  externalId: 'external-id',
  platformAccountId: 'platform-account',
};

/** Parse and validate the setup flags; invalid input throws before any AWS client exists. */
export function parseSetupInput(argv: string[]): { credentials: CredentialFlags; input: SetupInput } {
  const flags = parseFlags(argv, SETUP_FLAGS);
  const credentials = credentialFlags(flags);
  for (const flag of ['region', 'name', 'bucket', 'table', 'external-id']) requireFlag(flags, flag);
  const input = validateWith(
    SetupInputSchema,
    {
      name: flags.name,
      region: flags.region,
      bucketName: flags.bucket,
      tableName: flags.table,
      roleName: flags.role ?? DEFAULT_ROLE_NAME,
      externalId: flags['external-id'],
      platformAccountId: flags['platform-account'] ?? DEFAULT_PLATFORM_ACCOUNT_ID,
    },
    FIELD_TO_FLAG,
  );
  return { credentials, input };
}

/**
 * The CLI's composition root for setup: the same service the app's handlers use. The setup core
 * (and its S3, DynamoDB and IAM clients) loads only when a setup command runs, not for --help.
 */
async function setupService(io: CliIo) {
  const { createSetupService } = await import('../../core/app/setup-service');
  const dataDir = defaultDataDir(io.env);
  return createSetupService({ dataDir, store: new ConfigurationStore(dataDir), now: Date.now });
}

/** `err` when it is an apply that failed and undid this run's changes, else null (the class loads with the setup core). */
async function applyFailure(err: unknown): Promise<ApplyFailedError | null> {
  const { ApplyFailedError: Failed } = await import('../../core/setup/apply');
  return err instanceof Failed ? err : null;
}

/** The AWS context from the command's --profile/--mfa-code (the service asks who it is once, when it needs the account). */
async function connect(deps: CliDeps, credentials: CredentialFlags, region: string): Promise<SetupConnection> {
  return { aws: await deps.aws(credentials, region), account: null, profile: credentials.profile };
}

/** Ctrl-C during apply, destroy or recover: stop after the step in flight and undo; the journal keeps the rest. */
const SETUP_CANCEL = {
  cancelling: 'cancelling — finishing the step in flight, then undoing this run\'s changes (Ctrl-C again to quit now; the journal keeps what was created for "onramp setup interrupted").',
  quitting: 'quit before undoing finished; run "onramp setup interrupted" to finish or undo.',
};

const manualLines = (manual: ManualStep[]) => manual.map((m) => `  ${m.resource} ${m.name}: ${m.reason}\n    run: ${m.command}\n    or in the console: ${m.console}`).join('\n');
const interruptedLines = (runs: InterruptedRun[]) =>
  runs.map((r) => `  run ${r.runId} (${r.configuration}, account ${r.account}, ${r.region}, started ${r.startedAt}): ${r.resources.map((x) => `${x.kind} ${x.name} [${x.state}]`).join(', ') || 'nothing created'}`).join('\n');

export const plan: Command = async (argv, io, deps) => {
  const { credentials, input } = parseSetupInput(argv);
  const result = await (await setupService(io)).plan(await connect(deps, credentials, input.region), input);
  const conflict = result.steps.some((s) => s.action === 'conflict');
  const human = [
    result.steps.map((s) => `${s.action.toUpperCase().padEnd(8)} ${s.resource.padEnd(6)} ${s.name}\n         ${s.detail}`).join('\n'),
    result.interrupted.length ? `\nInterrupted runs of this configuration (apply finishes them):\n${interruptedLines(result.interrupted)}` : '',
    conflict ? '\nThe plan has conflicts and cannot be applied.' : '',
  ].filter(Boolean).join('\n');
  return { json: result, human, exitCode: conflict ? EXIT.aws : EXIT.ok };
};

export const apply: Command = async (argv, io, deps) => {
  const { credentials, input } = parseSetupInput(argv);
  const service = await setupService(io);
  const cancel = cancellable(io, SETUP_CANCEL);
  try {
    const saved = await service.apply(await connect(deps, credentials, input.region), input, {
      signal: cancel.signal,
      onStep: (s) => {
        if (s.state !== 'pending') io.stderr(`[${s.state}] ${s.label}${s.detail ? `: ${s.detail}` : ''}\n`);
      },
    });
    const { accountId: _a, profile: _p, createdAt: _c, verifiedAt: _v, identity: _i, ...result } = saved;
    const human = Object.entries(result).map(([k, v]) => `${k.padEnd(18)} ${String(v)}`).join('\n');
    return { json: result, human, exitCode: EXIT.ok };
  } catch (err) {
    const failed = await applyFailure(err);
    if (failed) {
      const code = failed.code === 'Cancelled' ? EXIT.cancelled : EXIT.rolledBack;
      const human = failed.manual.length ? `${failed.message}\nTo finish by hand:\n${manualLines(failed.manual)}` : failed.message;
      throw new CliExit(code, { error: { code: failed.code === 'Cancelled' ? 'Cancelled' : failed.cause.code, message: failed.message }, rolledBack: failed.rolledBack, manual: failed.manual }, human);
    }
    throw err;
  } finally {
    cancel.done();
  }
};

export const verify: Command = async (argv, io, deps) => {
  const { credentials, input } = parseSetupInput(argv);
  const result = await (await setupService(io)).verify(await connect(deps, credentials, input.region), input);
  const human = result.checks.map((c) => `${c.ok ? 'ok  ' : 'FAIL'} ${c.label.padEnd(52)} ${c.detail}`).join('\n') + (result.ok ? '' : '\n\nRe-run "onramp setup apply" with the same flags to repair what Onramp can repair; "setup plan" shows what.');
  return { json: result, human, exitCode: result.ok ? EXIT.ok : EXIT.aws };
};

export const destroy: Command = async (argv, io, deps) => {
  const { credentials, input } = parseSetupInput(argv);
  const cancel = cancellable(io, SETUP_CANCEL);
  try {
    const result = await (await setupService(io)).destroy(await connect(deps, credentials, input.region), input, { signal: cancel.signal });
    const human =
      [...result.deleted.map((d) => `deleted ${d}`), ...result.kept.map((k) => `KEPT    ${k.resource}: ${k.reason}`), ...result.notes.map((n) => `note    ${n}`), result.cancelled ? 'Cancelled: the rest was left in place.' : '']
        .filter(Boolean)
        .join('\n') || 'Nothing to delete.';
    return { json: result, human, exitCode: result.cancelled ? EXIT.cancelled : result.kept.length ? EXIT.aws : EXIT.ok };
  } finally {
    cancel.done();
  }
};

export const interrupted: Command = async (argv, io) => {
  parseFlags(argv, {});
  const found = await (await setupService(io)).interrupted();
  const human = [
    found.runs.length ? `Interrupted setup runs:\n${interruptedLines(found.runs)}\n\nFinish or undo one with: onramp setup recover --profile PROFILE --run RUN --action finish|undo` : 'No interrupted setup runs.',
    ...found.unreadable.map((u) => `unreadable journal ${u.file}: ${u.reason}`),
  ].join('\n');
  return { json: found, human, exitCode: EXIT.ok };
};

export const recover: Command = async (argv, io, deps) => {
  const flags = parseFlags(argv, RECOVER_FLAGS);
  const credentials = credentialFlags(flags);
  const runId = requireFlag(flags, 'run');
  const action = requireFlag(flags, 'action');
  if (action !== 'finish' && action !== 'undo') throw new AppError('InvalidInput', '--action must be finish or undo.', '--action');
  const service = await setupService(io);
  const run = (await service.interrupted()).runs.find((r) => r.runId === runId);
  if (!run) throw new AppError('InvalidInput', `No interrupted run ${runId}; "onramp setup interrupted" lists them.`, '--run');
  const cancel = cancellable(io, SETUP_CANCEL);
  try {
    const out = await service.resolveInterrupted(await connect(deps, credentials, run.region), runId, action, {
      signal: cancel.signal,
      onStep: (s) => {
        if (s.state !== 'pending') io.stderr(`[${s.state}] ${s.label}${s.detail ? `: ${s.detail}` : ''}\n`);
      },
    });
    const human = action === 'finish' ? `Finished: configuration ${run.configuration} is complete and saved.` : `Undone: ${out.undone.join(', ') || 'nothing was left to delete'}.`;
    return { json: out, human, exitCode: EXIT.ok };
  } catch (err) {
    const failed = await applyFailure(err);
    if (failed) {
      throw new CliExit(failed.code === 'Cancelled' ? EXIT.cancelled : EXIT.aws, { error: { code: failed.code, message: failed.message }, rolledBack: failed.rolledBack, manual: failed.manual }, failed.message);
    }
    throw err;
  } finally {
    cancel.done();
  }
};

export type { CommandOutput };
