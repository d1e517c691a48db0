import '@testing-library/jest-dom/vitest';
import { MantineProvider } from '@mantine/core';
import { cleanup, configure, render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach } from 'vitest';

// `findBy…` and `waitFor` give up after 1 s by default: on a busy machine a lazily loaded screen or a
// chart can take longer to appear. They return as soon as what they wait for is there, so a longer
// limit costs nothing when the UI is right and only delays the report when it is wrong.
configure({ asyncUtilTimeout: 10_000 });

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
