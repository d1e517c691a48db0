import '@testing-library/jest-dom/vitest';
import { MantineProvider } from '@mantine/core';
import { cleanup, render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach } from 'vitest';

// Mantine reads these browser APIs that jsdom lacks.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
if (!('ResizeObserver' in window)) {
  class ResizeObserverStub {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverStub;
}
if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => undefined;

afterEach(async () => {
  cleanup();
  // Let Mantine's 10 ms colour-scheme timers finish while the document still exists: a timer left for
  // after jsdom's teardown throws "document is not defined" as an unhandled error and fails the run.
  await new Promise((resolve) => setTimeout(resolve, 15));
});

/** Render inside MantineProvider (with transitions off so modals open at once). */
export function renderUi(ui: ReactElement): RenderResult {
  return render(
    <MantineProvider theme={{ components: { Modal: { defaultProps: { transitionProps: { duration: 0 } } } } }} env="test">
      {ui}
    </MantineProvider>,
  );
}
