import { describe, expect, it } from 'vitest';
import { redact } from '../../../main/core/logging/redact';
import { SECRETS, secretBearingLines } from './secrets';

describe('redact', () => {
  it.each(secretBearingLines())('removes every secret from %s', (line) => {
    const out = redact(line);
    for (const secret of Object.values(SECRETS)) expect(out).not.toContain(secret);
  });

  it('keeps the names and the rest of the line readable', () => {
    expect(redact(`aws_secret_access_key = ${SECRETS.secretAccessKey}`)).toBe('aws_secret_access_key = [redacted]');
    expect(redact(`{"SecretAccessKey":"${SECRETS.secretAccessKey}","x":1}`)).toBe('{"SecretAccessKey":"[redacted]","x":1}');
    expect(redact(`key ${SECRETS.accessKeyId} denied`)).toBe('key [redacted-key-id] denied');
    expect(redact('Authorization: Bearer abc.def\nnext line')).toBe('Authorization: [redacted]\nnext line');
  });

  it('leaves ordinary log text alone, including commit IDs and ARNs', () => {
    const ordinary = [
      'IPC setup:apply failed: AccessDenied: User arn:aws:iam::123456789012:user/dev is not authorized to perform iam:CreateRole.',
      'build 2f1e0c9d8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e',
      'Bucket onramp-data-123 created in eu-west-1',
    ];
    for (const line of ordinary) expect(redact(line)).toBe(line);
  });
});
