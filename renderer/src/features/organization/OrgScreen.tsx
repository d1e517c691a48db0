import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { SessionInfo } from '../../../../shared/contract/session';
import { isSupportedRegion } from '../../../../shared/regions';
import { NotConnectedAlert } from '../../components/NotConnectedAlert';
import { RunsProvider } from '../../components/runs';
import { ExistingRollout } from './ExistingRollout';
import { useOrgRun } from './org-run';
import { RolloutTab } from './RolloutTab';

/** Which part of the screen is open. */
export type OrgTab = 'rollout' | 'status' | 'dashboard';

/** What the Organization screen is given. */
export interface OrgScreenProps {
  session: SessionInfo | null;
  onGoConnect: () => void;
  initialTab?: OrgTab;
}

/**
 * Many accounts at once: roll the Cloud Configuration out across an AWS Organization with a
 * StackSet (plan, apply per account as a run, remove), follow each account's state and registration, and watch every
 * account's usage and alarms in one dashboard. Loaded on first use (its own chunk).
 */
export function OrgScreen(props: OrgScreenProps) {
  // Its apply and destroy runs live in the app's RunsProvider (outside one, as in a test, it brings its own).
  if (!useOrgRun('org-apply')) {
    return (
      <RunsProvider>
        <OrgScreen {...props} />
      </RunsProvider>
    );
  }
  return <OrgTabs {...props} />;
}

function OrgTabs({ session, onGoConnect, initialTab = 'rollout' }: OrgScreenProps) {
  const [tab, setTab] = useState<OrgTab>(initialTab);
  const region = session && isSupportedRegion(session.region) ? session.region : 'us-east-1';
  return (
    <Stack>
      <Title order={1} size="h2">
        Organization
      </Title>
      <Text size="sm" c="dimmed">
        From the management account (or a delegated StackSets administrator): one StackSet gives every account of the chosen OUs its own Cloud Configuration and a read-only monitoring role.
      </Text>
      {!session ? (
        <NotConnectedAlert purpose="for the organization's management account." onGoConnect={onGoConnect} />
      ) : (
        <Tabs value={tab} onChange={(v) => setTab(v === 'status' || v === 'dashboard' ? v : 'rollout')} keepMounted={false}>
          <Tabs.List aria-label="Organization views">
            <Tabs.Tab value="rollout">Roll out</Tabs.Tab>
            <Tabs.Tab value="status">Accounts</Tabs.Tab>
            <Tabs.Tab value="dashboard">Dashboard</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="rollout" pt="md">
            <RolloutTab initialRegion={region} />
          </Tabs.Panel>
          <Tabs.Panel value="status" pt="md">
            <ExistingRollout view="status" initialRegion={region} />
          </Tabs.Panel>
          <Tabs.Panel value="dashboard" pt="md">
            <ExistingRollout view="dashboard" initialRegion={region} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
