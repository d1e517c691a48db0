import type { Locator, Page } from 'playwright-core';

/** A box on the page, in CSS pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** True when two boxes share any area. */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The toasts (Mantine notifications) and where they are drawn. */
export class NoticesPage {
  constructor(private readonly page: Page) {}

  /** Every toast on the page. */
  get all(): Locator {
    return this.page.locator('.mantine-Notification-root');
  }

  /** The toast whose text contains `text`. */
  withText(text: string): Locator {
    return this.all.filter({ hasText: text });
  }

  /** The boxes of the toasts shown now. */
  async boxes(): Promise<Box[]> {
    const out: Box[] = [];
    for (const n of await this.all.all()) {
      const box = await n.boundingBox();
      if (box && (await n.isVisible())) out.push(box);
    }
    return out;
  }

  /** True when a toast is drawn over any part of `target`. */
  async cover(target: Locator): Promise<boolean> {
    const box = await target.boundingBox();
    if (!box) return false;
    return (await this.boxes()).some((b) => overlaps(b, box));
  }
}
