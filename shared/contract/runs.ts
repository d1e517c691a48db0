/**
 * Runs: every long operation (setup apply, recover and destroy, alarm create and delete, SSO sign-in,
 * and what later work adds: cost refreshes, budgets, the watcher's passes, organization roll-outs) is
 * a run. A domain channel starts one and answers its id, always made by main (`RunRef`); from then on
 * the renderer asks `runs:progress` and `runs:cancel` by that id, and `runs:list` finds every run
 * again after a window reload.
 *
 * One progress shape for all: shared base fields (state, cancelling, steps, per-item table, error,
 * what was undone) and, per `kind`, a typed `result` plus the few fields only that kind has. A new
 * kind of run adds one member to `RunProgressSchema`, never a channel.
 */
import { z } from 'zod';
import { AppErrorSchema, EmptySchema, RegionSchema, RunQuerySchema } from './common';
import type { ContractEntry } from './entry';
import { AlarmDeleteResultSchema, CreateAlarmResultSchema } from './alarms';
import { CreateBudgetResultSchema } from './budgets';
import { CostReportSchema } from './cost';
import { OrgApplyResultSchema, OrgDestroyResultSchema } from './org';
import type { RUNS_CHANNELS } from './runs.channels';
import { ApplyStepStatusSchema, CloudConfigurationSchema, DestroyResultSchema, ManualStepSchema } from './setup';
import { SsoCodeSchema } from './sso';
import { WatchPassResultSchema } from '../watch/events';

export { RunIdSchema, RunQuerySchema, RunRefSchema, type RunRef } from './common';

/** Where a run stands: running, or how it ended. */
export const RunStateSchema = z.enum(['running', 'succeeded', 'failed', 'cancelled']);
export type RunState = z.infer<typeof RunStateSchema>;

/** Where one step or item stands. */
export const RunStepStateSchema = z.enum(['pending', 'running', 'done', 'skipped', 'failed', 'undone']);
export type RunStepState = z.infer<typeof RunStepStateSchema>;

/** One step of a run, in order (a kind may narrow `id` to its own steps). */
export const RunStepSchema = z.object({ id: z.string(), label: z.string(), state: RunStepStateSchema, detail: z.string().nullable() });
export type RunStep = z.infer<typeof RunStepSchema>;

/**
 * One row of a run that works through many similar things at once (an organization roll-out: one per
 * account and region), each with its own state and the reason it failed or was skipped.
 */
export const RunItemSchema = z.object({ id: z.string(), label: z.string(), state: RunStepStateSchema, reason: z.string().nullable() });
export type RunItem = z.infer<typeof RunItemSchema>;

/** The fields every run has, whatever its kind. Times are epoch milliseconds. */
export const RunBaseSchema = z.object({
  runId: z.string(),
  /** What the run works on, as the user named it: a configuration, an alarm, a profile. */
  subject: z.string(),
  state: RunStateSchema,
  /** False for a run that cannot stop part-way (runs:cancel then answers cancelled: false). */
  cancellable: z.boolean(),
  /** True once a cancel was asked for and the run is stopping (it still undoes what it made). */
  cancelling: z.boolean(),
  startedAt: z.number(),
  endedAt: z.number().nullable(),
  steps: z.array(RunStepSchema),
  items: z.array(RunItemSchema),
  /** Why it failed or that it was cancelled; null while running and on success. */
  error: AppErrorSchema.nullable(),
  /** What the run undid after failing or being cancelled. */
  rolledBack: z.array(z.string()),
});
export type RunBase = z.infer<typeof RunBaseSchema>;

/** What a setup run's rollback could not undo, with the command and console place to finish by hand. */
const setupRun = { steps: z.array(ApplyStepStatusSchema), manual: z.array(ManualStepSchema), result: CloudConfigurationSchema.nullable() };

/** The progress of one run: the shared fields, and per kind its result and own fields. */
export const RunProgressSchema = z.discriminatedUnion('kind', [
  /** Creating (or repairing) a Cloud Configuration; `subject` is its name. */
  RunBaseSchema.extend({ kind: z.literal('setup-apply'), ...setupRun }),
  /** Finishing or undoing an interrupted setup run; `subject` is its configuration. */
  RunBaseSchema.extend({ kind: z.literal('setup-recover'), action: z.enum(['finish', 'undo']), ...setupRun }),
  /** Tearing a saved configuration down. */
  RunBaseSchema.extend({ kind: z.literal('setup-destroy'), result: DestroyResultSchema.nullable() }),
  /** Creating (or updating) an alarm in one or more regions, all or nothing; `subject` is its name. */
  RunBaseSchema.extend({ kind: z.literal('alarm-create'), result: CreateAlarmResultSchema.nullable() }),
  /** Deleting an alarm in the regions given (and, with deleteTopic, the topics Onramp made for it that nothing else uses). */
  RunBaseSchema.extend({ kind: z.literal('alarm-delete'), regions: z.array(RegionSchema), deleteTopic: z.boolean(), result: AlarmDeleteResultSchema.nullable() }),
  /** Signing an SSO profile in; `subject` is the profile, `code` what to confirm once the service gave it. */
  RunBaseSchema.extend({ kind: z.literal('sso-sign-in'), code: SsoCodeSchema.nullable(), result: z.object({ expiresAt: z.string() }).nullable() }),
  /** Refreshing spend from Cost Explorer (a request per step and page, $0.01 each); `subject` is the period. */
  RunBaseSchema.extend({ kind: z.literal('cost-refresh'), result: CostReportSchema.nullable() }),
  /** Creating a budget with its alerts, all or nothing; `subject` is its name. */
  RunBaseSchema.extend({ kind: z.literal('budget-create'), result: CreateBudgetResultSchema.nullable() }),
  /**
   * Rolling a configuration out to an organization's accounts through a StackSet; `subject` is the
   * roll-out's name, one item per account and region. A cancel stops the StackSet operation in flight
   * (accounts done keep their configuration) and the result says `cancelled`.
   */
  RunBaseSchema.extend({ kind: z.literal('org-apply'), result: OrgApplyResultSchema.extend({ cancelled: z.boolean() }).nullable() }),
  /** Removing a roll-out's stack instances (and its StackSet once empty); one item per account and region. */
  RunBaseSchema.extend({ kind: z.literal('org-destroy'), result: OrgDestroyResultSchema.nullable() }),
  /** One pass of the background watcher (alarms, vCPUs, subscriptions, credentials, spend, drift); `subject` is the profile. */
  RunBaseSchema.extend({ kind: z.literal('watch-pass'), result: WatchPassResultSchema.nullable() }),
]);
export type RunProgress = z.infer<typeof RunProgressSchema>;
/** The kinds of run. */
export type RunKind = RunProgress['kind'];
/** The progress of one kind of run. */
export type RunOf<K extends RunKind> = Extract<RunProgress, { kind: K }>;

/** Contract entries for the runs channels. */
export const runsContract = {
  'runs:progress': {
    doc: 'Where a run stands: its steps, items, result or error (with what was undone). NotFound once it has been forgotten.',
    request: RunQuerySchema,
    response: RunProgressSchema,
  },
  'runs:cancel': {
    doc: 'Cancel a run: it stops after the step in flight and undoes what it made. cancelled is false when it had already ended (or cannot stop).',
    request: RunQuerySchema,
    response: z.object({ cancelled: z.boolean() }),
  },
  'runs:list': {
    doc: 'Every run still running or recently ended, oldest first (a reloaded window finds its runs again).',
    request: EmptySchema,
    response: z.array(RunProgressSchema),
  },
} satisfies Record<(typeof RUNS_CHANNELS)[number], ContractEntry>;
