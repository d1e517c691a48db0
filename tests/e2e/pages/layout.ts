/**
 * Layout measurements that run inside the page (passed to locator.evaluate / page.evaluate). Like
 * in-page.ts, the few browser globals they touch are declared locally, and each function is
 * self-contained because Playwright serialises its source.
 */

/** The slice of a DOM node these functions use. */
interface LayoutNode {
  textContent: string | null;
}
/** The slice of a DOM element these functions use. */
interface LayoutElement extends LayoutNode {
  scrollWidth: number;
  clientWidth: number;
}

declare const document: {
  documentElement: LayoutElement;
  createTreeWalker(root: LayoutElement, what: number): { nextNode(): LayoutNode | null };
  createRange(): { setStart(n: LayoutNode, i: number): void; setEnd(n: LayoutNode, i: number): void; getBoundingClientRect(): { top: number; height: number } };
};
declare const window: { innerWidth: number };
declare const NodeFilter: { SHOW_TEXT: number };

/** Where the text of `el` wraps onto a new line: the text and, per break, the character before and after it. */
export const lineBreaks = (el: LayoutElement): { text: string; lines: number; breaks: { before: string; after: string; at: string }[] } => {
  const chars: { ch: string; top: number }[] = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n.textContent ?? '';
    for (let i = 0; i < t.length; i++) {
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + 1);
      const rect = range.getBoundingClientRect();
      if (rect.height > 0) chars.push({ ch: t[i]!, top: rect.top });
    }
  }
  const text = chars.map((c) => c.ch).join('');
  const breaks: { before: string; after: string; at: string }[] = [];
  for (let i = 1; i < chars.length; i++) {
    if (chars[i]!.top > chars[i - 1]!.top + 2) breaks.push({ before: chars[i - 1]!.ch, after: chars[i]!.ch, at: `${text.slice(Math.max(0, i - 8), i)}|${text.slice(i, i + 8)}` });
  }
  return { text, lines: breaks.length + 1, breaks };
};

/** True when an element's content is wider than its box (cut off or scrolled). */
export const overflowsX = (el: LayoutElement): boolean => el.scrollWidth > el.clientWidth + 1;

/** How far the page is wider than the window (0 when it has no horizontal overflow). */
export const pageOverflowX = (): number => Math.max(0, document.documentElement.scrollWidth - window.innerWidth);
