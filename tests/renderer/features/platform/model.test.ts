import { describe, expect, it } from 'vitest';
import { credentialsRequest, credentialsText, fieldBadge, registerSummary, rowState, urlUpdate } from '../../../../renderer/src/features/platform/model';
import type { RegisterResult } from '../../../../shared/contract/platform';
import { NO_PLATFORM_TOKEN } from '../../helpers/platform-status';

const result = (over: Partial<RegisterResult>): RegisterResult => ({ outcome: 'created', uuid: 'u', status: 'ACTIVE', name: 'prod', matches: true, fields: [], note: null, ...over });

describe('platform model', () => {
  it('credentialsRequest trims pasted values and names the field at fault', () => {
    expect(credentialsRequest({ clientId: ' id-1 ', secret: 's3cret\n', remember: true })).toEqual({ ok: true, request: { clientId: 'id-1', secret: 's3cret', remember: true } });
    const bad = credentialsRequest({ clientId: '', secret: 'a b', remember: false });
    expect(bad).toEqual({ ok: false, errors: { clientId: 'Client ID must not be empty.', secret: 'Secret key may contain only printable characters without spaces.' } });
  });

  it('urlUpdate: empty means the default (null); https only except loopback', () => {
    expect(urlUpdate({ apiUrl: '', authUrl: ' ' })).toEqual({ ok: true, update: { platformApiUrl: null, platformAuthUrl: null } });
    expect(urlUpdate({ apiUrl: 'https://api.example/api/', authUrl: 'http://127.0.0.1:9000' })).toEqual({ ok: true, update: { platformApiUrl: 'https://api.example/api', platformAuthUrl: 'http://127.0.0.1:9000' } });
    expect(urlUpdate({ apiUrl: 'http://api.example/api', authUrl: '' })).toMatchObject({ ok: false, errors: { apiUrl: expect.stringMatching(/https/) } });
  });

  it('headlines and badges', () => {
    expect(registerSummary(result({}))).toEqual({ color: 'teal', title: 'Registered "prod" with the Bodo Platform' });
    expect(registerSummary(result({ outcome: 'existing' })).title).toMatch(/already registered .* matches/);
    expect(registerSummary(result({ outcome: 'existing', matches: false })).title).toMatch(/differs from AWS: not overwritten/);
    expect(registerSummary(result({ matches: false })).color).toBe('orange');
    expect(fieldBadge({ state: 'match' }).label).toBe('matches');
    expect(fieldBadge({ state: 'differ' }).label).toBe('differs');
    expect(fieldBadge({ state: 'not-reported' }).label).toBe('not kept');
    const row = { name: 'p', accountId: '123456789012', region: 'us-east-1', verifiedAt: null, uuid: null, status: null, fields: [], note: null };
    expect(rowState({ ...row, registered: false, matches: null }).label).toBe('Not registered');
    expect(rowState({ ...row, registered: true, matches: true }).label).toBe('Registered');
    expect(rowState({ ...row, registered: true, matches: false }).label).toBe('Registered, differs');
  });

  it('says where the token is kept, never the token', () => {
    expect(credentialsText(NO_PLATFORM_TOKEN)).toBe('No platform API token is stored yet.');
    expect(credentialsText({ ...NO_PLATFORM_TOKEN, credentials: 'keychain', clientIdHint: 'abcd…wxyz' })).toMatch(/abcd…wxyz is stored, encrypted with the OS keychain/);
    expect(credentialsText({ ...NO_PLATFORM_TOKEN, credentials: 'session', clientIdHint: 'abcd…wxyz', keychainAvailable: false })).toMatch(/until Onramp quits \(no OS keychain/);
  });
});
