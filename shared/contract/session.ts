import { z } from 'zod';
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

/** Connect to a profile: STS GetCallerIdentity with its credentials. */
export const ConnectRequestSchema = z
  .object({
    profile: ProfileNameSchema,
    region: RegionSchema.optional(),
    /** The 6-digit code from the MFA device, for assume-role profiles with mfa_serial. */
    mfaCode: z
      .string()
      .regex(/^\d{6}$/, { error: 'MFA code must be exactly 6 digits.' })
      .optional(),
  })
  .strict();
export type ConnectRequest = z.infer<typeof ConnectRequestSchema>;

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
