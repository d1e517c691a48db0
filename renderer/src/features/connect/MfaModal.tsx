import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { mfaCodeProblem, mfaFieldValue } from './model';

/** Asks for the 6-digit MFA code of an assume-role profile; Cancel leaves without connecting. */
export function MfaModal({
  opened,
  profile,
  serial,
  onSubmit,
  onCancel,
}: {
  opened: boolean;
  profile: string;
  serial: string;
  onSubmit: (code: string) => void;
  onCancel: () => void;
}) {
  const [code, setCode] = useState('');
  const [touched, setTouched] = useState(false);
  const problem = mfaCodeProblem(code);
  const close = () => {
    setCode('');
    setTouched(false);
    onCancel();
  };
  return (
    <Modal opened={opened} onClose={close} title={`MFA code for "${profile}"`} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (problem) return;
          setCode('');
          setTouched(false);
          onSubmit(code);
        }}
      >
        <Stack>
          <Text size="sm">
            This profile assumes a role that requires MFA. Enter the current code from device <code>{serial}</code>.
          </Text>
          <TextInput
            label="MFA code"
            placeholder="123456"
            inputMode="numeric"
            autoComplete="one-time-code"
            // No maxLength: a pasted " 123456" would be cut to " 12345" before the spaces are removed.
            data-autofocus
            value={code}
            onChange={(e) => {
              setCode(mfaFieldValue(e.currentTarget.value));
              setTouched(true);
            }}
            error={touched && code.length > 0 ? problem : null}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" disabled={problem !== null}>
              Connect with MFA
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
