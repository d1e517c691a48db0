/**
 * Fixed names and IDs that the contract, the core and the renderer share, kept apart from the
 * contract's schemas: the renderer's first screen imports them without loading zod. The contract
 * re-exports each one beside the schemas it belongs to.
 */

/** The platform's AWS account, which assumes the role (docs/platform-api.md#onboarding). */
export const DEFAULT_PLATFORM_ACCOUNT_ID = '481633624848';
/** The role name the platform's instructions use. */
export const DEFAULT_ROLE_NAME = 'BodoPlatformUser';
/** The profile name a session on access keys typed into the app shows until it is saved as a profile. */
export const ACCESS_KEYS_PROFILE = '(access keys)';
