import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { dispatch, isChannel, MAX_REQUEST_BYTES } from '../../../main/handlers/dispatch';
import { createHandlers, createSessionHolder, type HandlerTable } from '../../../main/handlers';
import { ConfigurationStore } from '../../../main/core/store/configurations';
import { AppError } from '../../../shared/errors';

const VALID_SETUP = {
  name: 'Prod',
  region: 'us-east-1',
  bucketName: 'onramp-state-1',
  tableName: 'onramp-locks',
  roleName: 'BodoPlatformUser',
  externalId: 'ext-1234',
  platformAccountId: '481633624848',
};

function table(overrides: Partial<HandlerTable> = {}): HandlerTable {
  const dir = mkdtempSync(join(tmpdir(), 'onramp-dispatch-'));
  writeFileSync(join(dir, 'config'), '[default]\nregion = us-east-1\n');
  writeFileSync(join(dir, 'credentials'), '');
  const env = { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), HOME: dir };
  const deps = { env, dataDir: join(dir, 'data'), store: new ConfigurationStore(join(dir, 'data')), session: createSessionHolder() };
  return { ...createHandlers(deps), ...overrides };
}

describe('isChannel', () => {
  it('knows the contract channels only', () => {
    expect(isChannel('setup:plan')).toBe(true);
    expect(isChannel('setup:nope')).toBe(false);
    expect(isChannel(42)).toBe(false);
    expect(isChannel('__proto__')).toBe(false);
  });
});

