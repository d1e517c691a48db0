import { z } from 'zod';
import type { SSO_CHANNELS } from './sso-channels';
import type { ContractEntry } from './entry';
import { AppErrorSchema } from './common';
import { ProfileNameSchema } from './session';

/** Start signing in an SSO profile (sso_session or legacy sso_start_url). */
export const SsoSignInRequestSchema = z.object({ profile: ProfileNameSchema }).strict();

/** Identifies one sign-in. */
export const SsoSignInRefSchema = z.object({ signInId: z.string().max(100, { error: 'signInId must be at most 100 characters.' }) }).strict();

/**
 * A started sign-in: the code to confirm and the page (as the SSO-OIDC service returned it; main
 * opens it in the browser itself). The device code, client secret and tokens never leave main.
 */
export const SsoSignInSchema = z.object({
  signInId: z.string(),
  profile: z.string(),
  userCode: z.string(),
  verificationUri: z.string(),
  verificationUriComplete: z.string(),
  /** When the code expires (ISO-8601). */
  expiresAt: z.string(),
  /** False when the browser could not be opened: the user opens the page shown. */
  browserOpened: z.boolean(),
});
export type SsoSignIn = z.infer<typeof SsoSignInSchema>;

/**
 * What a running sign-in shows: the code to confirm and the page (as the SSO-OIDC service returned
 * it; main opens it in the browser itself). The device code, client secret and tokens never leave main.
 */
export const SsoCodeSchema = z.object({
  userCode: z.string(),
  verificationUri: z.string(),
  verificationUriComplete: z.string(),
  /** When the code expires (ISO-8601). */
  expiresAt: z.string(),
  /** False when the browser could not be opened: the user opens the page shown. */
  browserOpened: z.boolean(),
});
export type SsoCode = z.infer<typeof SsoCodeSchema>;

/** Where a sign-in stands; `signed-in` means the token is cached and the profile can connect. */
export const SsoProgressSchema = z.object({
  signInId: z.string(),
  profile: z.string(),
  state: z.enum(['waiting', 'signed-in', 'failed', 'cancelled']),
  error: AppErrorSchema.nullable(),
});
export type SsoProgress = z.infer<typeof SsoProgressSchema>;

/** The SSO sign-in contract entries. */
export const ssoContract = {
  'sso:sign-in': {
    doc: 'Start the IAM Identity Center device sign-in for a profile and open its verification page in the browser.',
    request: SsoSignInRequestSchema,
    response: SsoSignInSchema,
  },
  'sso:progress': {
    doc: 'Whether a sign-in is still waiting for the browser, done (token cached), failed or cancelled.',
    request: SsoSignInRefSchema,
    response: SsoProgressSchema,
  },
  'sso:open-browser': {
    doc: 'Open the verification page of a running sign-in again (the page the SSO-OIDC service returned).',
    request: SsoSignInRefSchema,
    response: z.object({ browserOpened: z.boolean() }),
  },
  'sso:cancel': {
    doc: 'Stop waiting for a sign-in.',
    request: SsoSignInRefSchema,
    response: z.null(),
  },
} satisfies Record<(typeof SSO_CHANNELS)[number], ContractEntry>;
