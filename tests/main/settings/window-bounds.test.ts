import { describe, expect, it } from 'vitest';
import { restoreBounds, type Rect } from '../../../main/core/settings/window-bounds';

const DEFAULTS = { width: 1200, height: 820 };
const MIN = { width: 900, height: 640 };
const laptop: Rect = { x: 0, y: 0, width: 1440, height: 875 };
// A second monitor to the right of the laptop, its top 200 px lower.
const external: Rect = { x: 1440, y: 200, width: 2560, height: 1415 };

describe('restoreBounds', () => {
  it('uses the default size, centred by the OS, when nothing was saved', () => {
    expect(restoreBounds(null, [laptop], DEFAULTS, MIN)).toEqual({ width: 1200, height: 820 });
  });

  it('restores a window that is on a display as saved', () => {
    expect(restoreBounds({ x: 100, y: 50, width: 1000, height: 700 }, [laptop], DEFAULTS, MIN)).toEqual({ x: 100, y: 50, width: 1000, height: 700 });
    expect(restoreBounds({ x: 2000, y: 300, width: 1600, height: 1000 }, [laptop, external], DEFAULTS, MIN)).toEqual({
      x: 2000,
      y: 300,
      width: 1600,
      height: 1000,
    });
  });

  it('drops the position of a window saved on a monitor that is gone', () => {
    expect(restoreBounds({ x: 2000, y: 300, width: 1600, height: 1000 }, [laptop], DEFAULTS, MIN)).toEqual({ width: 1440, height: 875 });
  });

  it('drops the position when the title bar would be above or beside every display', () => {
    expect(restoreBounds({ x: 100, y: -500, width: 1000, height: 700 }, [laptop], DEFAULTS, MIN)).toEqual({ width: 1000, height: 700 });
    expect(restoreBounds({ x: 1400, y: 100, width: 1000, height: 700 }, [laptop], DEFAULTS, MIN)).toEqual({ width: 1000, height: 700 }); // 40 px visible
    expect(restoreBounds({ x: -950, y: 100, width: 1000, height: 700 }, [laptop], DEFAULTS, MIN)).toEqual({ width: 1000, height: 700 });
    // In the gap above the lower-lying external monitor: on neither display.
    expect(restoreBounds({ x: 1600, y: 0, width: 1000, height: 700 }, [laptop, external], DEFAULTS, MIN)).toEqual({ width: 1000, height: 700 });
  });

  it('keeps a window that is only partly on screen while its title bar can be grabbed', () => {
    expect(restoreBounds({ x: 1000, y: 100, width: 1000, height: 700 }, [laptop], DEFAULTS, MIN)).toEqual({ x: 1000, y: 100, width: 1000, height: 700 });
  });

  it('clamps the size between the minimum and the largest display', () => {
    expect(restoreBounds({ width: 200, height: 100 }, [laptop], DEFAULTS, MIN)).toEqual({ width: 900, height: 640 });
    expect(restoreBounds({ width: 5000, height: 4000 }, [laptop, external], DEFAULTS, MIN)).toEqual({ width: 2560, height: 1415 });
  });

  it('falls back to defaults for garbage values', () => {
    expect(restoreBounds({ width: Number.NaN, height: 700, x: Number.POSITIVE_INFINITY, y: 0 }, [laptop], DEFAULTS, MIN)).toEqual({
      width: 1200,
      height: 820,
    });
  });

  it('works with no display information at all', () => {
    expect(restoreBounds({ x: 5, y: 5, width: 1000, height: 700 }, [], DEFAULTS, MIN)).toEqual({ width: 1000, height: 700 });
  });
});
