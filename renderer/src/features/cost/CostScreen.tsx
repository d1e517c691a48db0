import { Alert, Button, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CostReport } from '../../../../shared/contract/cost';
import type { SessionInfo } from '../../../../shared/contract/session';
import { isoDay } from '../../../../shared/cost/period';
import type { AppErrorShape } from '../../../../shared/errors';
import { api, call } from '../../api';
import { RunsProvider } from '../../components/runs';
import { BudgetOrAlarmNote } from '../../components/BudgetOrAlarmNote';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NotConnectedAlert } from '../../components/NotConnectedAlert';
import { BreakdownTables } from './BreakdownTables';
import { BudgetsSection } from './BudgetsSection';
import { DailyChart } from './DailyChart';
import { EstimateVsActual } from './EstimateVsActual';
import { useCostRun } from './cost-run';
import { ago, periodOptions } from './model';
import { SpendSummary } from './SpendSummary';

/** What the user can do next for the errors the cost report has words for. */
function costHint(error: AppErrorShape): string | undefined {
  if (error.code === 'AccessDenied') return 'Ask an administrator for the permission named above, or connect with a profile that has it; Readiness lists the permissions Onramp uses.';
  return undefined;
}

type Props = { session: SessionInfo | null; onGoConnect: () => void };

/**
 * Actual spend from Cost Explorer: this month to date or past months, the platform's Marketplace
 * charges apart from the infrastructure, by day and by service, the largest EC2 usage types, credits
 * apart, and where the month is heading; then the vCPU-hour estimate beside the actual EC2 spend, and
 * AWS Budgets. The cached answer is shown while fresh (no request); otherwise a refresh run asks Cost
 * Explorer, followed like every run and kept (with the period) across navigation.
 */
export function CostScreen(props: Props) {
  const place = useCostRun();
  if (!place) {
    return (
      <RunsProvider>
        <CostScreen {...props} />
      </RunsProvider>
    );
  }
  return <CostView {...props} place={place} />;
}

function CostView({ session, onGoConnect, place }: Props & { place: NonNullable<ReturnType<typeof useCostRun>> }) {
  const today = isoDay(Date.now());
  const options = useMemo(() => periodOptions(today), [today]);
  const period = place.value.period;
  const setPeriod = (p: string) => place.set((v) => ({ ...v, period: p }));
  const [report, setReport] = useState<CostReport | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [price, setPrice] = useState(0.05);
  const [now, setNow] = useState(() => Date.now());
  const hasReport = useRef(false);
  const { track, running, refresh: run } = place;

  const load = useCallback(
    async (force: boolean) => {
      const query = options.find((o) => o.value === period)?.query ?? {};
      if (!force) {
        // The cached answer while it is fresh: no request.
        const cached = await call(() => api().cost.report(query));
        if (!cached.ok) return setError(cached.error);
        if (cached.value) {
          hasReport.current = true;
          setReport(cached.value);
          setError(null);
          setNow(Date.now());
          return;
        }
      }
      const started = await call(() => api().cost.refresh({ ...query, force }));
      if (!started.ok) return setError(started.error);
      track(started.value.runId);
    },
    [options, period, track],
  );

  // A refresh that ended: its report, or why not (a cancelled refresh keeps the figures shown).
  const endedRun = run && run.state !== 'running' ? run : null;
  useEffect(() => {
    if (!endedRun) return;
    setNow(Date.now());
    if (endedRun.state === 'succeeded' && endedRun.result) {
      hasReport.current = true;
      setReport(endedRun.result);
      setError(null);
    } else if (endedRun.state !== 'cancelled' || !hasReport.current) {
      setError(endedRun.error);
    }
  }, [endedRun?.runId, endedRun?.state]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    // A refresh still running (the user came back) is followed, not started again.
    if (session && !running) void load(false);
  }, [session, load]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    void call(() => api().settings.get({})).then((r) => r.ok && setPrice(r.value.pricePerVcpuHour));
  }, []);

  if (!session) {
    return (
      <Stack>
        <Title order={1} size="h2">
          Cost
        </Title>
        <NotConnectedAlert purpose="to see what the account actually costs and to set budgets." onGoConnect={onGoConnect} />
      </Stack>
    );
  }

  const shown = report;
  const step = run?.state === 'running' ? run.steps.at(-1) : undefined;
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          Cost
        </Title>
        <Group gap="sm" align="flex-end">
          <Select label="Period" data={options.map(({ value, label }) => ({ value, label }))} value={period} onChange={(v) => v && setPeriod(v)} allowDeselect={false} w={280} size="xs" disabled={running} />
          <Button size="xs" variant="default" leftSection={<IconRefresh size={14} />} onClick={() => void load(true)} disabled={running}>
            Refresh from Cost Explorer
          </Button>
        </Group>
      </Group>
      {running && (
        <Alert color="blue" variant="light" role="status" title="Asking Cost Explorer">
          <Group gap="sm">
            <Loader size="xs" aria-hidden />
            <Text size="sm">{step?.label ?? 'Starting…'} Usually 4 requests in all ($0.01 each; a long answer takes more pages).</Text>
            <Button size="compact-xs" variant="default" disabled={place.cancelling} onClick={() => void place.cancel()}>
              {place.cancelling ? 'Cancelling…' : 'Cancel'}
            </Button>
          </Group>
        </Alert>
      )}
      {error && <ErrorAlert error={error} hint={costHint(error)} />}
      {shown && (
        <>
          <Text size="sm" c="dimmed" aria-label="Where the figures come from">
            Cost Explorer, {shown.period.start} to the day before {shown.period.end} (UTC), {shown.currency}.{' '}
            {shown.cached
              ? `From the cache, fetched ${ago(shown.fetchedAt, now)} — no request; asked again after ${new Date(shown.freshUntil).toLocaleTimeString()}, or with Refresh.`
              : `Fetched just now: ${shown.requests.costExplorer} request${shown.requests.costExplorer === 1 ? '' : 's'} ($${shown.requests.estimatedCostUsd.toFixed(2)}).`}
          </Text>
          {shown.notes.map((n) => (
            <Text key={n} size="xs" c="dimmed">
              {n}
            </Text>
          ))}
          <SpendSummary report={shown} />
          <DailyChart report={shown} />
          <BreakdownTables report={shown} />
          <EstimateVsActual report={shown} price={price} today={today} />
        </>
      )}
      <BudgetOrAlarmNote />
      <BudgetsSection />
    </Stack>
  );
}
