import { Button, Card, Group, Loader, NumberInput, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { MAX_WORKSPACE_VCPUS } from '../../../../shared/contract/readiness';
import type { SessionInfo } from '../../../../shared/contract/session';
import { DEFAULT_WORKSPACE_VCPUS, unknownQuotaGroups, type ResourceLimitKey } from '../../../../shared/readiness';
import { ErrorAlert } from '../../components/ErrorAlert';
import { limitAnchorId, orderedRegions, parseWorkspaceVcpus, reportSummary } from './model';
import { CostPermissionsPanel } from './CostPermissionsPanel';
import { PermissionsPanel } from './PermissionsPanel';
import { PlatformResourcesPanel } from './PlatformResourcesPanel';
import { RegionCard, VerdictBadge } from './RegionCard';
import { UnknownQuotasNotice } from './UnknownQuotasNotice';
import { useReadiness } from './use-readiness';
import { NotConnectedAlert } from '../../components/NotConnectedAlert';

/** Which tab the readiness screen opens on. */
export type ReadinessTab = 'limits' | 'platform';

/** Account readiness: identity, permission preflight and limits per region; and what the platform will create. */
export function ReadinessScreen({
  session,
  onGoConnect,
  initialTab = 'limits',
}: {
  session: SessionInfo | null;
  onGoConnect: () => void;
  initialTab?: ReadinessTab;
}) {
  const readiness = useReadiness(session);
  const [tab, setTab] = useState<ReadinessTab>(initialTab);
  const [vcpusText, setVcpusText] = useState<string | number>(DEFAULT_WORKSPACE_VCPUS);
  const [highlight, setHighlight] = useState<ResourceLimitKey>(null);
  const vcpus = parseWorkspaceVcpus(vcpusText, MAX_WORKSPACE_VCPUS);
  const report = readiness.report;

  useEffect(() => {
    if (report) setVcpusText(report.workspaceVcpus);
  }, [report]);

  useEffect(() => {
    if (tab !== 'limits' || !highlight || !report) return;
    const first = orderedRegions(report)[0];
    if (first) document.getElementById(limitAnchorId(first.region, highlight))?.focus();
  }, [tab, highlight, report]);

  return (
    <Stack>
      <Title order={1} size="h2">Account readiness</Title>
      <Tabs value={tab} onChange={(v) => setTab(v === 'platform' ? 'platform' : 'limits')} keepMounted={false}>
        <Tabs.List aria-label="Readiness views">
          <Tabs.Tab value="limits">Permissions and limits</Tabs.Tab>
          <Tabs.Tab value="platform">What the platform will create</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="limits" pt="md">
          {!session ? (
            <NotConnectedAlert purpose="to check its permissions and limits." onGoConnect={onGoConnect} />
          ) : (
            <Stack>
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  if (vcpus !== null) void readiness.refresh(vcpus);
                }}
              >
                <Group align="flex-end">
                  <NumberInput
                    label="Workspace vCPUs"
                    description="The vCPUs your next workspace's cluster needs in total."
                    value={vcpusText}
                    onChange={setVcpusText}
                    min={0}
                    max={MAX_WORKSPACE_VCPUS}
                    allowDecimal={false}
                    allowNegative={false}
                    error={vcpus === null ? `Enter a whole number from 0 to ${MAX_WORKSPACE_VCPUS}.` : undefined}
                    w={260}
                  />
                  <Button type="submit" leftSection={<IconRefresh size={18} aria-hidden />} loading={readiness.loading} disabled={vcpus === null}>
                    Check again
                  </Button>
                </Group>
              </form>
              {readiness.error && <ErrorAlert error={readiness.error} />}
              {!report && readiness.loading && (
                <Group gap="xs">
                  <Loader size="sm" aria-label="Checking readiness" />
                  <Text size="sm" c="dimmed">
                    Checking permissions and limits in every supported region…
                  </Text>
                </Group>
              )}
              {report && (
                <Stack aria-busy={readiness.loading}>
                  <Card withBorder padding="sm" aria-label="Checked identity">
                    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                      <Text size="sm">
                        Account <b>{report.identity.account}</b> · <code style={{ wordBreak: 'break-all' }}>{report.identity.arn}</code>
                      </Text>
                      <VerdictBadge verdict={report.verdict} />
                    </Group>
                    <Text size="sm" c="dimmed" role="status">
                      {reportSummary(report)} Workspace size: {report.workspaceVcpus} vCPUs.
                    </Text>
                  </Card>
                  <PermissionsPanel permissions={report.permissions} />
                  {report.costPermissions && <CostPermissionsPanel permissions={report.costPermissions} />}
                  <Title order={2} size="h4">
                    Limits per region
                  </Title>
                  <UnknownQuotasNotice groups={unknownQuotaGroups(report.regions)} />
                  <SimpleGrid cols={{ base: 1, md: 2 }}>
                    {orderedRegions(report).map((r) => (
                      <RegionCard key={r.region} region={r} highlight={highlight} workspaceVcpus={report.workspaceVcpus} />
                    ))}
                  </SimpleGrid>
                </Stack>
              )}
            </Stack>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="platform" pt="md">
          <PlatformResourcesPanel
            onShowLimit={(key) => {
              setHighlight(key);
              setTab('limits');
            }}
          />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
