import { Button, Group, Select, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import type { OrgRolloutSummary } from '../../../../shared/contract/org';
import type { AppErrorShape } from '../../../../shared/errors';
import { SUPPORTED_REGIONS, type SupportedRegion } from '../../../../shared/regions';
import { api, call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';

/** Which roll-out to look at: a region, then one of the organization's roll-outs there (org:list). */
export function RolloutPicker({ region, onRegion, value, onPick }: { region: SupportedRegion; onRegion: (r: SupportedRegion) => void; value: string | null; onPick: (r: OrgRolloutSummary | null) => void }) {
  const [list, setList] = useState<OrgRolloutSummary[] | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [loading, setLoading] = useState(false);
  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    const r = await call(() => api().org.list({ region }));
    setLoading(false);
    if (r.ok) setList(r.value);
    else setError(r.error);
  }, [region]);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <>
      <Group align="flex-end">
        <Select label="Region" data={[...SUPPORTED_REGIONS]} value={region} onChange={(v) => v && onRegion(v as SupportedRegion)} allowDeselect={false} w={160} />
        <Select
          label="Roll-out"
          placeholder={list && list.length === 0 ? 'none in this region' : 'choose one'}
          data={(list ?? []).map((r) => ({ value: r.name, label: `${r.name} (${r.stackSet})` }))}
          value={value}
          onChange={(v) => onPick(list?.find((r) => r.name === v) ?? null)}
          disabled={!list || list.length === 0}
          w={320}
        />
        <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden />} loading={loading} onClick={() => void load()}>
          Refresh list
        </Button>
      </Group>
      {list && list.length === 0 && (
        <Text size="sm" c="dimmed">
          No Onramp roll-out in {region} yet: plan and apply one under Roll out.
        </Text>
      )}
      {error && <ErrorAlert error={error} />}
    </>
  );
}
