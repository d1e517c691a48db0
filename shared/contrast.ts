/**
 * WCAG 2.x colour contrast (https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio), for choosing theme
 * tokens that meet AA: 4.5:1 for normal text.
 */

/** WCAG AA for normal-size text. */
export const AA_NORMAL_TEXT = 4.5;

type Rgb = [number, number, number];

/** `#rrggbb` (or `#rgb`) as 0–255 channels. */
export function parseHex(hex: string): Rgb {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  if (!/^[0-9a-f]{6}$/i.test(full)) throw new Error(`not a hex colour: ${hex}`);
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
}

/** Channels back to `#rrggbb`. */
export function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((v) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0')).join('')}`;
}

/** Relative luminance of a colour. */
export function luminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, 1–21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Mix `hex` toward `target` by `amount` (0 = unchanged, 1 = target). */
export function mix(hex: string, target: string, amount: number): string {
  const a = parseHex(hex);
  const b = parseHex(target);
  return toHex(a.map((v, i) => v + (b[i]! - v) * amount) as Rgb);
}

/**
 * The first of `candidates` that reaches `min` against every background; failing that, the last
 * candidate mixed toward `toward` (black or white) in 5% steps until it does.
 */
export function readableOn(candidates: readonly string[], backgrounds: readonly string[], min: number, toward: string): string {
  const ok = (c: string) => backgrounds.every((bg) => contrastRatio(c, bg) >= min);
  const found = candidates.find(ok);
  if (found) return found;
  const last = candidates[candidates.length - 1]!;
  for (let step = 1; step <= 20; step++) {
    const c = mix(last, toward, step / 20);
    if (ok(c)) return c;
  }
  return toward;
}
