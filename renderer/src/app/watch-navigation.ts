import { useEffect, useRef } from 'react';
import type { WatchScreen } from '../../../shared/watch/events';

declare global {
  interface Window {
    /** The one message main sends unasked (the preload's `onrampEvents`); absent in a browser harness. */
    onrampEvents?: { onNavigate(listener: (screen: string) => void): () => void };
  }
}

/** The navbar entry that shows what a notification was about. */
export const SCREEN_OF: Record<WatchScreen, string> = { dashboard: 'monitoring', cost: 'cost', configurations: 'configurations', connect: 'connect' };

/** The navbar id for a screen name from main, or null for anything else. */
export function navIdFor(screen: string): string | null {
  return Object.hasOwn(SCREEN_OF, screen) ? SCREEN_OF[screen as WatchScreen] : null;
}

/** Open the screen a clicked desktop notification names. */
export function useWatchNavigation(go: (id: string) => void): void {
  const latest = useRef(go);
  latest.current = go;
  useEffect(() => {
    const off = window.onrampEvents?.onNavigate((screen) => {
      const id = navIdFor(screen);
      if (id) latest.current(id);
    });
    return () => off?.();
  }, []);
}
