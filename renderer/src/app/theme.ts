import {
  createTheme,
  DEFAULT_THEME,
  defaultVariantColorsResolver,
  parseThemeColor,
  type CSSVariablesResolver,
  type DrawerProps,
  type MantineColorsTuple,
  type MenuProps,
  type ModalProps,
  type VariantColorsResolver,
} from '@mantine/core';
import { AA_NORMAL_TEXT, contrastRatio, mix, readableOn } from '../../../shared/contrast';

/**
 * Onramp's Mantine theme, with colour tokens that meet WCAG 2.2 AA (4.5:1 for text) in both
 * schemes. Mantine's defaults do not: dimmed text is gray.6 on white (3.3:1), filled buttons put
 * white on blue.6 (3.6:1), light badges put orange.9 on orange.1 (3.6:1), dark dimmed text is 4.0:1.
 * Rather than patching screens, the tokens themselves are chosen here by measuring contrast
 * against the backgrounds they are drawn on (tests/renderer/app/theme.test.ts checks every pair).
 */

/** The contrast every token aims for: AA plus a little margin for anti-aliasing. */
export const TOKEN_CONTRAST = AA_NORMAL_TEXT + 0.1;

const WHITE = DEFAULT_THEME.white;
const BLACK = DEFAULT_THEME.black;
const dark = DEFAULT_THEME.colors.dark;
/** The surfaces text is drawn on: body, cards and inputs, table stripes. */
export const LIGHT_SURFACES = [WHITE, DEFAULT_THEME.colors.gray[0], DEFAULT_THEME.colors.gray[1]] as const;
export const DARK_SURFACES = [dark[7], dark[6], dark[8]] as const;

/** Filled elements prefer this shade (Mantine's primary shade); see filledTokens. */
const FILLED_SHADE = 8;

/**
 * The filled variant of a palette: the first of shade 8 or 9 with white text, else shade 6 or 7
 * with black text, whose text reads at AA on both the fill and its hover (white text hovers darker,
 * black text hovers lighter).
 */
export function filledTokens(c: MantineColorsTuple): Pick<ColorTokens, 'filled' | 'filledHover' | 'filledText'> {
  const options = [
    { filled: c[8], filledHover: c[9], filledText: WHITE },
    { filled: c[9], filledHover: mix(c[9], BLACK, 0.15), filledText: WHITE },
    { filled: c[6], filledHover: c[5], filledText: BLACK },
    { filled: c[7], filledHover: c[6], filledText: BLACK },
  ];
  const reads = (o: (typeof options)[number]) => [o.filled, o.filledHover].every((bg) => contrastRatio(o.filledText, bg) >= TOKEN_CONTRAST);
  return options.find(reads) ?? { filled: mix(c[9], BLACK, 0.3), filledHover: mix(c[9], BLACK, 0.45), filledText: WHITE };
}

/** The colour tokens of one palette in one scheme, with the backgrounds each is checked against. */
export interface ColorTokens {
  filled: string;
  filledHover: string;
  filledText: string;
  text: string;
  light: string;
  lightHover: string;
  lightColor: string;
  outline: string;
}

/** Tokens for one palette in the light scheme. */
export function lightTokens(c: MantineColorsTuple): ColorTokens {
  const text = readableOn([c[6], c[7], c[8], c[9]], [...LIGHT_SURFACES, c[0]], TOKEN_CONTRAST, BLACK);
  return {
    ...filledTokens(c),
    text,
    light: c[0],
    lightHover: c[1],
    lightColor: readableOn([c[9]], [c[0], c[1]], TOKEN_CONTRAST, BLACK),
    outline: text,
  };
}

/** Tokens for one palette in the dark scheme. */
export function darkTokens(c: MantineColorsTuple): ColorTokens {
  // Mantine's dark-scheme light variant: the darkest shade, darkened by half (hover: by 30%).
  const light = mix(c[9], BLACK, 0.5);
  const lightHover = mix(c[9], BLACK, 0.3);
  const text = readableOn([c[4], c[3], c[2], c[1], c[0]], [...DARK_SURFACES, light], TOKEN_CONTRAST, WHITE);
  return {
    ...filledTokens(c),
    text,
    light,
    lightHover,
    lightColor: readableOn([c[0]], [light, lightHover], TOKEN_CONTRAST, WHITE),
    outline: text,
  };
}