describe('dispatch', () => {
  it('refuses an unknown channel without calling anything', async () => {
    expect(await dispatch(table(), 'setup:nuke', {})).toEqual({
      ok: false,
      error: { code: 'InvalidInput', message: 'Unknown channel "setup:nuke".', field: 'channel' },
    });
    for (const ch of [undefined, null, 7, { toString: () => 'setup:plan' }, 'constructor', 'toString']) {
      const res = await dispatch(table(), ch, {});
      expect(res).toMatchObject({ ok: false, error: { code: 'InvalidInput', field: 'channel' } });
    }
  });

  it('refuses an oversized payload before validating or calling the handler', async () => {
    const plan = vi.fn();
    const big = { ...VALID_SETUP, externalId: 'x'.repeat(MAX_REQUEST_BYTES) };
    const res = await dispatch(table({ 'setup:plan': plan }), 'setup:plan', big);
    expect(res).toMatchObject({ ok: false, error: { code: 'InvalidInput', field: 'request', message: expect.stringMatching(/too large/) } });
    expect(plan).not.toHaveBeenCalled();
  });

  it('refuses a payload that is not plain data (circular)', async () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(await dispatch(table(), 'setup:plan', circular)).toMatchObject({ ok: false, error: { code: 'InvalidInput', field: 'request' } });
  });

  it.each([
    ['bucketName', 42],
    ['bucketName', 'Not_A_Bucket'],
    ['region', 'eu-west-1'],
    ['tableName', null],
    ['platformAccountId', '12'],
    ['externalId', ['ext']],
  ])('names the field when %s is %j', async (field, value) => {
    const plan = vi.fn();
    const res = await dispatch(table({ 'setup:plan': plan }), 'setup:plan', { ...VALID_SETUP, [field]: value });
    expect(res).toMatchObject({ ok: false, error: { code: 'InvalidInput', field } });
    expect(plan).not.toHaveBeenCalled();
  });

  it('refuses extra keys', async () => {
    const res = await dispatch(table(), 'setup:plan', { ...VALID_SETUP, admin: true });
    expect(res).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
    expect(JSON.stringify(res)).toContain('admin');
  });

  it('refuses a non-object payload', async () => {
    for (const p of ['x', 5, [VALID_SETUP], true]) {
      expect(await dispatch(table(), 'setup:plan', p)).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
    }
  });

  it('treats a missing payload as {} for empty requests, and refuses {} with keys', async () => {
    expect(await dispatch(table(), 'session:current', undefined)).toEqual({ ok: true, value: null });
    expect(await dispatch(table(), 'session:current', { x: 1 })).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
  });

  it('passes the parsed request to the handler', async () => {
    const plan = vi.fn(async () => ({ steps: [], interrupted: [] }));
    const res = await dispatch(table({ 'setup:plan': plan }), 'setup:plan', VALID_SETUP);
    expect(res).toEqual({ ok: true, value: { steps: [], interrupted: [] } });
    expect(plan).toHaveBeenCalledWith(VALID_SETUP);
  });

  it('strips keys the response schema does not know (no secret can cross)', async () => {
    const leaky = async () =>
      [
        { name: 'default', kind: 'static', region: 'us-east-1', endpointUrl: null, mfaSerial: null, isDefault: true, aws_secret_access_key: 'SECRET' },
      ] as never;
    const res = await dispatch(table({ 'profiles:list': leaky }), 'profiles:list', {});
    expect(res).toEqual({ ok: true, value: [{ name: 'default', kind: 'static', region: 'us-east-1', endpointUrl: null, mfaSerial: null, isDefault: true }] });
    expect(JSON.stringify(res)).not.toContain('SECRET');
  });

  it('turns a response that breaks the contract into Internal', async () => {
    const wrong = async () => ({ steps: [{ resource: 'vpc', name: 'x', action: 'create', detail: '' }] }) as never;
    const res = await dispatch(table({ 'setup:plan': wrong }), 'setup:plan', VALID_SETUP);
    expect(res).toMatchObject({ ok: false, error: { code: 'Internal' } });
  });

  it('passes an AppError through as its shape', async () => {
    const failing = async () => {
      throw new AppError('Conflict', 'bucket is taken', 'bucketName');
    };
    expect(await dispatch(table({ 'setup:plan': failing }), 'setup:plan', VALID_SETUP)).toEqual({
      ok: false,
      error: { code: 'Conflict', message: 'bucket is taken', field: 'bucketName' },
    });
  });

  it('maps a raw SDK error to a stable code and scrubs key IDs', async () => {
    const failing = async () => {
      throw Object.assign(new Error('User AKIAABCDEFGHIJKLMNOP is not authorized'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    };
    const res = await dispatch(table({ 'setup:plan': failing }), 'setup:plan', VALID_SETUP);
    expect(res).toMatchObject({ ok: false, error: { code: 'AccessDenied' } });
    expect(JSON.stringify(res)).not.toContain('AKIAABCDEFGHIJKLMNOP');
    // The error is plain data with exactly code and message.
    expect(Object.keys((res as { error: object }).error).sort()).toEqual(['code', 'message']);
  });

  it('real handlers: setup needs a session first', async () => {
    expect(await dispatch(table(), 'setup:plan', VALID_SETUP)).toMatchObject({ ok: false, error: { code: 'NotConnected' } });
  });

  it('real handlers: destroy wants the name typed again, and verify an existing configuration', async () => {
    expect(await dispatch(table(), 'setup:destroy', { name: 'Prod', confirmation: 'prod' })).toMatchObject({
      ok: false,
      error: { code: 'InvalidInput', field: 'confirmation' },
    });
    expect(await dispatch(table(), 'setup:verify', { name: 'Nope' })).toMatchObject({ ok: false, error: { code: 'NotFound', field: 'name' } });
    expect(await dispatch(table(), 'runs:progress', { runId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NotFound', field: 'runId' } });
    expect(await dispatch(table(), 'runs:cancel', { runId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NotFound', field: 'runId' } });
  });

  it('real handlers: connect validates the MFA code and profile name', async () => {
    expect(await dispatch(table(), 'session:connect', { profile: 'default', mfaCode: '12345' })).toMatchObject({
      ok: false,
      error: { code: 'InvalidInput', field: 'mfaCode' },
    });
    expect(await dispatch(table(), 'session:connect', { profile: 'a\nb' })).toMatchObject({ ok: false, error: { code: 'InvalidInput', field: 'profile' } });
    expect(await dispatch(table(), 'session:connect', { profile: 'missing' })).toMatchObject({ ok: false, error: { code: 'ProfileNotFound' } });
  });

  it('real handlers: configs list is empty, forget is idempotent', async () => {
    const t = table();
    expect(await dispatch(t, 'configs:list', {})).toEqual({ ok: true, value: [] });
    expect(await dispatch(t, 'configs:forget', { name: 'x' })).toEqual({ ok: true, value: null });
  });
});
