/** Channels of the topics domain: SNS topics and their subscriptions (kept free of zod: the preload builds its API from these names). */
export const TOPICS_CHANNELS = ['topics:list', 'topics:lookup', 'topics:subscriptions', 'topics:resend'] as const;
