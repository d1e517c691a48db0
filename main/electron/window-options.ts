/** Window geometry to restore, validated so a bad saved value cannot place the window off-screen forever. */
export interface WindowBounds {
  width: number;
  height: number;
  x?: number;
  y?: number;
}

/** Default and minimum window size. */
export const DEFAULT_BOUNDS: WindowBounds = { width: 1200, height: 820 };
export const MIN_SIZE = { width: 900, height: 640 };
