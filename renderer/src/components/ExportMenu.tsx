import { Button, Group, Menu, Text } from '@mantine/core';
import { IconChevronDown, IconCopy, IconDownload, IconFileExport } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import type { ExportDocument, ExportFormat } from '../../../shared/contract/export';
import type { AppErrorShape } from '../../../shared/errors';
import { api, call } from '../api';
import { copyText, downloadText } from './clipboard';
import { ErrorAlert } from './ErrorAlert';
import { describeError } from './error-model';

/** The export formats with the names the menu uses. */
export const EXPORT_OPTIONS: readonly { format: ExportFormat; label: string }[] = [
  { format: 'cloudformation', label: 'CloudFormation template' },
  { format: 'terraform', label: 'Terraform configuration' },
  { format: 'cli', label: 'AWS CLI script' },
];

type Outcome = { kind: 'done'; text: string } | { kind: 'error'; error: AppErrorShape } | null;

/**
 * A menu that exports a saved Cloud Configuration as CloudFormation, Terraform or an AWS CLI script:
 * download it as a file (Blob + <a download>) or copy it to the clipboard. The button's accessible
 * name is "Export <name>" unless `compact` is off, where it reads "Export as code".
 */
export function ExportMenu({ name, compact = false }: { name: string; compact?: boolean }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  async function run(format: ExportFormat, action: 'download' | 'copy') {
    setBusy(true);
    setOutcome(null);
    const r = await call(() => api().export.document({ name, format }));
    setBusy(false);
    if (!r.ok) return setOutcome({ kind: 'error', error: r.error });
    const doc: ExportDocument = r.value;
    const label = EXPORT_OPTIONS.find((o) => o.format === format)?.label ?? format;
    if (action === 'download') {
      downloadText(doc.filename, doc.content, doc.mimeType);
      setOutcome({ kind: 'done', text: `Saved ${label} as ${doc.filename}.` });
    } else {
      const ok = await copyText(doc.content);
      setOutcome(ok ? { kind: 'done', text: `Copied the ${label} to the clipboard.` } : { kind: 'done', text: 'Copy failed: download the file instead.' });
    }
  }

  return (
    <div>
      <Group gap="xs" wrap="nowrap">
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button
              size={compact ? 'compact-sm' : 'sm'}
              variant={compact ? 'subtle' : 'default'}
              leftSection={<IconFileExport size={compact ? 16 : 18} aria-hidden />}
              rightSection={<IconChevronDown size={14} aria-hidden />}
              loading={busy}
              aria-label={compact ? `Export ${name}` : undefined}
            >
              {compact ? 'Export' : 'Export as code'}
            </Button>
          </Menu.Target>
          <Menu.Dropdown aria-label={`Export ${name}`}>
            {EXPORT_OPTIONS.map((o, i) => (
              <Fragment key={o.format}>
                {i > 0 && <Menu.Divider />}
                <Menu.Label>{o.label}</Menu.Label>
                <Menu.Item leftSection={<IconDownload size={16} aria-hidden />} onClick={() => void run(o.format, 'download')}>
                  Download {o.label}
                </Menu.Item>
                <Menu.Item leftSection={<IconCopy size={16} aria-hidden />} onClick={() => void run(o.format, 'copy')}>
                  Copy {o.label}
                </Menu.Item>
              </Fragment>
            ))}
          </Menu.Dropdown>
        </Menu>
        {outcome?.kind === 'done' && !compact && (
          <Text size="sm" c="dimmed" role="status">
            {outcome.text}
          </Text>
        )}
      </Group>
      {outcome?.kind === 'done' && compact && (
        <Text size="xs" c="dimmed" role="status" mt={4}>
          {outcome.text}
        </Text>
      )}
      {outcome?.kind === 'error' &&
        (compact ? (
          <Text size="xs" c="red" role="alert" mt={4} maw={260}>
            Export failed: {outcome.error.message} {describeError(outcome.error).hint}
          </Text>
        ) : (
          <ErrorAlert error={outcome.error} />
        ))}
    </div>
  );
}
