import { SegmentedControl, VisuallyHidden, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { IconDeviceDesktop, IconMoon, IconSun } from '@tabler/icons-react';
import { useCallback, useRef } from 'react';
import type { THEMES } from '../../../shared/contract/settings';

/** The theme preference, as settings store it: `system` follows the OS. */
export type ThemePreference = (typeof THEMES)[number];

/** Mantine's colour scheme for a preference (`auto` is Mantine's name for following the OS). */
export function toColorScheme(theme: ThemePreference): MantineColorScheme {
  return theme === 'system' ? 'auto' : theme;
}

/** The preference for one of Mantine's colour schemes. */
export function toThemePreference(scheme: MantineColorScheme): ThemePreference {
  return scheme === 'auto' ? 'system' : scheme;
}

/**
 * The current theme preference and a setter that applies it through Mantine's colour scheme manager.
 * Settings persistence wires here: call `setTheme(saved.theme)` on load and save in ThemeToggle's onChange.
 */
export function useThemePreference(): { theme: ThemePreference; setTheme: (theme: ThemePreference) => void } {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  // Mantine's setter is a new function on every render; keep the latest in a ref so `setTheme` is stable
  // (effects that depend on it run once) and skips a no-op change (no transition-suppression timer).
  const latest = useRef({ colorScheme, setColorScheme });
  latest.current = { colorScheme, setColorScheme };
  const setTheme = useCallback((theme: ThemePreference) => {
    const next = toColorScheme(theme);
    if (latest.current.colorScheme !== next) latest.current.setColorScheme(next);
  }, []);
  return { theme: toThemePreference(colorScheme), setTheme };
}

const OPTIONS: readonly { value: ThemePreference; label: string; icon: typeof IconSun }[] = [
  { value: 'light', label: 'Light', icon: IconSun },
  { value: 'dark', label: 'Dark', icon: IconMoon },
  { value: 'system', label: 'Follow OS', icon: IconDeviceDesktop },
];

/**
 * Light / dark / follow-the-OS switch (a radio group named "Theme"). Applies the choice at once;
 * `onChange` is told afterwards, so a caller can persist it.
 */
export function ThemeToggle({ onChange }: { onChange?: (theme: ThemePreference) => void }) {
  const { theme, setTheme } = useThemePreference();
  return (
    <SegmentedControl
      size="xs"
      aria-label="Theme"
      value={theme}
      onChange={(v) => {
        const next = OPTIONS.find((o) => o.value === v)?.value ?? 'system';
        setTheme(next);
        onChange?.(next);
      }}
      data={OPTIONS.map((o) => ({
        value: o.value,
        label: (
          <span title={o.label} style={{ display: 'inline-flex', alignItems: 'center' }}>
            <o.icon size={16} aria-hidden />
            <VisuallyHidden>{o.label}</VisuallyHidden>
          </span>
        ),
      }))}
    />
  );
}
