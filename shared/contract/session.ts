import { z } from 'zod';
import { MAX_KEY_ID_LENGTH, MAX_SECRET_LENGTH, MAX_SESSION_TOKEN_LENGTH, normaliseMfaCode } from '../validation/credentials';
import { RegionSchema } from './common';

/** The kinds of local AWS profile Onramp recognises. */
export const ProfileKindSchema = z.enum(['static', 'sso', 'assume-role', 'process', 'web-identity', 'unknown']);
export type ProfileKind = z.infer<typeof ProfileKindSchema>;

/** A profile as shown to the user: never any key material. */
export const ProfileSummarySchema = z.object({
  name: z.string(),
  kind: ProfileKindSchema,
  region: z.string().nullable(),
  endpointUrl: z.string().nullable(),
  /** The MFA device serial when the profile assumes a role with MFA; the UI then asks for a code. */
  mfaSerial: z.string().nullable(),
  /** True for the profile named by AWS_PROFILE (or "default"). */
  isDefault: z.boolean(),
});
export type ProfileSummary = z.infer<typeof ProfileSummarySchema>;

/** Profile names are what the user's files say; cap them and forbid control characters. */
export const ProfileNameSchema = z
  .string({ error: 'Profile must be text.' })
  .min(1, { error: 'Profile must not be empty.' })
  .max(128, { error: 'Profile name must be at most 128 characters.' })
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u001f\u007f]+$/, { error: 'Profile name must not contain control characters.' });

/** A 6-digit MFA code; pasted spaces are removed first, so " 123456" is never cut to five digits. */
export const MfaCodeSchema = z
  .string({ error: 'MFA code must be text.' })
  .max(64, { error: 'MFA code must be exactly 6 digits.' })
  .overwrite(normaliseMfaCode)
  .superRefine((code, ctx) => {
    if (!/^\d*$/.test(code)) ctx.addIssue({ code: 'custom', message: 'MFA code must be exactly 6 digits; it contains something other than digits.' });
    else if (code.length !== 6) ctx.addIssue({ code: 'custom', message: `MFA code must be exactly 6 digits (${code.length} entered).` });
  });

/** Connect to a profile: STS GetCallerIdentity with its credentials. */
export const ConnectRequestSchema = z
  .object({
    profile: ProfileNameSchema,
    region: RegionSchema.optional(),
    /** The 6-digit code from the MFA device, for assume-role profiles with mfa_serial. */
    mfaCode: MfaCodeSchema.optional(),
  })
  .strict();
export type ConnectRequest = z.infer<typeof ConnectRequestSchema>;

export { ACCESS_KEYS_PROFILE } from '../defaults';

/**
 * Connect with an access key pair typed into the app. The keys stay in main's memory for the
 * session; no response ever carries them. Main checks the full rules (AKIA/ASIA, 20 and 40
 * characters, relaxed for an endpoint override) after trimming.
 */
export const AccessKeysConnectRequestSchema = z
  .object({
    accessKeyId: z.string({ error: 'Access key ID must be text.' }).max(MAX_KEY_ID_LENGTH + 64, { error: 'The access key ID is far too long.' }),
    secretAccessKey: z.string({ error: 'Secret access key must be text.' }).max(MAX_SECRET_LENGTH + 64, { error: 'The secret access key is far too long.' }),
    sessionToken: z.string({ error: 'Session token must be text.' }).max(MAX_SESSION_TOKEN_LENGTH + 64, { error: 'The session token is far too long.' }).optional(),
    region: RegionSchema.optional(),
  })
  .strict();
export type AccessKeysConnectRequest = z.infer<typeof AccessKeysConnectRequestSchema>;

/** Save the connected session's in-memory access keys as a named profile in ~/.aws (an explicit choice). */
export const SaveProfileRequestSchema = z
  .object({
    name: z.string({ error: 'Profile name must be text.' }).max(256, { error: 'Profile name is far too long.' }),
    /** Written to the config file as the profile's region. */
    region: RegionSchema.optional(),
    /** Replace a profile of the same name. */
    replace: z.boolean().optional(),
  })
  .strict();
export type SaveProfileRequest = z.infer<typeof SaveProfileRequestSchema>;

/** Where the profile was written (paths only, never a key). */
export const SaveProfileResultSchema = z.object({
  profile: z.string(),
  credentialsFile: z.string(),
  configFile: z.string().nullable(),
  replaced: z.boolean(),
});
export type SaveProfileResult = z.infer<typeof SaveProfileResultSchema>;

/** Who the connected profile is. */
export const SessionInfoSchema = z.object({
  profile: z.string(),
  account: z.string(),
  arn: z.string(),
  userId: z.string(),
  region: z.string(),
  /** The endpoint override in use, shown in the header; null for real AWS. */
  endpointUrl: z.string().nullable(),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;
