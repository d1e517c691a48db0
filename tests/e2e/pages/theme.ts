import type { Locator, Page } from 'playwright-core';
import { appliedColorScheme, lowContrastText } from './in-page';

/** The header's theme switch (light / dark / follow the OS) and the scheme the page shows. */
export class ThemePage {
  constructor(private readonly page: Page) {}

  /** The header's switch (Settings shows a second one). */
  get toggle(): Locator {
    return this.page.getByRole('banner').getByRole('radiogroup', { name: 'Theme' });
  }

  /** Choose a theme by its radio's name (clicking the segment's label, as a user does). */
  async choose(name: 'Light' | 'Dark' | 'Follow OS'): Promise<void> {
    await this.toggle.locator('label').filter({ hasText: name }).click();
  }

  /** The colour scheme Mantine applied to the document ("light" or "dark"). */
  scheme(): Promise<string | null> {
    return this.page.evaluate(appliedColorScheme);
  }

  /**
   * Visible text whose WCAG contrast against its nearest opaque background is below `min`
   * (disabled controls excepted, as WCAG does), as "text (ratio)" strings.
   */
  lowContrastText(min: number): Promise<string[]> {
    return this.page.evaluate(lowContrastText, min);
  }
}
