import { useEffect, useRef } from 'react';

/**
 * Call `refresh` every `intervalMs` while the window is visible. A tick that falls while the
 * document is hidden is skipped and made up as soon as the window shows again.
 */
export function useAutoRefresh(refresh: () => void, intervalMs: number): void {
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(() => {
    let missed = false;
    const hidden = () => document.visibilityState === 'hidden';
    const timer = setInterval(() => {
      if (hidden()) missed = true;
      else latest.current();
    }, intervalMs);
    const onVisibility = () => {
      if (!hidden() && missed) {
        missed = false;
        latest.current();
      }
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [intervalMs]);
}
