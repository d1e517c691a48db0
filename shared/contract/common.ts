import { z } from 'zod';
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

/** An empty request. */
export const EmptySchema = z.object({}).strict();

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
