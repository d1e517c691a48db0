/**
 * Number fields, shared by every schema that takes a typed number. Text such as `1e400` is a number
 * too large for a double: parsing gives Infinity, which zod refuses as "not a number". Said that
 * way it would be wrong, so the type error names the real problem: too large (or too small for
 * -Infinity). Out-of-range values are for each schema's own min/max, whose messages say "too large"
 * or "too small" with the limit.
 */
import { z } from 'zod';

/** A number schema whose type error says `${label} is too large/small` for ±Infinity and `${label} must be ${what}` otherwise. */
export function numberField(label: string, what = 'a number') {
  return z.number({
    error: (issue) => {
      if (issue.input === Number.POSITIVE_INFINITY) return `${label} is too large.`;
      if (issue.input === Number.NEGATIVE_INFINITY) return `${label} is too small.`;
      return `${label} must be ${what}.`;
    },
  });
}

/** "1,000,000" for a limit in a message. */
export function showLimit(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 6 });
}
