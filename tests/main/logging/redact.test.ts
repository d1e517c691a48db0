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

  it('removes the IAM Identity Center tokens, client secret and device code of a sign-in', () => {
    const cache = JSON.stringify({ startUrl: 'https://corp.awsapps.com/start', accessToken: 'aoaAAAAtokenvalue', refreshToken: 'aorAAAArefresh', clientSecret: 'eyJraWQiOi-client-secret', clientId: 'public-client-id' });
    const out = redact(cache);
    for (const secret of ['aoaAAAAtokenvalue', 'aorAAAArefresh', 'eyJraWQiOi-client-secret']) expect(out).not.toContain(secret);
    expect(out).toContain('https://corp.awsapps.com/start');
    expect(redact('x-amz-sso_bearer_token: aoaAAAAtokenvalue')).toBe('x-amz-sso_bearer_token: [redacted]');
    expect(redact('{"deviceCode":"device-code-secret","userCode":"ABCD-EFGH"}')).toBe('{"deviceCode":"[redacted]","userCode":"ABCD-EFGH"}');
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
