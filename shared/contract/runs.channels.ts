/** Channels of the runs domain: the progress, cancel and list of every long operation (kept free of zod for the preload). */
export const RUNS_CHANNELS = ['runs:progress', 'runs:cancel', 'runs:list'] as const;
