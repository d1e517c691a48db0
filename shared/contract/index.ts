import { z } from 'zod';
import type { AppErrorShape } from '../errors';
import type { Channel } from './channels';
import { EmptySchema } from './common';
import type { ContractEntry } from './entry';
import { exportContract } from './export';
import { monitoringContract } from './monitoring';
import { orgContract } from './org';
import { platformContract } from './platform';
import { readinessContract } from './readiness';
import { settingsContract } from './settings';
import { ssoContract } from './sso';
import { ApplyJobSchema, JobQuerySchema, JobRefSchema } from './jobs';
import {
  AccessKeysConnectRequestSchema,
  ConnectRequestSchema,
  ProfileSummarySchema,
  SaveProfileRequestSchema,
  SaveProfileResultSchema,
  SessionInfoSchema,
} from './session';
import {
  DestroyResultSchema,
  InterruptedRunSchema,
  PlanSchema,
  SavedConfigurationSchema,
  SetupInputSchema,
  VerifyResultSchema,
} from './setup';

export * from './channels';

export type { ContractEntry } from './entry';

const ConfigNameRequest = z.object({ name: z.string().min(1).max(64) }).strict();

/** The IPC contract: every channel with its request and response schema. */
export const contract = {
  'profiles:list': {
    doc: 'List the profiles in the local AWS config and credentials files.',
    request: EmptySchema,
    response: z.array(ProfileSummarySchema),
  },
  'session:connect': {
    doc: 'Resolve a profile\'s credentials in main and call STS GetCallerIdentity.',
    request: ConnectRequestSchema,
    response: SessionInfoSchema,
  },
  'session:current': {
    doc: 'The connected identity, or null.',
    request: EmptySchema,
    response: SessionInfoSchema.nullable(),
  },
  'session:disconnect': {
    doc: 'Forget the connected profile and its cached credentials.',
    request: EmptySchema,
    response: z.null(),
  },
  'session:connect-keys': {
    doc: 'Connect with an access key pair held in main\'s memory only (STS GetCallerIdentity); the keys never come back.',
    request: AccessKeysConnectRequestSchema,
    response: SessionInfoSchema,
  },
  'session:save-profile': {
    doc: 'Save the connected session\'s in-memory access keys as a named profile in the shared AWS files.',
    request: SaveProfileRequestSchema,
    response: SaveProfileResultSchema,
  },
  'setup:plan': {
    doc: 'Compute what apply would create, keep, or refuse as a conflict.',
    request: SetupInputSchema,
    response: PlanSchema,
  },
  'setup:apply': {
    doc: 'Start creating the Cloud Configuration; poll setup:progress for live steps.',
    request: SetupInputSchema,
    response: JobRefSchema,
  },
  'setup:progress': {
    doc: 'Live steps, result or error (with what was rolled back) of an apply.',
    request: JobQuerySchema,
    response: ApplyJobSchema,
  },
  'setup:verify': {
    doc: 'Re-check a saved configuration against AWS (drift detection).',
    request: ConfigNameRequest,
    response: VerifyResultSchema,
  },
  'setup:destroy': {
    doc: 'Tear down a saved configuration; the confirmation must repeat its name. A jobId lets setup:cancel stop it.',
    request: z.object({ name: z.string().min(1).max(64), confirmation: z.string().max(64), jobId: z.string().max(100).optional() }).strict(),
    response: DestroyResultSchema,
  },
  'setup:cancel': {
    doc: 'Cancel a running apply (or a destroy started with that jobId): it stops after the step in flight and undoes its changes.',
    request: JobQuerySchema,
    response: z.null(),
  },
  'setup:interrupted': {
    doc: 'Setup runs that stopped before completing or undoing (crash, killed process), from their journals.',
    request: EmptySchema,
    response: z.object({
      runs: z.array(InterruptedRunSchema),
      unreadable: z.array(z.object({ file: z.string(), reason: z.string() })),
    }),
  },
  'setup:resolve-interrupted': {
    doc: 'Finish (re-apply, hardening what was created) or undo (delete what the journal lists) an interrupted run; poll setup:progress.',
    request: z.object({ runId: z.string().max(100), action: z.enum(['finish', 'undo']) }).strict(),
    response: JobRefSchema,
  },
  'configs:list': {
    doc: 'The locally saved Cloud Configurations (never a secret).',
    request: EmptySchema,
    response: z.array(SavedConfigurationSchema),
  },
  'configs:forget': {
    doc: 'Remove a configuration from the local list without touching AWS.',
    request: ConfigNameRequest,
    response: z.null(),
  },
  ...monitoringContract,
  ...readinessContract,
  ...exportContract,
  ...settingsContract,
  ...ssoContract,
  ...platformContract,
  ...orgContract,
} satisfies Record<Channel, ContractEntry>;

/** The request type of a channel. */
export type RequestOf<C extends Channel> = z.input<(typeof contract)[C]['request']>;
/** The response type of a channel. */
export type ResponseOf<C extends Channel> = z.output<(typeof contract)[C]['response']>;

/** What every IPC call resolves to: a value or a typed error, never a thrown SDK error. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
