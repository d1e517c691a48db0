import type { ApplyStepStatus, SetupInput, SetupResource } from '../../../shared/contract/setup';
import type { AwsContext } from '../aws/context';
import type { Claims } from './claims';
import type { JournalEntry } from './journal';
import { cancelledError } from './wait';

/** Where a run records what it is about to create and has created (the journal, or nothing in tests). */
export interface RunJournal {
  mark(kind: SetupResource, name: string, state: JournalEntry['state'], identity?: JournalEntry['identity']): Promise<void>;
  drop(kind: SetupResource): Promise<void>;
}

/** A journal that records nothing (core tests that do not exercise crash recovery). */
export const NO_JOURNAL: RunJournal = { mark: async () => undefined, drop: async () => undefined };

/** Something this run created, and how to delete it again. */
export interface Created {
  id: SetupResource;
  name: string;
  label: string;
  region: string;
  /** Delete it; resolves false when there turned out to be nothing to delete. `signal` ends the attempt at the rollback's bound. */
  undo: (signal: AbortSignal) => Promise<boolean>;
}

/** What every step of one apply run shares. */
export interface RunContext {
  aws: AwsContext;
  input: SetupInput;
  account: string;
  claims: Claims;
  tags: { Key: string; Value: string }[];
  signal: AbortSignal | undefined;
  deadline: number;
  pollMs: number;
  iamPropagationMs: number;
  now: () => number;
  journal: RunJournal;
  created: Created[];
  emit: (id: ApplyStepStatus['id'], state: ApplyStepStatus['state'], detail?: string | null) => void;
}

/** Stop here if the run was cancelled. */
export function checkpoint(ctx: Pick<RunContext, 'signal'>): void {
  if (ctx.signal?.aborted) throw cancelledError();
}
