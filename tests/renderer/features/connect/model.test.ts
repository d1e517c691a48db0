import { describe, expect, it } from 'vitest';
import type { ProfileSummary } from '../../../../shared/contract/session';
import {
  connectRequest,
  kindLabel,
  mfaCancelledMessage,
  mfaCodeProblem,
  needsMfa,
  preselectProfile,
} from '../../../../renderer/src/features/connect/model';

const profile = (name: string, extra: Partial<ProfileSummary> = {}): ProfileSummary => ({
  name,
  kind: 'static',
  region: null,
  endpointUrl: null,
  mfaSerial: null,
  isDefault: false,
  ...extra,
});

describe('connect model', () => {
  it('labels every profile kind', () => {
    expect(kindLabel('static')).toBe('static keys');
    expect(kindLabel('sso')).toBe('SSO');
    expect(kindLabel('assume-role')).toBe('assume role');
    expect(kindLabel('process')).toBe('credential process');
    expect(kindLabel('web-identity')).toBe('web identity');
    expect(kindLabel('unknown')).toBe('unknown');
  });

  it('preselects the profile marked default, then "default", then the first', () => {
    expect(preselectProfile([profile('a'), profile('b', { isDefault: true })])).toBe('b');
    expect(preselectProfile([profile('a'), profile('default')])).toBe('default');
    expect(preselectProfile([profile('z'), profile('a')])).toBe('z');
    expect(preselectProfile([])).toBeNull();
  });

  it('needs MFA only when the profile has an MFA serial', () => {
    expect(needsMfa(profile('a'))).toBe(false);
    expect(needsMfa(profile('a', { mfaSerial: 'arn:aws:iam::1:mfa/me' }))).toBe(true);
    expect(needsMfa(undefined)).toBe(false);
  });

  it('accepts exactly six digits as an MFA code', () => {
    expect(mfaCodeProblem('123456')).toBeNull();
    expect(mfaCodeProblem('')).toMatch(/6-digit/);
    expect(mfaCodeProblem('12345')).toBe('The MFA code has 6 digits (5 entered).');
    expect(mfaCodeProblem('12a456')).toBe('The MFA code has digits only.');
    expect(mfaCodeProblem('1234567')).toMatch(/7 entered/);
  });

  it('builds the connect request with the code only when given', () => {
    expect(connectRequest('dev')).toEqual({ profile: 'dev' });
    expect(connectRequest('dev', '123456')).toEqual({ profile: 'dev', mfaCode: '123456' });
  });

  it('says what to do after cancelling MFA', () => {
    expect(mfaCancelledMessage('ops')).toBe('Did not connect to profile "ops": no MFA code was entered.');
  });
});
