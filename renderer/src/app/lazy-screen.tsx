/**
 * Screens other than the first one load on first use: each is its own chunk, so the renderer's
 * initial JavaScript holds only the shell and the Connect screen.
 */
import { Box, Skeleton, VisuallyHidden } from '@mantine/core';
import { lazy, Suspense, type ComponentType } from 'react';

/**
 * A screen behind React.lazy. While its chunk loads, a status (read by screen readers) names the
 * screen; the skeleton itself is decoration.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>, label: string): ComponentType<P> {
  const Impl = lazy(async () => ({ default: await load() }));
  function LazyScreen(props: P) {
    return (
      <Suspense
        fallback={
          <Box role="status">
            <VisuallyHidden>{`Loading ${label}…`}</VisuallyHidden>
            <Skeleton height={200} aria-hidden />
          </Box>
        }
      >
        <Impl {...props} />
      </Suspense>
    );
  }
  LazyScreen.displayName = `Lazy(${label})`;
  return LazyScreen;
}
