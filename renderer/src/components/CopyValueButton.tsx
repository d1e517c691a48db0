import { ActionIcon, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { copyText } from './clipboard';

/** An icon button that copies `value`; its accessible name is "Copy <label>". */
export function CopyValueButton({ value, label }: { value: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const t = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(t);
  }, [state]);
  const tip = state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed: select the text and copy it by hand' : `Copy ${label}`;
  return (
    <Tooltip label={tip} withArrow>
      <ActionIcon
        variant="subtle"
        color={state === 'copied' ? 'teal' : state === 'failed' ? 'red' : 'gray'}
        aria-label={`Copy ${label}`}
        onClick={() => void copyText(value).then((ok) => setState(ok ? 'copied' : 'failed'))}
      >
        {state === 'copied' ? <IconCheck size={16} /> : state === 'failed' ? <IconX size={16} /> : <IconCopy size={16} />}
      </ActionIcon>
    </Tooltip>
  );
}
