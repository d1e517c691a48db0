import { ActionIcon, Alert, Button, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconClockHour4, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { AppErrorShape } from '../../../../shared/errors';
import { api, call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { AlarmForm, FieldErrors } from './model';
import { SubscriptionTable, type SubscriptionRow } from './SubscriptionTable';

/** AWS deletes unconfirmed email subscriptions after 48 hours. */
export function PendingReminder() {
  return (
    <Alert color="yellow" variant="light" icon={<IconClockHour4 size={18} />} p="xs">
      <Text size="sm">
        Each email address gets a confirmation message from AWS and receives nothing until its link is clicked. AWS deletes
        subscriptions still pending after 48 hours; resend the confirmation if it was missed.
      </Text>
    </Alert>
  );
}

/** Step 4: an existing topic (with its subscriptions) or a new one, and email addresses. */
export function NotificationStep({ form, onChange, errors }: { form: AlarmForm; onChange: (form: AlarmForm) => void; errors: FieldErrors }) {
  const [topics, setTopics] = useState<Array<{ topicArn: string; name: string }>>([]);
  const [topicsError, setTopicsError] = useState<AppErrorShape | null>(null);
  const [subs, setSubs] = useState<SubscriptionRow[] | null>(null);
  const [subsError, setSubsError] = useState<AppErrorShape | null>(null);
  const [resending, setResending] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void call(() => api().topics.list({ region: form.region })).then((r) => {
      if (!live) return;
      if (r.ok) setTopics(r.value);
      setTopicsError(r.ok ? null : r.error);
    });
    return () => {
      live = false;
    };
  }, [form.region]);

  useEffect(() => {
    setSubs(null);
    if (form.topicMode !== 'existing' || !form.topicArn) return;
    let live = true;
    void call(() => api().topics.subscriptions({ region: form.region, topicArn: form.topicArn })).then((r) => {
      if (!live) return;
      if (r.ok) setSubs(r.value);
      setSubsError(r.ok ? null : r.error);
    });
    return () => {
      live = false;
    };
  }, [form.region, form.topicMode, form.topicArn]);

  async function resend(endpoint: string) {
    setResending(endpoint);
    const r = await call(() => api().topics.resend({ region: form.region, topicArn: form.topicArn, endpoint }));
    setResending(null);
    if (r.ok) setSubs((s) => s?.map((x) => (x.endpoint === endpoint ? r.value : x)) ?? null);
    else setSubsError(r.error);
  }

  const setEmail = (i: number, value: string) => onChange({ ...form, emails: form.emails.map((e, j) => (j === i ? value : e)) });
  const emailRows = (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {form.topicMode === 'new' ? 'Email addresses' : 'Also subscribe (optional)'}
      </Text>
      {form.emails.map((email, i) => (
        <Group key={i} gap="xs" align="flex-start">
          <TextInput
            aria-label={`Email ${i + 1}`}
            placeholder="ops@example.com"
            value={email}
            onChange={(e) => setEmail(i, e.currentTarget.value)}
            error={errors[`emails.${i}`]}
            w={360}
            type="email"
            autoComplete="off"
          />
          {form.emails.length > (form.topicMode === 'new' ? 1 : 0) && (
            <ActionIcon variant="subtle" color="gray" aria-label={`Remove email ${i + 1}`} onClick={() => onChange({ ...form, emails: form.emails.filter((_, j) => j !== i) })} mt={6}>
              <IconTrash size={16} />
            </ActionIcon>
          )}
        </Group>
      ))}
      <Group>
        <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={() => onChange({ ...form, emails: [...form.emails, ''] })}>
          Add email address
        </Button>
      </Group>
      {errors['topic.emails'] && (
        <Text size="sm" c="red">
          {errors['topic.emails']}
        </Text>
      )}
    </Stack>
  );

  return (
    <Stack gap="md" maw={760}>
      <SegmentedControl
        aria-label="Topic"
        data={[
          { value: 'new', label: 'New topic' },
          { value: 'existing', label: 'Existing topic' },
        ]}
        value={form.topicMode}
        onChange={(v) => onChange({ ...form, topicMode: v === 'existing' ? 'existing' : 'new', emails: v === 'new' && form.emails.length === 0 ? [''] : form.emails })}
        w={320}
      />
      {topicsError && <ErrorAlert error={topicsError} />}
      {form.topicMode === 'existing' ? (
        <>
          <Select
            label="SNS topic"
            placeholder={topics.length ? 'Choose a topic' : `No topics in ${form.region}`}
            data={topics.map((t) => ({ value: t.topicArn, label: t.name }))}
            value={form.topicArn || null}
            onChange={(v) => onChange({ ...form, topicArn: v ?? '' })}
            error={errors['topic.arn']}
            searchable
            w={420}
          />
          {subsError && <ErrorAlert error={subsError} />}
          {subs && subs.length === 0 && <Text size="sm">This topic has no subscriptions yet.</Text>}
          {subs && subs.length > 0 && <SubscriptionTable subscriptions={subs} onResend={(e) => void resend(e)} resending={resending} />}
        </>
      ) : (
        <TextInput
          label="New topic name"
          description="Letters, digits, hyphens and underscores; created in the alarm's region."
          value={form.newTopicName}
          onChange={(e) => onChange({ ...form, newTopicName: e.currentTarget.value })}
          error={form.newTopicName === '' ? undefined : errors['topic.name']}
          w={420}
          autoComplete="off"
        />
      )}
      {emailRows}
      <PendingReminder />
    </Stack>
  );
}
