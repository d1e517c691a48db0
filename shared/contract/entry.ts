import type { z } from 'zod';

/** One contract entry: what the channel is for, and the runtime schemas of both directions. */
export interface ContractEntry {
  doc: string;
  request: z.ZodType;
  response: z.ZodType;
}
