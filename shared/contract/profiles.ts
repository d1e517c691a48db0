/** The profiles domain: the profiles in the local AWS config and credentials files (never any key material). */
import { z } from 'zod';
import { EmptySchema } from './common';
import type { ContractEntry } from './entry';
import type { PROFILES_CHANNELS } from './profiles.channels';

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

/** Contract entries for the profiles channels. */
export const profilesContract = {
  'profiles:list': {
    doc: 'List the profiles in the local AWS config and credentials files.',
    request: EmptySchema,
    response: z.array(ProfileSummarySchema),
  },
} satisfies Record<(typeof PROFILES_CHANNELS)[number], ContractEntry>;
