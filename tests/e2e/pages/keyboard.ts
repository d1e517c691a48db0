import type { Locator, Page } from 'playwright-core';
import { focusedDescription, hasFocusWithin } from './in-page';

/** Keyboard-only driving: move focus with Tab / Shift+Tab until a control has it, never clicking. */
export class Keyboard {
  constructor(private readonly page: Page) {}

  /** True when `target` (or something inside it) has focus. */
  async hasFocus(target: Locator): Promise<boolean> {
    return target.evaluate(hasFocusWithin).catch(() => false);
  }

  /** Press Tab (or Shift+Tab when `backwards`) until `target` has focus; fail after `max` presses. */
  async tabTo(target: Locator, { backwards = false, max = 80 } = {}): Promise<number> {
    await target.waitFor({ state: 'visible' });
    for (let i = 0; i <= max; i++) {
      if (await this.hasFocus(target)) return i;
      await this.page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    }
    throw new Error(`Focus never reached ${target.toString()} after ${max} ${backwards ? 'Shift+Tab' : 'Tab'} presses (at ${await this.focusedName()}).`);
  }

  /** Tab to a field and type into it (selecting what it held first). */
  async typeInto(target: Locator, text: string): Promise<void> {
    await this.tabTo(target);
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.type(text);
  }

  /** Tab to a button and press it with `key` (Enter or Space). */
  async press(target: Locator, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
    await this.tabTo(target);
    await this.page.keyboard.press(key);
  }

  /**
   * Pick `value` in a Mantine Select with the keyboard: Tab to it, ArrowDown opens the list, arrows
   * move the highlighted option, Enter chooses it.
   */
  async choose(combobox: Locator, value: string): Promise<void> {
    await this.tabTo(combobox);
    await this.page.keyboard.press('ArrowDown');
    const highlighted = this.page.locator('[role="option"][data-combobox-selected]');
    for (let i = 0; i < 12; i++) {
      const text = (await highlighted.count()) ? ((await highlighted.first().textContent()) ?? '') : '';
      if (text.startsWith(value)) {
        await this.page.keyboard.press('Enter');
        return;
      }
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`Option ${value} never became highlighted.`);
  }

  /** The focused element's accessible-ish name, for error messages. */
  async focusedName(): Promise<string> {
    return this.page.evaluate(focusedDescription);
  }
}
