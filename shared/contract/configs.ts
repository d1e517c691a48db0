/** The configs domain: the Cloud Configurations saved locally (never a secret). */
import { z } from 'zod';
import { EmptySchema } from './common';
import type { CONFIGS_CHANNELS } from './configs.channels';
import type { ContractEntry } from './entry';
import { ConfigRefRequestSchema, SavedConfigurationSchema } from './setup';

/** Contract entries for the configs channels. */
export const configsContract = {
  'configs:list': {
    doc: 'The locally saved Cloud Configurations (never a secret).',
    request: EmptySchema,
    response: z.array(SavedConfigurationSchema),
  },
  'configs:forget': {
    doc: 'Remove a configuration (by name and account) from the local list without touching AWS.',
    request: ConfigRefRequestSchema,
    response: z.null(),
  },
} satisfies Record<(typeof CONFIGS_CHANNELS)[number], ContractEntry>;
