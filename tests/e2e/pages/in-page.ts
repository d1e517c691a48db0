/**
 * Functions that run inside the page (passed to page.evaluate / locator.evaluate / addInitScript).
 * This folder is type-checked with the Node config (no DOM lib), so the few browser globals they
 * touch are declared here, local to this module; each function is self-contained because Playwright
 * serialises its source.
 */

/** The slice of a DOM element these functions use. */
export interface PageElement {
  id: string;
  tagName: string;
  innerText?: string;
  parentElement: PageElement | null;
  contains(other: PageElement | null): boolean;
  closest(selector: string): PageElement | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { width: number; height: number };
}

declare const document: {
  activeElement: PageElement | null;
  body: PageElement;
  documentElement: PageElement;
  createTreeWalker(root: PageElement, what: number): { nextNode(): { textContent: string | null; parentElement: PageElement | null } | null };
};
declare const window: { addEventListener(type: string, fn: () => void, capture: boolean): void } & Record<string, unknown>;
declare const getComputedStyle: (el: PageElement) => { backgroundColor: string; color: string; visibility: string; opacity: string };
declare const NodeFilter: { SHOW_TEXT: number };

/** True when `el` or something inside it has focus. */
export const hasFocusWithin = (el: PageElement): boolean => el === document.activeElement || el.contains(document.activeElement);

/** The focused element's id. */
export const focusedId = (): string | null => document.activeElement?.id ?? null;

/** The focused element's aria-label. */
export const focusedAriaLabel = (): string | null => document.activeElement?.getAttribute('aria-label') ?? null;

/** A short description of the focused element, for error messages. */
export const focusedDescription = (): string => {
  const el = document.activeElement;
  if (!el) return '(nothing)';
  return `${el.tagName.toLowerCase()} "${el.getAttribute('aria-label') ?? el.innerText?.slice(0, 40) ?? ''}"`;
};

/** The colour scheme Mantine applied to the document. */
export const appliedColorScheme = (): string | null => document.documentElement.getAttribute('data-mantine-color-scheme');

/** Init script: remember any mouse press in window.__mouseUsed. */
export const recordMouseUse = (): void => {
  window.addEventListener('mousedown', () => (window.__mouseUsed = true), true);
};

/** Whether the mouse was pressed since the page loaded (see recordMouseUse). */
export const mouseWasUsed = (): boolean => window.__mouseUsed === true;

/**
 * Visible text whose WCAG contrast against its nearest mostly-opaque background is below `minRatio`
 * (disabled and aria-hidden content excepted), as "text (ratio)" strings.
 */
export const lowContrastText = (minRatio: number): string[] => {
  const parse = (c: string): number[] | null => {
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
  const background = (el: PageElement | null): number[] => {
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
};
