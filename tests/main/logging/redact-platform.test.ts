import { describe, expect, it } from 'vitest';
import { redact } from '../../../main/core/logging/redact';
import { FAKE_SECRET } from '../../helpers/fake-bodo-platform';

const JWT = `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${Buffer.from(JSON.stringify({ sub: 'c', exp: 1_900_000_000 })).toString('base64url')}.c2lnbmF0dXJlLXZhbHVl_-x`;

describe('redact: Bodo Platform credentials', () => {
  it.each([
    `BODO_ORG_SECRET_KEY=${FAKE_SECRET}`,
    `BODO_SECRET_KEY: ${FAKE_SECRET}`,
    JSON.stringify({ clientId: 'c', secret: FAKE_SECRET }),
    `token ${JWT} refused`,
    `Authorization: Bearer ${JWT}`,
  ])('removes the secret or token from %s', (line) => {
    const out = redact(line);
    expect(out).not.toContain(FAKE_SECRET);
    expect(out).not.toContain(JWT);
    expect(out).not.toContain(JWT.split('.')[1]);
  });

  it('leaves ordinary platform messages alone', () => {
    const line = 'The Bodo Platform refused to create the Cloud Configuration "analytics" (HTTP 409 Conflict): Cloud config with name analytics already exists';
    expect(redact(line)).toBe(line);
  });
});
