import { Alert, Button, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CostReport } from '../../../../shared/contract/cost';
import type { SessionInfo } from '../../../../shared/contract/session';
import { isoDay } from '../../../../shared/cost/period';
import type { AppErrorShape } from '../../../../shared/errors';
import { api, call } from '../../api';
import { BudgetOrAlarmNote } from '../../components/BudgetOrAlarmNote';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NotConnectedAlert } from '../../components/NotConnectedAlert';
import { BreakdownTables } from './BreakdownTables';
import { BudgetsSection } from './BudgetsSection';
import { DailyChart } from './DailyChart';
import { EstimateVsActual } from './EstimateVsActual';
import { ago, periodOptions } from './model';
import { SpendSummary } from './SpendSummary';

const newRunId = () => `cost-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** What the user can do next for the errors the cost report has words for. */
function costHint(error: AppErrorShape): string | undefined {
  if (error.code === 'AccessDenied') return 'Ask an administrator for the permission named above, or connect with a profile that has it; Readiness lists the permissions Onramp uses.';
  return undefined;
}

/**
 * Actual spend from Cost Explorer: this month to date or past months, the platform's Marketplace
 * charges apart from the infrastructure, by day and by service, the largest EC2 usage types, credits
 * apart, and where the month is heading; then the vCPU-hour estimate beside the actual EC2 spend, and
 * AWS Budgets. Answers come from main's cache while fresh (no request); Refresh asks Cost Explorer.
 */
export function CostScreen({ session, onGoConnect }: { session: SessionInfo | null; onGoConnect: () => void }) {
  const today = isoDay(Date.now());
  const options = useMemo(() => periodOptions(today), [today]);
  const [period, setPeriod] = useState('mtd');
  const [report, setReport] = useState<CostReport | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [runId, setRunId] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [price, setPrice] = useState(0.05);
  const [now, setNow] = useState(() => Date.now());
  const latest = useRef<string | null>(null);
  const hasReport = useRef(false);

  const load = useCallback(
    async (refresh: boolean) => {
      const query = options.find((o) => o.value === period)?.query ?? {};
      const id = newRunId();
      latest.current = id;
      setRunId(id);
      setCancelling(false);
      const r = await call(() => api().cost.report({ ...query, refresh, runId: id }));
      if (latest.current !== id) return;
      setRunId(null);
      setNow(Date.now());
      if (r.ok) {
        hasReport.current = true;
        setReport(r.value);
        setError(null);
      } else if (r.error.code !== 'Cancelled' || !hasReport.current) {
        // A cancelled refresh keeps the figures already shown.
        setError(r.error);
      }
    },
    [options, period],
  );

  useEffect(() => {
    if (session) void load(false);
  }, [session, load]);
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

  const running = runId !== null;
  const shown = report;
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
            <Text size="sm">Usually 4 requests ($0.01 each; a long answer takes more pages) unless a fresh answer is cached.</Text>
            <Button
              size="compact-xs"
              variant="default"
              disabled={cancelling}
              onClick={() => {
                setCancelling(true);
                void call(() => api().cost.cancel({ runId: runId! }));
              }}
            >
              {cancelling ? 'Cancelling…' : 'Cancel'}
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
