import { z } from 'zod';
import type { AppErrorShape } from '../errors';
import type { Channel } from './channels';
import { EmptySchema } from './common';
import type { ContractEntry } from './entry';
import { exportContract } from './export';
import { monitoringContract } from './monitoring';
import { platformContract } from './platform';
import { readinessContract } from './readiness';
import { settingsContract } from './settings';
import { ApplyJobSchema, JobQuerySchema, JobRefSchema } from './jobs';
import { ConnectRequestSchema, ProfileSummarySchema, SessionInfoSchema } from './session';
import {
  DestroyResultSchema,
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
    doc: 'Tear down a saved configuration; the confirmation must repeat its name.',
    request: z.object({ name: z.string().min(1).max(64), confirmation: z.string().max(64) }).strict(),
    response: DestroyResultSchema,
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
  ...platformContract,
} satisfies Record<Channel, ContractEntry>;

/** The request type of a channel. */
export type RequestOf<C extends Channel> = z.input<(typeof contract)[C]['request']>;
/** The response type of a channel. */
export type ResponseOf<C extends Channel> = z.output<(typeof contract)[C]['response']>;

/** What every IPC call resolves to: a value or a typed error, never a thrown SDK error. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
