import { z } from 'zod';
import { AppErrorSchema } from './common';
import { ApplyStepStatusSchema, CloudConfigurationSchema, ManualStepSchema } from './setup';


/** A started background job. */
export const JobRefSchema = z.object({ jobId: z.string() });

/** Polling request for a job. */
export const JobQuerySchema = z.object({ jobId: z.string().max(100) }).strict();

/** Live state of a setup apply. */
export const ApplyJobSchema = z.object({
  jobId: z.string(),
  /** Which configuration this run is for (the wizard finds its run again after navigating away). */
  configuration: z.string(),
  state: z.enum(['running', 'succeeded', 'failed', 'cancelled']),
  /** True once a cancel was asked for and the run is stopping (it still undoes what it made). */
  cancelling: z.boolean(),
  steps: z.array(ApplyStepStatusSchema),
  result: CloudConfigurationSchema.nullable(),
  error: AppErrorSchema.nullable(),
  rolledBack: z.array(z.string()),
  /** What the rollback could not undo, with the command and console place to finish by hand. */
  manual: z.array(ManualStepSchema),
});
export type ApplyJob = z.infer<typeof ApplyJobSchema>;
