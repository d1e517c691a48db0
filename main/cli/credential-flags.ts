import type { OptionSpec } from './args';

/** The flags of every command that connects to AWS; spread these instead of declaring `profile` alone. */
export const CREDENTIAL_FLAGS = {
  profile: { type: 'string', value: 'PROFILE', required: true, description: 'AWS profile from ~/.aws (or "(environment)").' },
  'mfa-code': {
    type: 'string',
    value: 'CODE',
    description: 'The 6-digit code from your MFA device, for a profile that assumes a role with mfa_serial (asked for on a terminal when left out).',
  },
} as const satisfies OptionSpec;
