/** The diagnostics domain: the "Copy diagnostics" report for bug reports (never a secret). */
import { z } from 'zod';
import { EmptySchema } from './common';
import type { DIAGNOSTICS_CHANNELS } from './diagnostics.channels';
import type { ContractEntry } from './entry';
import { SettingsSchema } from './settings';

/** One recent error, already redacted. */
export const RecentErrorSchema = z.object({ time: z.string(), message: z.string() });

/** The "Copy diagnostics" report: versions, OS, settings, recent errors, endpoint override — never a secret. */
export const DiagnosticsSchema = z.object({
  app: z.object({ name: z.string(), version: z.string() }),
  versions: z.object({ electron: z.string().nullable(), chrome: z.string().nullable(), node: z.string() }),
  os: z.object({ platform: z.string(), release: z.string(), arch: z.string() }),
  settings: SettingsSchema,
  /** The endpoint override in use (AWS_ENDPOINT_URL or the profile's endpoint_url), or null for real AWS. */
  endpointUrl: z.string().nullable(),
  recentErrors: z.array(RecentErrorSchema),
  /** The same facts as plain text, ready to paste into a bug report. */
  text: z.string(),
});
export type Diagnostics = z.infer<typeof DiagnosticsSchema>;

/** Contract entries for the diagnostics channels. */
export const diagnosticsContract = {
  'diagnostics:get': {
    doc: 'Versions, OS, settings, recent errors and the endpoint override, for bug reports (never a secret).',
    request: EmptySchema,
    response: DiagnosticsSchema,
  },
} satisfies Record<(typeof DIAGNOSTICS_CHANNELS)[number], ContractEntry>;
