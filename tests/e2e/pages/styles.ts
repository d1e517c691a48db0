/**
 * Computed styles read inside the page (passed to locator.evaluate / evaluateAll). As in in-page.ts,
 * the few browser globals they touch are declared here, local to this module, and each function is
 * self-contained because Playwright serialises its source.
 */

/** The slice of a DOM element these functions use. */
interface StyledElement {
  textContent: string | null;
  style: { color: string };
  remove(): void;
  getBoundingClientRect(): { left: number };
}

declare const document: { documentElement: StyledElement; body: { appendChild(el: StyledElement): void }; createElement(tag: string): StyledElement };
declare const getComputedStyle: (
  el: StyledElement,
  pseudo?: string,
) => { color: string; height: string; fontSize: string; backgroundColor: string; borderStyle: string; getPropertyValue(name: string): string };

/** An input's placeholder colour and the theme's error colour, both as computed rgb(). */
export const placeholderAndErrorColours = (input: StyledElement): { placeholder: string; error: string } => {
  const probe = document.createElement('span');
  probe.style.color = getComputedStyle(document.documentElement).getPropertyValue('--mantine-color-error').trim();
  document.body.appendChild(probe);
  const error = getComputedStyle(probe).color;
  probe.remove();
  return { placeholder: getComputedStyle(input, '::placeholder').color, error };
};

/** How each button looks: what one style of row action must share. */
export const buttonLooks = (buttons: StyledElement[]): { height: string; font: string; background: string; border: string; left: number }[] =>
  buttons.map((b) => {
    const s = getComputedStyle(b);
    return { height: s.height, font: s.fontSize, background: s.backgroundColor, border: s.borderStyle, left: Math.round(b.getBoundingClientRect().left) };
  });

/** The font sizes of elements, except captions (Bucket, Table, Role). */
export const valueFontSizes = (els: StyledElement[]): string[] => els.filter((p) => !/^(Bucket|Table|Role)$/.test(p.textContent ?? '')).map((p) => getComputedStyle(p).fontSize);
