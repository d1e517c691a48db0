import { Alert, Checkbox, Group, Loader, Radio, Select, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ALL_USAGE_CLASSES, BILLING_REGION, DEFAULT_USAGE_CLASS, usageClassLabel } from '../../../../shared/monitoring/metric';
import { isSupportedRegion, SUPPORTED_REGIONS } from '../../../../shared/regions';
import { api, call } from '../../api';
import { withMetricKind, withRegions, type AlarmForm, type FieldErrors } from './model';

/** The usage class choices: all classes first, then the classes the account has metrics for. */
export function classOptions(classes: readonly string[], current: string): { value: string; label: string }[] {
  const singles = classes.includes(current) || current === ALL_USAGE_CLASSES ? [...classes] : [current, ...classes];
  return [{ value: ALL_USAGE_CLASSES, label: usageClassLabel(ALL_USAGE_CLASSES) }, ...singles.map((c) => ({ value: c, label: c }))];
}

/** Step 1: regions, and the vCPU usage metric (all classes or one) or the account's estimated charges. */
export function MetricStep({ form, onChange, errors }: { form: AlarmForm; onChange: (form: AlarmForm) => void; errors: FieldErrors }) {
  const [classes, setClasses] = useState<string[]>([DEFAULT_USAGE_CLASS]);
  const [classesNote, setClassesNote] = useState<string | null>(null);
  const [loadingClasses, setLoadingClasses] = useState(false);
  const regionsKey = form.regions.join(',');

  useEffect(() => {
    if (form.metricKind !== 'vcpu') return;
    let live = true;
    setLoadingClasses(true);
    // The classes any chosen region has metrics for.
    void Promise.all(form.regions.map((region) => call(() => api().usage.classes({ region })))).then((results) => {
      if (!live) return;
      setLoadingClasses(false);
      const failed = results.find((r) => !r.ok);
      const found = new Set(results.flatMap((r) => (r.ok ? r.value : [])));
      found.delete(DEFAULT_USAGE_CLASS);
      setClasses([DEFAULT_USAGE_CLASS, ...[...found].sort()]);
      setClassesNote(failed && !failed.ok ? `Could not list the account's usage classes (${failed.error.message}); showing the default ones.` : null);
    });
    return () => {
      live = false;
    };
    // regionsKey stands for form.regions.
  }, [regionsKey, form.metricKind]);

  const billing = form.metricKind === 'billing';
  return (
    <Stack gap="md" maw={680}>
      <Radio.Group label="Metric" value={form.metricKind} onChange={(v) => onChange(withMetricKind(form, v === 'billing' ? 'billing' : 'vcpu'))}>
        <Stack gap="xs" mt="xs">
          <Radio value="vcpu" label="EC2 vCPU usage (AWS/Usage ResourceCount, Service=EC2, Type=Resource, Resource=vCPU)" />
          <Radio value="billing" label="Estimated charges for the whole account (AWS/Billing EstimatedCharges, USD)" />
        </Stack>
      </Radio.Group>
      <Checkbox.Group
        label="Regions"
        description={
          billing
            ? 'Billing metrics exist only in us-east-1.'
            : 'The alarm (and its topic) is created in each chosen region, all or nothing: if one region fails, nothing is left in the others.'
        }
        value={form.regions}
        onChange={(values) => onChange(withRegions(form, SUPPORTED_REGIONS.filter((r) => values.includes(r) && isSupportedRegion(r))))}
        error={errors.regions ?? errors['regions.0']}
      >
        <Group gap="md" mt="xs">
          {SUPPORTED_REGIONS.map((r) => (
            <Checkbox key={r} value={r} label={r} disabled={billing && r !== BILLING_REGION} />
          ))}
        </Group>
      </Checkbox.Group>
      {form.metricKind === 'vcpu' ? (
        <Select
          label="Usage class"
          description={
            form.usageClass === ALL_USAGE_CLASSES
              ? 'The total of every usage class the account publishes in the region — On-Demand and Spot, and classes AWS adds later. The alarm is a CloudWatch Metrics Insights query that adds them up per period as they appear, the same sum the chart and backtest show; it evaluates at most the latest 3 hours.'
              : 'Standard/OnDemand covers A, C, D, H, I, M, R, T and Z instances; other classes appear when the account has used them.'
          }
          data={classOptions(classes, form.usageClass)}
          value={form.usageClass}
          onChange={(v) => v && onChange({ ...form, usageClass: v })}
          allowDeselect={false}
          rightSection={loadingClasses ? <Loader size="xs" aria-hidden /> : undefined}
          error={classesNote ?? undefined}
        />
      ) : (
        <Alert color="blue" variant="light" title="Turn on “Receive Billing Alerts” first">
          <Text size="sm">
            AWS publishes EstimatedCharges only after the account's root user or an administrator turns on “Receive Billing
            Alerts” in the Billing console (Billing preferences). It is account-wide, in USD, updated a few times a day (so the period
            is 6 hours, as AWS recommends), and only in us-east-1.
          </Text>
        </Alert>
      )}
      {loadingClasses && form.metricKind === 'vcpu' && (
        <Text size="xs" c="dimmed" role="status">
          Loading the usage classes this account has…
        </Text>
      )}
    </Stack>
  );
}
