/**
 * Screens other than the first one load on first use: each is its own chunk, so the renderer's
 * initial JavaScript holds only the shell and the Connect screen.
 */
import { Skeleton } from '@mantine/core';
import { lazy, Suspense, type ComponentType } from 'react';

/** A screen behind React.lazy, with a skeleton named after it while its chunk loads. */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>, label: string): ComponentType<P> {
  const Impl = lazy(async () => ({ default: await load() }));
  function LazyScreen(props: P) {
    return (
      <Suspense fallback={<Skeleton height={200} aria-label={`Loading ${label}`} />}>
        <Impl {...props} />
      </Suspense>
    );
  }
  LazyScreen.displayName = `Lazy(${label})`;
  return LazyScreen;
}
