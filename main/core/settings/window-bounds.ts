/** A rectangle in screen coordinates (a window's bounds or a display's work area). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Saved window geometry: size always, position when the window had one. */
export interface SavedBounds {
  width: number;
  height: number;
  x?: number;
  y?: number;
}

/** How much of a window's title bar must be on a display for the window to count as reachable. */
const MIN_VISIBLE = { width: 100, height: 40 };

function isFiniteNumber(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

/** The overlap of two rectangles' areas, in pixels (0 when they do not meet). */
function overlap(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

/**
 * The bounds to open the window with, given what was saved and the displays' work areas now.
 * The size is clamped to [min, largest work area]; the position is kept only when the window's top
 * strip (where the title bar is) still lies on some display, so a window saved on a monitor that
 * has since been unplugged is never restored off-screen. Without a usable position, x/y are left
 * out and the OS centres the window.
 */
export function restoreBounds(
  saved: SavedBounds | null | undefined,
  workAreas: readonly Rect[],
  defaults: { width: number; height: number },
  min: { width: number; height: number },
): SavedBounds {
  const largest = workAreas.reduce<{ width: number; height: number } | null>(
    (acc, a) => (acc && acc.width * acc.height >= a.width * a.height ? acc : { width: a.width, height: a.height }),
    null,
  );
  const maxW = Math.max(min.width, largest?.width ?? Number.POSITIVE_INFINITY);
  const maxH = Math.max(min.height, largest?.height ?? Number.POSITIVE_INFINITY);
  const clamp = (v: number, lo: number, hi: number) => Math.round(Math.min(hi, Math.max(lo, v)));

  const sizeOk = saved && isFiniteNumber(saved.width) && isFiniteNumber(saved.height);
  const width = clamp(sizeOk ? saved.width : defaults.width, min.width, maxW);
  const height = clamp(sizeOk ? saved.height : defaults.height, min.height, maxH);
  if (!saved || !isFiniteNumber(saved.x) || !isFiniteNumber(saved.y)) return { width, height };

  const titleStrip: Rect = { x: Math.round(saved.x), y: Math.round(saved.y), width, height: MIN_VISIBLE.height };
  const reachable = workAreas.some((area) => {
    const o = overlap(titleStrip, area);
    return o.width >= Math.min(MIN_VISIBLE.width, width) && o.height >= MIN_VISIBLE.height;
  });
  return reachable ? { width, height, x: titleStrip.x, y: titleStrip.y } : { width, height };
}
