import { z } from 'zod';
import { ERROR_CODES } from '../errors';
import { SUPPORTED_REGIONS } from '../regions';
import type { Validator } from '../validation/names';

/**
 * A string field checked by one of the naming validators. A generous size cap (never below 4,096)
 * runs before any regex so enormous inputs are refused cheaply; `normalise` (e.g. trimming pasted
 * whitespace) runs next, and the validator then reports the field's real limits ("must be 1–255
 * characters") on the normalised value, which is also what the handler receives.
 */
export function namedString(field: string, validator: Validator, maxLength = 4096, normalise?: (value: string) => string) {
  maxLength = Math.max(maxLength, 4096);
  const capped = z
    .string({ error: `${field} must be text.` })
    .max(maxLength, { error: `${field} is far too long (at most ${maxLength} characters).` });
  return (normalise ? capped.overwrite(normalise) : capped).superRefine((value, ctx) => {
    const problem = validator(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

/** One of the four supported regions. */
export const RegionSchema = z.enum(SUPPORTED_REGIONS, {
  error: `Region must be one of ${SUPPORTED_REGIONS.join(', ')}.`,
});

/** A request naming one region. */
export const RegionRequestSchema = z.object({ region: RegionSchema }).strict();

/** An empty request. */
export const EmptySchema = z.object({}).strict();

/** The error shape crossing IPC: a stable code, a human message, and the field at fault. */
export const AppErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  field: z.string().optional(),
});

/**
 * What a channel that starts a long operation answers: the id of its run (made by main), to ask
 * `runs:progress` and `runs:cancel` with (see runs.ts).
 */
export const RunRefSchema = z.object({ runId: z.string() });
export type RunRef = z.infer<typeof RunRefSchema>;

/** A run's id, as a request names it. */
export const RunIdSchema = z.string().max(100, { error: 'runId must be at most 100 characters.' });

/** A request about one run. */
export const RunQuerySchema = z.object({ runId: RunIdSchema }).strict();

/** An AWS account ID: exactly 12 digits. */
export const AccountIdSchema = z.string().regex(/^\d{12}$/, { error: 'An AWS account ID is exactly 12 digits.' });

/**
 * Which saved configuration a request means: its name and the account it is saved for. Names are
 * unique per account only, so the account is part of the key; absent, it is the connected account's.
 */
export const configurationRef = {
  name: z.string().min(1).max(64),
  accountId: AccountIdSchema.optional(),
};
