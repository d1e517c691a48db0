/**
 * Exact decimal amounts. Cost Explorer returns every amount as a decimal string (often with ten or
 * more fractional digits, e.g. "0.0000004511"); adding them as JavaScript numbers drifts
 * (0.1 + 0.2 = 0.30000000000000004). Amounts here are a bigint of units at a decimal scale, so a sum
 * is exactly the sum of the strings AWS sent, and is rounded only when it is shown.
 */

/** An exact decimal: `units / 10^scale`. */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

/** Zero. */
export const ZERO: Decimal = { units: 0n, scale: 0 };

const PLAIN = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Parse a decimal string ("12.5", "-0.0000001", "1.2E-7"); throws on anything else. */
export function parseDecimal(text: string): Decimal {
  const m = PLAIN.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new Error(`Not a decimal amount: "${text.slice(0, 40)}"`);
  const digits = `${m[2] ?? ''}${m[3] ?? ''}`.replace(/^0+(?=\d)/, '') || '0';
  const exponent = Number(m[4] ?? 0);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 400) throw new Error(`Exponent out of range: "${text.slice(0, 40)}"`);
  let scale = (m[3] ?? '').length - exponent;
  let units = BigInt(digits);
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  if (m[1] === '-') units = -units;
  return normalise({ units, scale });
}

/** True when `text` is a decimal amount parseDecimal accepts. */
export function isDecimal(text: string): boolean {
  try {
    parseDecimal(text);
    return true;
  } catch {
    return false;
  }
}

/** Drop trailing fractional zeros ("12.50" and "12.5" are the same amount). */
function normalise(d: Decimal): Decimal {
  let { units, scale } = d;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale--;
  }
  return units === 0n ? ZERO : { units, scale };
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * 10n ** BigInt(scale - a.scale), b.units * 10n ** BigInt(scale - b.scale), scale];
}

/** a + b, exactly. */
export function add(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return normalise({ units: x + y, scale });
}

/** a − b, exactly. */
export function subtract(a: Decimal, b: Decimal): Decimal {
  return add(a, negate(b));
}

/** −a. */
export function negate(a: Decimal): Decimal {
  return normalise({ units: -a.units, scale: a.scale });
}

/** The exact sum of several amounts (decimal strings or Decimals). */
export function sum(values: Iterable<Decimal | string>): Decimal {
  let total = ZERO;
  for (const v of values) total = add(total, typeof v === 'string' ? parseDecimal(v) : v);
  return total;
}

/** −1, 0 or 1 as a is below, equal to or above b. */
export function compare(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** True for zero. */
export function isZero(a: Decimal): boolean {
  return a.units === 0n;
}

/** The exact value as a plain decimal string, without exponent or trailing zeros ("-0.0000001", "12.5", "3"). */
export function toDecimalString(a: Decimal): string {
  const d = normalise(a);
  const negative = d.units < 0n;
  const digits = (negative ? -d.units : d.units).toString().padStart(d.scale + 1, '0');
  const whole = digits.slice(0, digits.length - d.scale);
  const frac = d.scale > 0 ? `.${digits.slice(digits.length - d.scale)}` : '';
  return `${negative ? '-' : ''}${whole}${frac}`;
}

/** Round to `places` fractional digits, halves away from zero (how amounts of money are usually rounded). */
export function roundTo(a: Decimal, places: number): Decimal {
  if (a.scale <= places) return a;
  const drop = 10n ** BigInt(a.scale - places);
  const negative = a.units < 0n;
  const abs = negative ? -a.units : a.units;
  let q = abs / drop;
  if ((abs % drop) * 2n >= drop) q += 1n;
  return normalise({ units: negative ? -q : q, scale: places });
}

/** a × numerator / denominator, rounded to `places` digits (half away from zero); the one inexact operation. */
export function scaleBy(a: Decimal, numerator: number, denominator: number, places = 6): Decimal {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || denominator <= 0) throw new Error('scaleBy takes whole numbers and a positive denominator.');
  // Work at `places` + 1 digits more than needed, then round once.
  const extra = places + 1;
  const shifted = a.units * BigInt(numerator) * 10n ** BigInt(extra);
  const q = shifted / BigInt(denominator);
  return roundTo(normalise({ units: q, scale: a.scale + extra }), places);
}

/** The nearest double (for charts and ratios only; never for sums). */
export function toNumber(a: Decimal): number {
  return Number(toDecimalString(a));
}

/** "1,234.57" — rounded to cents, with thousands separators; negative amounts keep their sign ("-12.00"). */
export function formatAmount(value: Decimal | string, places = 2): string {
  const d = roundTo(typeof value === 'string' ? parseDecimal(value) : value, places);
  const text = toDecimalString(d);
  const negative = text.startsWith('-');
  const [whole, frac = ''] = (negative ? text.slice(1) : text).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${places > 0 ? `.${frac.padEnd(places, '0')}` : ''}`;
}

/** "$1,234.57" for USD, "1,234.57 EUR" for any other currency. */
export function formatMoney(value: Decimal | string, currency: string): string {
  const amount = formatAmount(value);
  if (currency !== 'USD') return `${amount} ${currency}`;
  return amount.startsWith('-') ? `-$${amount.slice(1)}` : `$${amount}`;
}
