import type {
  ApplyStepStatus,
  CloudConfiguration,
  CreatedIdentity,
  DestroyResult,
  InterruptedRun,
  Plan,
  SavedConfiguration,
  SetupInput,
  VerifyResult,
} from '../../../shared/contract/setup';
import { AppError } from '../../../shared/errors';
import type { AwsContext } from '../aws/context';
import { whoAmI } from '../profiles/session';
import { ApplyFailedError, applySetupDetailed, type ApplyOptions } from '../setup/apply';
import type { Claims } from '../setup/claims';
import { destroyConfiguration, type DestroyTarget } from '../setup/destroy';
import { SetupJournal, type Journal, type UnreadableJournal } from '../setup/journal';
import { isLockHeldBy, resourceLockNames, withResourceLock } from '../setup/lock';
import { computePlan } from '../setup/plan';
import { describeManual, rollback } from '../setup/rollback';
import { undoJournal } from '../setup/undo-journal';
import type { RunJournal } from '../setup/run-context';
import { verifyConfiguration } from '../setup/verify';
import { nameTakenBy, sameResources } from '../../../shared/setup/saved-configurations';
import { ConfigurationNameTaken, type ConfigurationStore } from '../store/configurations';
import { checkDataDir } from '../store/data-dir';

/** Who is connected: the AWS context and, when already known, its account and profile. */
export interface SetupConnection {
  aws: AwsContext;
  /** The connected account, or null to ask STS once. */
  account: string | null;
  profile: string | null;
}

/** What the setup service is built from. */
export interface SetupServiceDeps {
  dataDir: string;
  store: ConfigurationStore;
  now: () => number;
  /** Lock folder (tests); defaults to the per-user one. */
  lockDir?: string;
  /** Timing of apply (tests make it fast). */
  tuning?: Pick<ApplyOptions, 'pollMs' | 'iamPropagationMs' | 'rollbackMs' | 'timeoutMs'>;
}

/** Live hooks of one long run. */
export interface RunHooks {
  onStep?: (step: ApplyStepStatus) => void;
  signal?: AbortSignal;
}

/** The interrupted runs found on disk, and any journal file that could not be read. */
export interface InterruptedRuns {
  runs: InterruptedRun[];
  unreadable: UnreadableJournal[];
}

/** A journal adapter that writes the run's file on first use, and knows whether anything is left in it. */
function lazyJournal(journal: SetupJournal, fields: Parameters<SetupJournal['begin']>[0]): RunJournal & { runId(): string | null; isEmpty(): boolean } {
  let current: Journal | null = null;
  let starting: Promise<Journal> | null = null;
  // Bucket and table start in parallel: one begin for both, and one write at a time.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    mark: async (kind, name, state, identity) => {
      starting ??= journal.begin(fields).then((j) => (current = j));
      const j = await starting;
      const next = queue.then(() => journal.mark(j, kind, name, state, identity));
      queue = next.catch(() => undefined);
      await next;
    },
    drop: async (kind) => {
      const j = current;
      if (!j) return;
      const next = queue.then(() => journal.drop(j, kind));
      queue = next.catch(() => undefined);
      await next;
    },
    runId: () => current?.runId ?? null,
    isEmpty: () => !current || current.resources.length === 0,
  };
}

function toInterrupted(j: Journal): InterruptedRun {
  return { runId: j.runId, configuration: j.configuration, account: j.account, region: j.region, profile: j.profile, startedAt: j.startedAt, resources: j.resources, input: j.input };
}

/**
 * Setup as the app and the CLI both use it: plan, apply-then-save, verify-then-mark-verified,
 * destroy-then-forget, and recovery of interrupted runs. Handlers and CLI commands only adapt it.
 */
