import { z } from 'zod';
import type { SSO_CHANNELS } from './sso.channels';
import type { ContractEntry } from './entry';
import { RunQuerySchema, RunRefSchema } from './common';
import { ProfileNameSchema } from './profiles';

/** Start signing in an SSO profile (sso_session or legacy sso_start_url). */
export const SsoSignInRequestSchema = z.object({ profile: ProfileNameSchema }).strict();

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

/** The SSO sign-in contract entries. */
export const ssoContract = {
  'sso:sign-in': {
    doc: 'Start the IAM Identity Center device sign-in for a profile as a run (kind sso-sign-in): its progress shows the code once the service gave it, and main opens the verification page in the browser. It succeeds once the token is cached; runs:cancel stops waiting.',
    request: SsoSignInRequestSchema,
    response: RunRefSchema,
  },
  'sso:open-browser': {
    doc: 'Open the verification page of a sign-in run still waiting for the browser again (the page the SSO-OIDC service returned).',
    request: RunQuerySchema,
    response: z.object({ browserOpened: z.boolean() }),
  },
} satisfies Record<(typeof SSO_CHANNELS)[number], ContractEntry>;
