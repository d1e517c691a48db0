import { describe, expect, it } from 'vitest';
import type { ProfileSummary } from '../../../../shared/contract/profiles';
import {
  accessKeysErrorField,
  accessKeysFormProblem,
  accessKeysRequest,
  canSignIn,
  connectRequest,
  emptyAccessKeysForm,
  isAccessKeysSession,
  kindLabel,
  mfaCancelledMessage,
  mfaCodeProblem,
  mfaFieldValue,
  needsMfa,
  preselectProfile,
  saveProfileNameProblem,
  signInStatus,
} from '../../../../renderer/src/features/connect/model';
import { runOf } from '../../helpers/runs';

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

  it('keeps all six digits of a pasted code with spaces around or inside it', () => {
    expect(mfaFieldValue(' 123456')).toBe('123456');
    expect(mfaFieldValue('123 456\n')).toBe('123456');
    expect(mfaCodeProblem(mfaFieldValue(' 123456'))).toBeNull();
  });

  it('offers "Sign in" for SSO profiles only', () => {
    expect(canSignIn(profile('a', { kind: 'sso' }))).toBe(true);
    expect(canSignIn(profile('a'))).toBe(false);
    expect(canSignIn(undefined)).toBe(false);
  });

  it('checks the access-keys form for what holds everywhere and leaves AWS’s rules to main', () => {
    const form = { ...emptyAccessKeysForm('us-west-2'), accessKeyId: ' test ', secretAccessKey: 'test\n' };
    expect(accessKeysFormProblem(form)).toBeNull();
    expect(accessKeysFormProblem(emptyAccessKeysForm())).toEqual({ field: 'accessKeyId', message: 'Enter the access key ID.' });
    expect(accessKeysFormProblem({ ...form, secretAccessKey: '' })).toEqual({ field: 'secretAccessKey', message: 'Enter the secret access key.' });
    expect(accessKeysFormProblem({ ...form, secretAccessKey: 'ab cd' })).toEqual({ field: 'secretAccessKey', message: 'The secret access key contains spaces.' });
    expect(accessKeysRequest(form)).toEqual({ accessKeyId: 'test', secretAccessKey: 'test', region: 'us-west-2' });
    expect(accessKeysRequest({ ...form, sessionToken: ' tok ' })).toEqual({ accessKeyId: 'test', secretAccessKey: 'test', sessionToken: 'tok', region: 'us-west-2' });
    expect(accessKeysErrorField({ code: 'InvalidInput', message: 'x', field: 'sessionToken' })).toBe('sessionToken');
    expect(accessKeysErrorField({ code: 'AccessDenied', message: 'x' })).toBeNull();
  });

  it('knows a session on typed keys, and checks the name to save them under', () => {
    const info = { profile: '(access keys)', account: '1', arn: 'a', userId: 'u', region: 'us-east-1', endpointUrl: null };
    expect(isAccessKeysSession(info)).toBe(true);
    expect(isAccessKeysSession({ ...info, profile: 'dev' })).toBe(false);
    expect(isAccessKeysSession(null)).toBe(false);
    expect(saveProfileNameProblem(' ok ')).toBeNull();
    expect(saveProfileNameProblem('my keys')).toBe('The profile name contains spaces.');
  });

  it('describes each state of a sign-in', () => {
    const p = (state: 'running' | 'succeeded' | 'failed' | 'cancelled') => runOf('sso-sign-in', 'i', 'p', { state });
    expect(signInStatus(null)).toEqual({ waiting: true, text: 'Waiting for you to confirm the code in your browser…' });
    expect(signInStatus(p('running'))).toEqual({ waiting: true, text: 'Waiting for you to confirm the code in your browser…' });
    expect(signInStatus(p('succeeded'))).toEqual({ waiting: false, text: 'Signed in. Connecting…' });
    expect(signInStatus(p('failed')).text).toMatch(/did not complete/);
    expect(signInStatus(p('cancelled')).text).toMatch(/cancelled/);
  });
});
