/** The alarm wizard (and its result screen), loaded on first use so the renderer's initial JavaScript stays small. */
import { Skeleton } from '@mantine/core';
import { lazy, Suspense, type ComponentProps } from 'react';
import type { AlarmResultScreen } from './AlarmResultScreen';
import type { AlarmWizard } from './AlarmWizard';

const Impl = lazy(() => import('./AlarmWizard').then((m) => ({ default: m.AlarmWizard })));

/** AlarmWizard behind React.lazy. */
export function LazyAlarmWizard(props: ComponentProps<typeof AlarmWizard>) {
  return (
    <Suspense fallback={<Skeleton height={200} aria-label="Loading alarm wizard" />}>
      <Impl {...props} />
    </Suspense>
  );
}

const ResultImpl = lazy(() => import('./AlarmResultScreen').then((m) => ({ default: m.AlarmResultScreen })));

/** AlarmResultScreen behind React.lazy (it shares the wizard's result view). */
export function LazyAlarmResultScreen(props: ComponentProps<typeof AlarmResultScreen>) {
  return (
    <Suspense fallback={<Skeleton height={200} aria-label="Loading the alarm result" />}>
      <ResultImpl {...props} />
    </Suspense>
  );
}
