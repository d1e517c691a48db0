/**
 * Forgiving input where it is safe: what people paste is normalised before the naming rules run,
 * so a stray space or the console's dashed account ID never fails a form. The schemas in
 * shared/contract and the forms in the renderer apply the same normalisers.
 */

/** Trim pasted whitespace (spaces, tabs, line breaks, no-break spaces) from both ends. */
export function trimPasted(value: string): string {
  return value.trim();
}

/**
 * An AWS account ID as the console shows it, `4816-3362-4848` (or with spaces), as the 12 digits
 * AWS expects. Anything else is only trimmed, so the validator can say what is wrong with it.
 */
export function normaliseAccountId(value: string): string {
  const trimmed = value.trim();
  return /^\d{4}([- ]?)\d{4}\1\d{4}$/.test(trimmed) ? trimmed.replace(/[- ]/g, '') : trimmed;
}
