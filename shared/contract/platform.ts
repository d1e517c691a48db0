import { z } from 'zod';
import { configurationRef, EmptySchema } from './common';
import type { ContractEntry } from './entry';
import type { PLATFORM_CHANNELS } from './platform.channels';

/**
 * The Bodo Platform's record of a registration, kept with the saved configuration: which platform
 * (API base URL) holds it under which UUID. Never a secret.
 */
export const PlatformLinkSchema = z.object({
  uuid: z.string(),
  /** The platform's status when Onramp last registered or found it (ACTIVE, INCOMPLETE, …). */
  status: z.string(),
  /** The API base URL the UUID belongs to; a link to another platform (a test fake, say) is ignored. */
  apiUrl: z.string(),
  registeredAt: z.string(),
});
export type PlatformLink = z.infer<typeof PlatformLinkSchema>;

/** A Cloud Configuration as the platform reports it (either response shape the SDK releases show). */
export const PlatformCloudConfigSchema = z.object({
  uuid: z.string(),
  name: z.string(),
  status: z.string(),
  provider: z.string().nullable(),
  roleArn: z.string().nullable(),
  externalId: z.string().nullable(),
  accountId: z.string().nullable(),
  bucketName: z.string().nullable(),
  /** Only older platform releases report a table (`tfDynamoDbTableName`); the current contract has none. */
  tableName: z.string().nullable(),
  region: z.string().nullable(),
});
export type PlatformCloudConfig = z.infer<typeof PlatformCloudConfigSchema>;

/** The values compared between what AWS has (as Onramp verified it) and what the platform holds. */
export const COMPARED_FIELDS = ['roleArn', 'externalId', 'accountId', 'bucketName', 'tableName', 'region'] as const;
export const ComparedFieldSchema = z.enum(COMPARED_FIELDS);
export type ComparedField = z.infer<typeof ComparedFieldSchema>;

/** One value side by side: `not-reported` when the platform's API has no such field (the table, today). */
export const FieldComparisonSchema = z.object({
  field: ComparedFieldSchema,
  label: z.string(),
  local: z.string(),
  platform: z.string().nullable(),
  state: z.enum(['match', 'differ', 'not-reported']),
});
export type FieldComparison = z.infer<typeof FieldComparisonSchema>;

/** What registering did: created it, or found it already there; `matches` false means the values differ (shown side by side, never overwritten). */
export const RegisterResultSchema = z.object({
  outcome: z.enum(['created', 'existing']),
  uuid: z.string(),
  status: z.string(),
  name: z.string(),
  matches: z.boolean(),
  fields: z.array(FieldComparisonSchema),
  /** What the user should know beyond the table (e.g. the platform chose its own External ID). */
  note: z.string().nullable(),
});
export type RegisterResult = z.infer<typeof RegisterResultSchema>;

/** One saved configuration as the platform sees it. */
export const PlatformRowSchema = z.object({
  name: z.string(),
  /** The AWS account the configuration is saved for (a name is unique per account only). */
  accountId: z.string(),
  region: z.string(),
  /** When verify last confirmed the local values in AWS, or null. */
  verifiedAt: z.string().nullable(),
  registered: z.boolean(),
  uuid: z.string().nullable(),
  status: z.string().nullable(),
  /** null when not registered. */
  matches: z.boolean().nullable(),
  fields: z.array(FieldComparisonSchema),
  /** e.g. "registered as … but no longer on the platform", or several platform entries of this name. */
  note: z.string().nullable(),
});
export type PlatformRow = z.infer<typeof PlatformRowSchema>;

/** Every saved configuration with its platform state, and the platform's configurations Onramp does not have (read-only). */
export const PlatformOverviewSchema = z.object({
  apiUrl: z.string(),
  configurations: z.array(PlatformRowSchema),
  platformOnly: z.array(PlatformCloudConfigSchema),
});
export type PlatformOverview = z.infer<typeof PlatformOverviewSchema>;

/** Where a base URL in use came from. */
export const UrlSourceSchema = z.enum(['default', 'settings', 'env']);

/** The platform credentials' state and the URLs in use; never the secret. */
export const PlatformStatusSchema = z.object({
  /** `keychain`: encrypted with the OS keychain in the data folder; `session`: in memory until the app quits. */
  credentials: z.enum(['none', 'keychain', 'session']),
  /** The client ID's first and last characters, so the user can tell which token is stored. */
  clientIdHint: z.string().nullable(),
  /** Whether the OS keychain can hold the secret here. */
  keychainAvailable: z.boolean(),
  apiUrl: z.string(),
  authUrl: z.string(),
  apiUrlSource: UrlSourceSchema,
  authUrlSource: UrlSourceSchema,
});
export type PlatformStatus = z.infer<typeof PlatformStatusSchema>;

/** Printable, no spaces or control characters (pasted whitespace is trimmed first). */
const tokenPart = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .min(1, { error: `${label} must not be empty.` })
    .max(max, { error: `${label} must be at most ${max} characters.` })
    .regex(/^[\x21-\x7e]+$/, { error: `${label} may contain only printable characters without spaces.` });

/** The organization API token the platform issues: Client ID and Secret Key. */
export const SaveCredentialsRequestSchema = z
  .object({
    clientId: tokenPart('Client ID', 256),
    secret: tokenPart('Secret key', 1024),
    /** Keep it in the OS keychain for the next start (otherwise only until the app quits). */
    remember: z.boolean(),
  })
  .strict();
export type SaveCredentialsRequest = z.infer<typeof SaveCredentialsRequestSchema>;

/** Contract entries for the platform channels. */
export const platformContract = {
  'platform:status': {
    doc: 'Whether platform credentials are stored (keychain or session), a hint of the client ID, and the URLs in use — never the secret.',
    request: EmptySchema,
    response: PlatformStatusSchema,
  },
  'platform:save-credentials': {
    doc: "Check the organization API token with the platform's token endpoint, then keep it (OS keychain or session); the secret is never returned.",
    request: SaveCredentialsRequestSchema,
    response: PlatformStatusSchema,
  },
  'platform:forget-credentials': {
    doc: 'Forget the platform credentials (memory and keychain-encrypted file) and any cached token.',
    request: EmptySchema,
    response: PlatformStatusSchema,
  },
  'platform:register': {
    doc: 'Register a saved configuration as a platform Cloud Configuration: find by name, compare, create when absent; a mismatch is reported, never overwritten.',
    request: z.object(configurationRef).strict(),
    response: RegisterResultSchema,
  },
  'platform:list': {
    doc: "Each saved configuration's platform state (registered, status, values matching) and the platform's own configurations (read-only).",
    request: EmptySchema,
    response: PlatformOverviewSchema,
  },
} satisfies Record<(typeof PLATFORM_CHANNELS)[number], ContractEntry>;