/** Dimmed text: the lightest gray that still reads at AA on every surface. */
export const DIMMED = {
  light: readableOn([DEFAULT_THEME.colors.gray[6], DEFAULT_THEME.colors.gray[7]], LIGHT_SURFACES, TOKEN_CONTRAST, BLACK),
  dark: readableOn([dark[2], dark[1]], DARK_SURFACES, TOKEN_CONTRAST, WHITE),
};

function colorVariables(name: string, t: ColorTokens): Record<string, string> {
  return {
    [`--mantine-color-${name}-filled`]: t.filled,
    [`--mantine-color-${name}-filled-hover`]: t.filledHover,
    [`--mantine-color-${name}-contrast`]: t.filledText,
    [`--mantine-color-${name}-text`]: t.text,
    [`--mantine-color-${name}-light`]: t.light,
    [`--mantine-color-${name}-light-hover`]: t.lightHover,
    [`--mantine-color-${name}-light-color`]: t.lightColor,
    [`--mantine-color-${name}-outline`]: t.outline,
  };
}

/** Overrides Mantine's generated colour variables with the measured tokens. */
export const cssVariablesResolver: CSSVariablesResolver = (theme) => {
  const light: Record<string, string> = { '--mantine-color-dimmed': DIMMED.light };
  const darkVars: Record<string, string> = { '--mantine-color-dimmed': DIMMED.dark };
  for (const [name, palette] of Object.entries(theme.colors)) {
    if (name === 'dark' || !palette) continue;
    Object.assign(light, colorVariables(name, lightTokens(palette)));
    Object.assign(darkVars, colorVariables(name, darkTokens(palette)));
  }
  const primaryLight = lightTokens(theme.colors[theme.primaryColor]!);
  const primaryDark = darkTokens(theme.colors[theme.primaryColor]!);
  Object.assign(light, {
    '--mantine-primary-color-contrast': primaryLight.filledText,
    '--mantine-color-anchor': primaryLight.text,
    '--mantine-color-error': lightTokens(theme.colors.red!).text,
  });
  Object.assign(darkVars, {
    '--mantine-primary-color-contrast': primaryDark.filledText,
    '--mantine-color-anchor': primaryDark.text,
    '--mantine-color-error': darkTokens(theme.colors.red!).text,
  });
  return { variables: {}, light, dark: darkVars };
};

/**
 * Filled elements of a theme colour take their text from the measured `--mantine-color-<c>-contrast`
 * token (Mantine's own auto-contrast looks only at the luminance of one shade).
 */
export const variantColorResolver: VariantColorsResolver = (input) => {
  const result = defaultVariantColorsResolver(input);
  if (input.variant !== 'filled' || !input.color) return result;
  const parsed = parseThemeColor({ color: input.color, theme: input.theme });
  if (!parsed.isThemeColor || parsed.shade !== undefined) return result;
  return { ...result, color: `var(--mantine-color-${parsed.color}-contrast)` };
};

/** The app's theme: measured filled shades and text colours, accessible names for close buttons. */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: FILLED_SHADE, dark: FILLED_SHADE },
  defaultRadius: 'md',
  variantColorResolver,
  components: {
    // Defaults as plain objects (not `Menu.extend(…)`), so the theme does not pull the components
    // themselves into the first screen's JavaScript; `satisfies` keeps the props checked.
    // Mantine's close (×) buttons have no accessible name of their own (axe "button-name").
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } } satisfies Partial<ModalProps> },
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Close panel' } } satisfies Partial<DrawerProps> },
    // The focus placeholder Mantine puts first in a menu is a focusable presentational child, which
    // a role="menu" may not hold (axe "aria-required-children"); focus goes to the first item instead.
    Menu: { defaultProps: { withInitialFocusPlaceholder: false } satisfies Partial<MenuProps> },
  },
});
