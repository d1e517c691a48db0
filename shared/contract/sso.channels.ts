/** Channels of the IAM Identity Center (SSO) sign-in domain: the OAuth device flow run by main. */
export const SSO_CHANNELS = ['sso:sign-in', 'sso:open-browser'] as const;
