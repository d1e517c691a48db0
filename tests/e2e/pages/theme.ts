import type { Locator, Page } from 'playwright-core';

/** The header's theme switch (light / dark / follow the OS) and the scheme the page shows. */
export class ThemePage {
  constructor(private readonly page: Page) {}

  get toggle(): Locator {
    return this.page.getByRole('radiogroup', { name: 'Theme' });
  }

  /** Choose a theme by its radio's name (clicking the segment's label, as a user does). */
  async choose(name: 'Light' | 'Dark' | 'Follow OS'): Promise<void> {
    await this.toggle.locator('label').filter({ hasText: name }).click();
  }

  /** The colour scheme Mantine applied to the document ("light" or "dark"). */
  scheme(): Promise<string | null> {
    return this.page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'));
  }

  /**
   * Visible text whose WCAG contrast against its nearest opaque background is below `min`
   * (disabled controls excepted, as WCAG does), as "text (ratio)" strings.
   */
  lowContrastText(min: number): Promise<string[]> {
    return this.page.evaluate((minRatio) => {
      const parse = (c: string): [number, number, number, number] | null => {
        const m = /rgba?\(([^)]+)\)/.exec(c);
        if (!m) return null;
        const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
        return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
      };
      const lum = ([r, g, b]: number[]) => {
        const f = (v: number) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const background = (el: Element | null): number[] => {
        for (let e = el; e; e = e.parentElement) {
          const c = parse(getComputedStyle(e).backgroundColor);
          if (c && c[3] > 0.5) return c;
        }
        return parse(getComputedStyle(document.body).backgroundColor) ?? [255, 255, 255, 1];
      };
      const out: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = (n.textContent ?? '').trim();
        const el = n.parentElement;
        if (!text || !el) continue;
        if (el.closest('[disabled],[data-disabled],[aria-disabled="true"],[aria-hidden="true"]')) continue;
        const r = el.getBoundingClientRect();
        const st = getComputedStyle(el);
        if (r.width === 0 || r.height === 0 || st.visibility === 'hidden' || Number(st.opacity) === 0) continue;
        const fg = parse(st.color);
        if (!fg) continue;
        const l1 = lum(fg);
        const l2 = lum(background(el));
        const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
        if (ratio < minRatio) out.push(`${text.slice(0, 40)} (${ratio.toFixed(2)})`);
      }
      return out;
    }, min);
  }
}