export function createSetupService(deps: SetupServiceDeps) {
  const journal = new SetupJournal(deps.dataDir);

  async function accountOf(conn: SetupConnection): Promise<string> {
    return conn.account ?? (await whoAmI(conn.aws)).account;
  }

  async function claims(): Promise<Claims> {
    const [saved, { journals }] = await Promise.all([deps.store.list(), journal.list()]);
    return { saved, journals };
  }

  /** A journal whose run is not running any more (its process died, or this process finished with it). */
  function isInterrupted(j: Journal): boolean {
    const names = resourceLockNames(j.input);
    return !names.some((n) => isLockHeldBy(n, j.pid, deps.lockDir));
  }

  async function interrupted(): Promise<InterruptedRuns> {
    const { journals, unreadable } = await journal.list();
    return { runs: journals.filter(isInterrupted).map(toInterrupted), unreadable };
  }

  /**
   * Refuse a name this account already uses for a configuration of other resources, before anything
   * is sent to create: saving it would replace that record and orphan its resources out of sight.
   */
  async function refuseTakenName(input: SetupInput, account: string): Promise<void> {
    const taken = nameTakenBy(await deps.store.list(), account, input);
    if (taken) throw new ConfigurationNameTaken(taken);
  }

  /**
   * With names given by hand (the CLI) and none saved for this account: the configuration of that
   * name and bucket saved for another account (a bucket name is global, so it is that very
   * configuration), or null. Verify and destroy refuse it rather than read or touch the wrong account.
   */
  async function savedElsewhere(target: Pick<SetupInput, 'name' | 'bucketName'>, account: string): Promise<SavedConfiguration | null> {
    const list = await deps.store.list();
    if (list.some((c) => c.accountId === account && c.name === target.name)) return null;
    return list.find((c) => c.name === target.name && c.accountId !== account && c.bucketName === target.bucketName) ?? null;
  }

  /**
   * Journals of this configuration and account that a completed apply or destroy has settled: only
   * those listing nothing but these very names (a journal naming another bucket, table or role stays,
   * so what it lists is never orphaned out of sight).
   */
  async function clearSettled(target: DestroyTarget, account: string, except: string | null): Promise<void> {
    const nameOf = { bucket: target.bucketName, table: target.tableName, role: target.roleName.toLowerCase(), policy: target.roleName.toLowerCase() } as const;
    const { journals } = await journal.list();
    for (const j of journals) {
      if (j.configuration !== target.name || j.account !== account || j.runId === except || !isInterrupted(j)) continue;
      if (j.region !== target.region && j.resources.some((r) => r.kind === 'table')) continue;
      const covered = j.resources.every((r) => (r.kind === 'role' || r.kind === 'policy' ? r.name.toLowerCase() : r.name) === nameOf[r.kind]);
      if (covered) await journal.clear(j.runId);
    }
  }

  async function apply(conn: SetupConnection, input: SetupInput, hooks: RunHooks = {}): Promise<SavedConfiguration> {
    // Before anything is sent: the journal and the saved list must have somewhere to go.
    await checkDataDir(deps.dataDir);
    const account = await accountOf(conn);
    await refuseTakenName(input, account);
    const run = lazyJournal(journal, { configuration: input.name, account, profile: conn.profile, input, now: deps.now });
    let config: CloudConfiguration;
    let identity: CreatedIdentity;
    try {
      ({ config, identity } = await applySetupDetailed(conn.aws, input, {
        ...deps.tuning,
        account,
        claims: await claims(),
        journal: run,
        onStep: hooks.onStep,
        signal: hooks.signal,
        lockDir: deps.lockDir,
        now: deps.now,
      }));
    } catch (err) {
      const id = run.runId();
      if (id && run.isEmpty()) await journal.clear(id);
      throw err;
    }
    const saved: SavedConfiguration = { ...config, accountId: account, profile: conn.profile, createdAt: new Date(deps.now()).toISOString(), verifiedAt: null, identity };
    await deps.store.save(saved);
    // Saved: only now is the journal's job done (a crash before this line leaves it for recovery).
    const id = run.runId();
    if (id) await journal.clear(id);
    await clearSettled(input, account, id);
    return saved;
  }

  return {
    interrupted,

    /** The plan, with this configuration's interrupted runs and other configurations' claims. */
    async plan(conn: SetupConnection, input: SetupInput): Promise<Plan> {
      const account = await accountOf(conn);
      await refuseTakenName(input, account);
      const { runs } = await interrupted();
      const mine = runs.filter((r) => r.configuration === input.name && r.account === account);
      return (await computePlan(conn.aws, input, { account, claims: await claims(), interrupted: mine })).plan;
    },

    /** Apply, then save the configuration; the journal is cleared only once it is saved. */
    apply,

    /** Verify a saved configuration (or, from the CLI, names given by hand) and record the outcome. */
    async verify(conn: SetupConnection, target: SetupInput & { tableArn?: string; roleArn?: string; accountId?: string }): Promise<VerifyResult> {
      const account = await accountOf(conn);
      requireSameAccount({ name: target.name, accountId: target.accountId ?? (await savedElsewhere(target, account))?.accountId ?? account }, account);
      const key = { accountId: account, name: target.name };
      // The saved record counts only when the names are its own (names given by hand may describe others).
      const found = await deps.store.get(key);
      const saved = found && sameResources(found, target) ? found : null;
      const result = await verifyConfiguration(conn.aws, saved ? { ...target, tableArn: saved.tableArn, roleArn: saved.roleArn } : target, { account, claims: await claims() });
      // A failed verify clears the last success, so "Verified" never outlives the drift it missed.
      if (saved) await deps.store.update(key, { verifiedAt: result.ok ? new Date(deps.now()).toISOString() : null });
      return result;
    },

    /** Destroy, then forget the configuration when nothing had to be kept. */
    async destroy(conn: SetupConnection, target: DestroyTarget & { accountId?: string }, hooks: Pick<RunHooks, 'signal'> = {}): Promise<DestroyResult> {
      await checkDataDir(deps.dataDir);
      const account = await accountOf(conn);
      requireSameAccount({ name: target.name, accountId: target.accountId ?? (await savedElsewhere(target, account))?.accountId ?? account }, account);
      const result = await destroyConfiguration(conn.aws, target, { account, claims: await claims(), signal: hooks.signal, lockDir: deps.lockDir });
      if (result.kept.length === 0 && !result.cancelled) {
        // Only this account's record of these resources: another account's configuration of the same name stays.
        const key = { accountId: account, name: target.name };
        const saved = await deps.store.get(key);
        if (saved && sameResources(saved, target)) await deps.store.remove(key);
        await clearSettled(target, account, null);
      }
      return result;
    },

    /** Finish (re-apply, hardening what was created) or undo (delete exactly what it lists) an interrupted run. */
    async resolveInterrupted(conn: SetupConnection, runId: string, action: 'finish' | 'undo', hooks: RunHooks = {}): Promise<{ saved: SavedConfiguration | null; undone: string[] }> {
      const found = (await interrupted()).runs.find((r) => r.runId === runId);
      if (!found) throw new AppError('NotFound', 'That interrupted run is not known (it may have been finished or undone already).', 'runId');
      await checkDataDir(deps.dataDir);
      const account = await accountOf(conn);
      if (found.account !== account) {
        throw new AppError('WrongAccount', `This run was in account ${found.account}; you are connected to ${account}. Connect with a profile of account ${found.account}.`);
      }
      if (action === 'finish') return { saved: await apply(conn, found.input, hooks), undone: [] };
      return withResourceLock(resourceLockNames(found.input), async () => {
        const all = await claims();
        const { created, skipped } = await undoJournal(conn.aws, found, account, all);
        const emit = (id: ApplyStepStatus['id'], state: ApplyStepStatus['state'], detail: string | null = null) =>
          hooks.onStep?.({ id, label: id === 'rollback' ? 'Undo the interrupted run' : id, state, detail });
        const jf = { mark: async () => undefined, drop: async () => undefined };
        const { undone, manual } = await rollback(created, { emit, journal: jf, boundMs: deps.tuning?.rollbackMs, now: deps.now });
        if (manual.length) {
          throw new ApplyFailedError(`Could not undo all of the interrupted run. Undid: ${undone.join(', ') || 'nothing'}. Left: ${describeManual(manual)}.`, undone, new AppError('AwsError', 'undo incomplete'), manual);
        }
        await journal.clear(runId);
        return { saved: null, undone: [...undone, ...skipped.map((s) => `(left ${s})`)] };
      }, { dir: deps.lockDir });
    },
  };
}

/** The setup service's type. */
export type SetupService = ReturnType<typeof createSetupService>;

/** Refuse to act on a configuration saved for another account than the connected one (before any AWS call). */
export function requireSameAccount(saved: { name: string; accountId: string }, account: string): void {
  if (saved.accountId !== account) {
    throw new AppError('WrongAccount', `This configuration belongs to account ${saved.accountId}; you are connected to ${account}. Connect with a profile of account ${saved.accountId}.`);
  }
}
