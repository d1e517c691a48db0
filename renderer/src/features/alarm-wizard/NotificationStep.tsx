import { ActionIcon, Alert, Button, Checkbox, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconClockHour4, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { AppErrorShape } from '../../../../shared/errors';
import { api, call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import {
  confirmationText,
  historyRegion,
  NOTIFY_OPTIONS,
  topicName,
  withEmailRow,
  withEmailsSplit,
  withNotifyOn,
  withTopicMode,
  type AlarmForm,
  type FieldErrors,
} from './model';
import { SubscriptionTable } from './SubscriptionTable';
import type { TopicPlanState } from './use-topic-plan';

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

/** Step 4: when to notify, an existing topic (with its subscriptions) or a new one, and email addresses. */
export function NotificationStep({ form, onChange, errors, topic }: { form: AlarmForm; onChange: (form: AlarmForm) => void; errors: FieldErrors; topic: TopicPlanState }) {
  const [topics, setTopics] = useState<Array<{ topicArn: string; name: string }> | null>(null);
  const [topicsError, setTopicsError] = useState<AppErrorShape | null>(null);
  const [resending, setResending] = useState<string | null>(null);
  const [resendError, setResendError] = useState<AppErrorShape | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const region = historyRegion(form);
  const several = form.regions.length > 1;

  useEffect(() => {
    let live = true;
    setTopics(null);
    void call(() => api().topics.list({ region })).then((r) => {
      if (!live) return;
      setTopics(r.ok ? r.value : []);
      setTopicsError(r.ok ? null : r.error);
    });
    return () => {
      live = false;
    };
  }, [region]);

  async function resend(endpoint: string) {
    setResending(endpoint);
    const r = await call(() => api().topics.resend({ region, topicArn: form.topicArn, endpoint }));
    setResending(null);
    if (r.ok) topic.updateSubscription(r.value);
    setResendError(r.ok ? null : r.error);
  }

  const conflict = topic.plan.conflicts[0];
  const reused = form.topicMode === 'new' ? (topic.lookups ?? []).filter((l) => l.onramp) : [];
  const confirmations = confirmationText(topic.plan);
  const emailRows = (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {form.topicMode === 'new' ? 'Email addresses' : 'Also subscribe (optional)'}
      </Text>
      <Text size="xs" c="dimmed">
        Paste several at once, separated by commas, spaces or new lines: each becomes its own row.
      </Text>
      {form.emails.map((email, i) => (
        <Group key={i} gap="xs" align="flex-start">
          <TextInput
            aria-label={`Email ${i + 1}`}
            placeholder="ops@example.com"
            value={email}
            onChange={(e) => onChange(withEmailRow(form, i, e.currentTarget.value))}
            onPaste={(e) => {
              const text = e.clipboardData.getData('text');
              if (!/[\s,;]/.test(text.trim())) return;
              e.preventDefault();
              onChange(withEmailsSplit(form, i, `${email}${text}`));
            }}
            onBlur={() => onChange(withEmailsSplit(form, i))}
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
      {confirmations && (
        <Text size="sm" aria-label="Confirmation emails">
          {confirmations}
        </Text>
      )}
    </Stack>
  );

  return (
    <Stack gap="md" maw={760}>
      <Checkbox.Group
        label="Notify when the alarm goes to"
        value={form.notifyOn}
        onChange={(values) => onChange(NOTIFY_OPTIONS.reduce((f, o) => withNotifyOn(f, o.value, values.includes(o.value)), form))}
        error={errors.notifyOn}
      >
        <Group gap="lg" mt="xs">
          {NOTIFY_OPTIONS.map((o) => (
            <Checkbox key={o.value} value={o.value} label={o.label} description={o.description} />
          ))}
        </Group>
      </Checkbox.Group>
      <Stack gap={4}>
        <SegmentedControl
          aria-label="Topic"
          data={[
            { value: 'new', label: several ? `New topic (one per region)` : 'New topic' },
            { value: 'existing', label: 'Existing topic', disabled: several },
          ]}
          value={form.topicMode}
          onChange={(v) => onChange(withTopicMode(form, v === 'existing' ? 'existing' : 'new'))}
          w={380}
        />
        {several && (
          <Text size="xs" c="dimmed">
            An alarm can notify only a topic in its own region, so with {form.regions.length} regions Onramp makes (or reuses) a topic of the same
            name in each.
          </Text>
        )}
      </Stack>
      {topicsError && <ErrorAlert error={topicsError} />}
      {form.topicMode === 'existing' ? (
        <>
          <Select
            label="SNS topic"
            placeholder={topics === null ? 'Loading topics…' : topics.length ? 'Choose a topic' : `No topics in ${region}`}
            data={(topics ?? []).map((t) => ({ value: t.topicArn, label: t.name }))}
            value={form.topicArn || null}
            onChange={(v) => onChange({ ...form, topicArn: v ?? '' })}
            // An error only once something was chosen: an empty field is not a mistake yet.
            error={form.topicArn ? errors['topic.arn'] : undefined}
            searchable
            w={420}
          />
          {(topic.error ?? resendError) && <ErrorAlert error={(topic.error ?? resendError)!} />}
          {topic.subscriptions && topic.subscriptions.length === 0 && <Text size="sm">This topic has no subscriptions yet.</Text>}
          {topic.subscriptions && topic.subscriptions.length > 0 && <SubscriptionTable subscriptions={topic.subscriptions} onResend={(e) => void resend(e)} resending={resending} />}
        </>
      ) : (
        <>
          <TextInput
            ref={nameInput}
            label="New topic name"
            description={several ? 'Letters, digits, hyphens and underscores; created in each chosen region.' : "Letters, digits, hyphens and underscores; created in the alarm's region."}
            value={form.newTopicName}
            onChange={(e) => onChange({ ...form, newTopicName: e.currentTarget.value })}
            error={form.newTopicName === '' ? undefined : errors['topic.name']}
            w={420}
            autoComplete="off"
          />
          {topic.error && <ErrorAlert error={topic.error} />}
          {conflict && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={`A topic named ${form.newTopicName.trim()} already exists in ${conflict.region}`} role="alert">
              <Stack gap="xs">
                <Text size="sm">
                  {conflict.topicArn} has {conflict.subscriptions.length} subscription{conflict.subscriptions.length === 1 ? '' : 's'}, and Onramp did not create it
                  for alarms. A new topic must be new: notify that topic (and everyone subscribed to it) only if you mean to.
                </Text>
                <Group gap="xs">
                  {!several && (
                    <Button size="xs" variant="light" onClick={() => onChange({ ...withTopicMode(form, 'existing'), topicArn: conflict.topicArn ?? '', emails: [] })}>
                      Use the existing topic {topicName(conflict.topicArn ?? '')}
                    </Button>
                  )}
                  <Button size="xs" variant="default" onClick={() => nameInput.current?.focus()}>
                    Choose another name
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          {!conflict && reused.length > 0 && (
            <Text size="sm" aria-label="Reused topics">
              Onramp's topic {form.newTopicName.trim()} already exists in {reused.map((l) => `${l.region} (${l.subscriptions.length} subscriber${l.subscriptions.length === 1 ? '' : 's'})`).join(', ')}: it is reused, and addresses already subscribed are not asked again.
            </Text>
          )}
        </>
      )}
      {emailRows}
      <PendingReminder />
    </Stack>
  );
}
