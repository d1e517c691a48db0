import { describe, expect, it } from 'vitest';
import type { CloudConfiguration, Plan } from '../../../../shared/contract/setup';
import {
  actionColor,
  configurationJson,
  conflicts,
  exportFileName,
  generateExternalId,
  initialForm,
  isFinished,
  planSummary,
  toSetupInput,
  validateForm,
  visibleErrors,
  type SetupForm,
} from '../../../../renderer/src/features/setup-wizard/model';
import { validateExternalId } from '../../../../shared/validation/names';
import { runOf } from '../../helpers/runs';

const valid: SetupForm = {
  name: 'analytics',
  region: 'us-west-2',
  bucketName: 'acme-bodo-state',
  tableName: 'bodo-lock',
  roleName: 'BodoPlatformUser',
  externalId: 'abcDEF123',
  platformAccountId: '481633624848',
};

describe('setup wizard model', () => {
  it('starts with the platform defaults and a supported session region', () => {
    expect(initialForm('us-west-1')).toEqual({
      name: '',
      region: 'us-west-1',
      bucketName: '',
      tableName: '',
      roleName: 'BodoPlatformUser',
      externalId: '',
      platformAccountId: '481633624848',
    });
    expect(initialForm('eu-west-1').region).toBe('us-east-1');
    expect(initialForm(null).region).toBe('us-east-1');
  });

  it('validates every field with the shared rules', () => {
    expect(validateForm(valid)).toEqual({});
    const errors = validateForm({ ...valid, bucketName: 'Bad_Bucket', region: 'eu-west-1', platformAccountId: '123' });
    expect(Object.keys(errors).sort()).toEqual(['bucketName', 'platformAccountId', 'region']);
    expect(errors.bucketName).toMatch(/lowercase/);
    expect(errors.region).toBe('Region must be one of us-east-1, us-east-2, us-west-1, us-west-2.');
  });

  it('shows errors only for touched fields unless asked for all', () => {
    const errors = validateForm(initialForm());
    expect(Object.keys(visibleErrors(errors, new Set(['name'])))).toEqual(['name']);
    expect(Object.keys(visibleErrors(errors, new Set(), true)).sort()).toEqual(['bucketName', 'externalId', 'name', 'tableName']);
  });

  it('produces a typed request only for a valid form', () => {
    expect(toSetupInput(valid)).toEqual(valid);
    expect(toSetupInput({ ...valid, tableName: 'ab' })).toBeNull();
  });

  it('accepts pasted values with stray whitespace and a dashed account ID, sending them normalised', () => {
    const pasted = { ...valid, externalId: '  abcDEF123\n', bucketName: ' acme-bodo-state', platformAccountId: '4816-3362-4848' };
    expect(validateForm(pasted)).toEqual({});
    expect(toSetupInput(pasted)).toEqual(valid);
    expect(validateForm({ ...valid, externalId: 'abc DEF' }).externalId).toMatch(/^External ID contains spaces/);
  });

  it('generates a 32-character alphanumeric external ID that passes validation', () => {
    const id = generateExternalId();
    expect(id).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(validateExternalId(id)).toBeNull();
    expect(generateExternalId()).not.toBe(id);
  });

  it('maps bytes to the alphabet and rejects biased bytes', () => {
    // 0 → 'A', 61 → '9', 62 → 'A' again (62 % 62), 248+ are skipped.
    const bytes = [0, 255, 61, 250, 62, 25, 26];
    const id = generateExternalId(5, (b) => {
      b.fill(0);
      b.set(bytes.slice(0, b.length));
      return b;
    });
    expect(id).toBe('A9AZa');
  });

  it('colours plan actions and finds conflicts', () => {
    expect([actionColor('create'), actionColor('keep'), actionColor('update'), actionColor('conflict')]).toEqual(['blue', 'green', 'orange', 'red']);
    const plan: Plan = {
      steps: [
        { resource: 'bucket', name: 'b', action: 'create', detail: '' },
        { resource: 'table', name: 't', action: 'keep', detail: '' },
        { resource: 'role', name: 'r', action: 'conflict', detail: 'trusts another account' },
        { resource: 'policy', name: 'p', action: 'create', detail: '' },
      ],
      interrupted: [],
    };
    expect(conflicts(plan).map((s) => s.resource)).toEqual(['role']);
    expect(planSummary(plan)).toBe('2 to create, 1 to keep, 1 in conflict');
    expect(planSummary({ steps: [], interrupted: [] })).toBe('0 to create, 0 to keep');
    expect(planSummary({ steps: [{ resource: 'bucket', name: 'b', action: 'update', detail: '' }], interrupted: [] })).toBe('0 to create, 0 to keep, 1 to repair');
  });

  it('knows when a job has finished', () => {
    const job = runOf('setup-apply', 'j', 'c');
    expect(isFinished(null)).toBe(false);
    expect(isFinished({ ...job, state: 'running' })).toBe(false);
    expect(isFinished({ ...job, state: 'failed' })).toBe(true);
    expect(isFinished({ ...job, state: 'succeeded' })).toBe(true);
    expect(isFinished({ ...job, state: 'cancelled' })).toBe(true);
  });

  it('exports the configuration as JSON with a safe file name', () => {
    const config: CloudConfiguration & { extra?: string } = {
      name: 'Prod / EU',
      region: 'us-east-1',
      bucketName: 'b',
      tableName: 't',
      tableArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/t',
      roleName: 'r',
      roleArn: 'arn:aws:iam::123456789012:role/r',
      externalId: 'x1',
      platformAccountId: '481633624848',
      extra: 'not exported',
    };
    const parsed = JSON.parse(configurationJson(config));
    expect(Object.keys(parsed)).toEqual([
      'name',
      'region',
      'bucketName',
      'tableName',
      'tableArn',
      'roleName',
      'roleArn',
      'externalId',
      'platformAccountId',
    ]);
    expect(exportFileName(config)).toBe('onramp-Prod-EU.json');
    expect(exportFileName({ ...config, name: '///' })).toBe('onramp-configuration.json');
  });
});

describe('unsavedSetup', () => {
  it('is true for a plan under review or a form with names typed in, false for an empty form or a run', async () => {
    const { initialForm, unsavedSetup } = await import('../../../../renderer/src/features/setup-wizard/model');
    const empty = initialForm('us-east-1');
    expect(unsavedSetup({ step: 'form', form: empty, runId: null })).toBe(false);
    expect(unsavedSetup({ step: 'form', form: { ...empty, name: 'x' }, runId: null })).toBe(true);
    expect(unsavedSetup({ step: 'form', form: { ...empty, externalId: 'abc' }, runId: null })).toBe(true);
    expect(unsavedSetup({ step: 'plan', form: empty, runId: null })).toBe(true);
    expect(unsavedSetup({ step: 'create', form: { ...empty, name: 'x' }, runId: 'run-1' })).toBe(false);
    expect(unsavedSetup({ step: 'result', form: { ...empty, name: 'x' }, runId: 'run-1' })).toBe(false);
  });
});
