/** The dashboard, loaded on first use so the renderer's initial JavaScript stays small. */
import { Skeleton } from '@mantine/core';
import { lazy, Suspense, type ComponentProps } from 'react';
import type { DashboardScreen } from './DashboardScreen';

const Impl = lazy(() => import('./DashboardScreen').then((m) => ({ default: m.DashboardScreen })));

/** DashboardScreen behind React.lazy. */
export function LazyDashboardScreen(props: ComponentProps<typeof DashboardScreen>) {
  return (
    <Suspense fallback={<Skeleton height={200} aria-label="Loading dashboard" />}>
      <Impl {...props} />
    </Suspense>
  );
}
