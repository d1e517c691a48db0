/**
 * Forgiving parsing of what people type or paste into the alarm forms (wizard and CLI): several
 * email addresses in one go, thresholds written with thousands separators, `--notify-on` lists.
 * Anything still invalid gets a message that says exactly what is wrong with it.
 */
import { validateEmail } from '../validation/names';

/** Split pasted text into addresses: commas, semicolons, spaces, tabs and new lines separate them; blanks are dropped. */
export function splitEmails(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((e) => e.trim())
    .filter((e) => e !== '');
}

/**
 * Why an email address is invalid, most specific reason first ("contains spaces", "has no @"), or
 * null when it is fine. The address is checked as given: callers split and trim pasted text first.
 */
export function explainEmail(value: string): string | null {
  const shown = `"${value.slice(0, 60)}"`;
  if (value.trim() === '') return 'Email address is empty.';
  if (/\s/.test(value)) return `Email address ${shown} contains spaces; give one address per line, or separate them with commas.`;
  const at = value.split('@').length - 1;
  if (at === 0) return `Email address ${shown} has no @ (it should look like name@example.com).`;
  if (at > 1) return `Email address ${shown} has more than one @; separate several addresses with commas.`;
  const [local, domain] = value.split('@') as [string, string];
  if (local === '') return `Email address ${shown} has nothing before the @.`;
  if (domain === '') return `Email address ${shown} has nothing after the @.`;
  if (!domain.includes('.')) return `Email address ${shown} needs a full domain after the @, such as example.com.`;
  const bad = [...new Set(value.replace(/[A-Za-z0-9.!#$%&'*+/=?^_`{|}~@-]/g, ''))];
  if (bad.length) return `Email address ${shown} contains characters an address cannot have: ${bad.map((c) => `"${c}"`).join(' ')}.`;
  return validateEmail(value);
}

/**
 * A typed number: plain decimals ("850", "12.5", "1e3") and thousands separators in the usual
 * places ("1,000", "1,250,000.5") are accepted; anything else is returned as the trimmed text, so the
 * schema (or `explainNumber`) names the problem. A number written correctly but beyond what a double
 * holds ("1e400") is ±Infinity, which the schemas report as too large or too small
 * (shared/validation/numbers.ts), never as "not a number".
 */
export function parseTypedNumber(text: string): number | string {
  const t = text.trim();
  const plain = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t);
  const grouped = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t);
  if (!plain && !grouped) return t;
  return Number(t.replace(/,/g, ''));
}

/** Why text is not a number the alarm can use, or null. `field` names it ("Threshold"). */
export function explainNumber(text: string, field: string): string | null {
  const t = text.trim();
  if (t === '') return `${field} is empty.`;
  if (typeof parseTypedNumber(t) === 'number') return null;
  if (/\s/.test(t)) return `${field} "${t.slice(0, 40)}" contains spaces.`;
  if (/^-?\d+(,\d+)+/.test(t)) return `${field} "${t.slice(0, 40)}" has a comma in an unexpected place; write 1,000 or 1000 (a decimal point, not a comma, for fractions).`;
  return `${field} "${t.slice(0, 40)}" is not a number.`;
}

/** When an alarm notifies: on ALARM, on the return to OK, on INSUFFICIENT_DATA. */
export const NOTIFY_ON = ['alarm', 'ok', 'insufficient-data'] as const;
export type NotifyOn = (typeof NOTIFY_ON)[number];

/** "alarm,ok" → ['alarm', 'ok'], each once, in the order given; unknown words are returned as the error. */
export function parseNotifyOn(text: string): { ok: true; value: NotifyOn[] } | { ok: false; message: string } {
  const words = text
    .split(/[\s,]+/)
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean);
  if (words.length === 0) return { ok: false, message: `Give at least one of ${NOTIFY_ON.join(', ')}.` };
  const unknown = words.filter((w) => !(NOTIFY_ON as readonly string[]).includes(w));
  if (unknown.length) return { ok: false, message: `"${unknown[0]}" is not one of ${NOTIFY_ON.join(', ')}.` };
  return { ok: true, value: [...new Set(words)] as NotifyOn[] };
}
