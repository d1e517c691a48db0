/** Channels of the setups as code: cloudformation, terraform and aws cli exports domain. */
export const EXPORT_CHANNELS = ['export:document'] as const;
