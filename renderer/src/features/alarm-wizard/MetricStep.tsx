import { Alert, Radio, Select, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { BILLING_REGION, DEFAULT_USAGE_CLASS } from '../../../../shared/monitoring/metric';
import { isSupportedRegion, SUPPORTED_REGIONS } from '../../../../shared/regions';
import { api, call } from '../../api';
import { withMetricKind, type AlarmForm } from './model';

/** Step 1: region, and the vCPU usage metric of a class or the account's estimated charges. */
export function MetricStep({ form, onChange }: { form: AlarmForm; onChange: (form: AlarmForm) => void }) {
  const [classes, setClasses] = useState<string[]>([DEFAULT_USAGE_CLASS]);
  const [classesNote, setClassesNote] = useState<string | null>(null);

  useEffect(() => {
    if (form.metricKind !== 'vcpu') return;
    let live = true;
    void call(() => api().usage.classes({ region: form.region })).then((r) => {
      if (!live) return;
      if (r.ok) {
        setClasses(r.value.length ? r.value : [DEFAULT_USAGE_CLASS]);
        setClassesNote(null);
      } else {
        setClasses([DEFAULT_USAGE_CLASS]);
        setClassesNote(`Could not list the account's usage classes (${r.error.message}); showing the default.`);
      }
    });
    return () => {
      live = false;
    };
  }, [form.region, form.metricKind]);

  const classOptions = classes.includes(form.usageClass) ? classes : [form.usageClass, ...classes];
  return (
    <Stack gap="md" maw={640}>
      <Radio.Group
        label="Metric"
        value={form.metricKind}
        onChange={(v) => onChange(withMetricKind(form, v === 'billing' ? 'billing' : 'vcpu'))}
      >
        <Stack gap="xs" mt="xs">
          <Radio value="vcpu" label="EC2 vCPU usage (AWS/Usage ResourceCount, Service=EC2, Type=Resource, Resource=vCPU)" />
          <Radio value="billing" label="Estimated charges for the whole account (AWS/Billing EstimatedCharges, USD)" />
        </Stack>
      </Radio.Group>
      <Select
        label="Region"
        data={SUPPORTED_REGIONS.map((r) => ({ value: r, label: r, disabled: form.metricKind === 'billing' && r !== BILLING_REGION }))}
        value={form.region}
        onChange={(v) => v && isSupportedRegion(v) && onChange({ ...form, region: v })}
        allowDeselect={false}
        description={form.metricKind === 'billing' ? 'Billing metrics exist only in us-east-1.' : 'Where the alarm and its topic live.'}
      />
      {form.metricKind === 'vcpu' ? (
        <Select
          label="Usage class"
          description="Standard/OnDemand covers A, C, D, H, I, M, R, T and Z instances; other classes appear when the account has used them."
          data={classOptions}
          value={form.usageClass}
          onChange={(v) => v && onChange({ ...form, usageClass: v })}
          allowDeselect={false}
          error={classesNote ?? undefined}
        />
      ) : (
        <Alert color="blue" variant="light" title="Turn on “Receive Billing Alerts” first">
          <Text size="sm">
            AWS publishes EstimatedCharges only after the account's root user or an administrator turns on “Receive Billing
            Alerts” in the Billing console (Billing preferences). It is account-wide, in USD, updated a few times a day, and only
            in us-east-1.
          </Text>
        </Alert>
      )}
    </Stack>
  );
}
