import { DEFAULT_THEME } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../../shared/contrast';
import { cssVariablesResolver, DARK_SURFACES, darkTokens, DIMMED, LIGHT_SURFACES, lightTokens, theme } from '../../../renderer/src/app/theme';

// Every colour token the theme hands Mantine is measured against the surfaces it is drawn on:
// WCAG 2.2 AA for normal text is 4.5:1 (Mantine's defaults fail it: 3.3:1 dimmed, 3.6:1 white on blue.6).
const AA = 4.5;
const palettes = Object.entries(DEFAULT_THEME.colors).filter(([name]) => name !== 'dark');

describe('theme colour tokens meet WCAG AA in both schemes', () => {
  it('contrast maths matches WCAG: black on white is 21, the defaults it replaces fail', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio(DEFAULT_THEME.colors.gray[6], '#ffffff')).toBeLessThan(AA);
    expect(contrastRatio('#ffffff', DEFAULT_THEME.colors.blue[6])).toBeLessThan(AA);
    expect(contrastRatio(DEFAULT_THEME.colors.orange[9], DEFAULT_THEME.colors.orange[1])).toBeLessThan(AA);
  });

  it('dimmed text', () => {
    for (const bg of LIGHT_SURFACES) expect(contrastRatio(DIMMED.light, bg)).toBeGreaterThanOrEqual(AA);
    for (const bg of DARK_SURFACES) expect(contrastRatio(DIMMED.dark, bg)).toBeGreaterThanOrEqual(AA);
  });

  it.each(palettes)('%s: text, outline, light and filled variants, light scheme', (_name, palette) => {
    const t = lightTokens(palette);
    for (const bg of [...LIGHT_SURFACES, t.light]) {
      expect(contrastRatio(t.text, bg)).toBeGreaterThanOrEqual(AA);
      expect(contrastRatio(t.outline, bg)).toBeGreaterThanOrEqual(AA);
    }
    for (const bg of [t.light, t.lightHover]) expect(contrastRatio(t.lightColor, bg)).toBeGreaterThanOrEqual(AA);
    for (const bg of [t.filled, t.filledHover]) expect(contrastRatio(t.filledText, bg)).toBeGreaterThanOrEqual(AA);
  });

  it.each(palettes)('%s: text, outline, light and filled variants, dark scheme', (_name, palette) => {
    const t = darkTokens(palette);
    for (const bg of [...DARK_SURFACES, t.light]) {
      expect(contrastRatio(t.text, bg)).toBeGreaterThanOrEqual(AA);
      expect(contrastRatio(t.outline, bg)).toBeGreaterThanOrEqual(AA);
    }
    for (const bg of [t.light, t.lightHover]) expect(contrastRatio(t.lightColor, bg)).toBeGreaterThanOrEqual(AA);
    for (const bg of [t.filled, t.filledHover]) expect(contrastRatio(t.filledText, bg)).toBeGreaterThanOrEqual(AA);
  });

  it('the resolver hands those tokens to Mantine for every palette, and the primary filled text reads on shade 8', () => {
    const merged = { ...DEFAULT_THEME, ...theme, colors: DEFAULT_THEME.colors, primaryColor: 'blue' } as Parameters<typeof cssVariablesResolver>[0];
    const vars = cssVariablesResolver(merged);
    expect(vars.light['--mantine-color-dimmed']).toBe(DIMMED.light);
    expect(vars.dark['--mantine-color-dimmed']).toBe(DIMMED.dark);
    for (const [name] of palettes) {
      expect(vars.light[`--mantine-color-${name}-light-color`]).toBe(lightTokens(DEFAULT_THEME.colors[name]!).lightColor);
      expect(vars.dark[`--mantine-color-${name}-text`]).toBe(darkTokens(DEFAULT_THEME.colors[name]!).text);
      for (const scheme of [vars.light, vars.dark]) {
        expect(contrastRatio(scheme[`--mantine-color-${name}-contrast`]!, scheme[`--mantine-color-${name}-filled`]!)).toBeGreaterThanOrEqual(AA);
        expect(contrastRatio(scheme[`--mantine-color-${name}-contrast`]!, scheme[`--mantine-color-${name}-filled-hover`]!)).toBeGreaterThanOrEqual(AA);
      }
    }
    expect(contrastRatio(vars.light['--mantine-primary-color-contrast']!, DEFAULT_THEME.colors.blue[8])).toBeGreaterThanOrEqual(AA);
    expect(theme.primaryShade).toEqual({ light: 8, dark: 8 });
  });
});
