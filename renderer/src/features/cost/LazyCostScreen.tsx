/** The Cost screen, loaded on first use so the renderer's initial JavaScript stays small. */
import { Skeleton } from '@mantine/core';
import { lazy, Suspense, type ComponentProps } from 'react';
import type { CostScreen } from './CostScreen';

const Impl = lazy(() => import('./CostScreen').then((m) => ({ default: m.CostScreen })));

/** CostScreen behind React.lazy. */
export function LazyCostScreen(props: ComponentProps<typeof CostScreen>) {
  return (
    <Suspense fallback={<Skeleton height={200} aria-label="Loading the Cost screen" />}>
      <Impl {...props} />
    </Suspense>
  );
}
