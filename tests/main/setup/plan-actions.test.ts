import { describe, expect, it } from 'vitest';
import { CHECKS, type Assessment, type CheckId, type Owner } from '../../../main/core/setup/assess';
import { actionFor } from '../../../main/core/setup/plan';
import { renderCloudFormation, renderCliScript, renderTerraform } from '../../../main/core/export';
import { RESOURCE_SPEC } from '../../../main/core/setup/spec';
import type { SetupInput } from '../../../shared/contract/setup';

const failing = (id: CheckId, owner: Owner, blocker: string | null = null): Assessment => ({
  resource: id.split('.')[0] as Assessment['resource'],
  name: 'x',
  exists: true,
  owner,
  blocker,
  checks: [
    { id: `${id.split('.')[0]}.exists`, label: 'exists', resource: 'bucket', ok: true, detail: 'exists' },
    { id, label: CHECKS[id].label, resource: 'bucket', ok: false, detail: `${id} is off` },
  ],
});

describe('plan actions map one-to-one to verify failures', () => {
  const ids = (Object.keys(CHECKS) as CheckId[]).filter((id) => !id.endsWith('.exists'));
  for (const id of ids) {
    it(`${id} failing: ${CHECKS[id].fixable ? 'update when the resource is this configuration\'s, conflict otherwise' : 'always a conflict'}`, () => {
      expect(actionFor(failing(id, { kind: 'this' }), 'new').action).toBe(CHECKS[id].fixable ? 'update' : 'conflict');
      expect(actionFor(failing(id, { kind: 'none' }), 'new').action).toBe('conflict');
      expect(actionFor(failing(id, { kind: 'other', detail: 'belongs to configuration "q"' }), 'new')).toMatchObject({ action: 'conflict', detail: expect.stringContaining('"q"') });
    });
  }

  it('keep only when every check passes; create when absent; a blocker is a conflict even for this configuration', () => {
    const ok: Assessment = { resource: 'table', name: 't', exists: true, owner: { kind: 'this' }, blocker: null, checks: [{ id: 'table.exists', label: 'x', resource: 'table', ok: true, detail: '' }] };
    expect(actionFor(ok, 'new').action).toBe('keep');
    expect(actionFor({ ...ok, exists: false }, 'new').action).toBe('create');
    expect(actionFor({ ...ok, blocker: 'is being deleted' }, 'new')).toMatchObject({ action: 'conflict', detail: 'Is being deleted' });
    expect(actionFor({ ...ok, owner: { kind: 'foreign', detail: 'another account' } }, 'new').action).toBe('conflict');
  });
});

describe('the resource spec is the one source of the exporters', () => {
  const input: SetupInput = { name: 'spec', region: 'us-west-2', bucketName: 'spec-bucket', tableName: 'spec-table', roleName: 'SpecRole', externalId: 'spec-ext', platformAccountId: '481633624848' };
  it('each exporter renders the spec\'s key, billing mode, encryption and Block Public Access', () => {
    const cfn = JSON.parse(renderCloudFormation(input)) as { Resources: Record<string, { Properties: Record<string, unknown> }> };
    expect(cfn.Resources.LockTable!.Properties.KeySchema).toEqual([{ AttributeName: RESOURCE_SPEC.table.lockKey, KeyType: 'HASH' }]);
    expect(cfn.Resources.LockTable!.Properties.BillingMode).toBe(RESOURCE_SPEC.table.billingMode);
    expect(cfn.Resources.StateBucket!.Properties.PublicAccessBlockConfiguration).toEqual(RESOURCE_SPEC.bucket.publicAccessBlock);
    const tf = renderTerraform(input);
    expect(tf).toContain(`hash_key     = "${RESOURCE_SPEC.table.lockKey}"`);
    expect(tf).toContain(`sse_algorithm = "${RESOURCE_SPEC.bucket.encryption}"`);
    const sh = renderCliScript(input);
    expect(sh).toContain(`--billing-mode ${RESOURCE_SPEC.table.billingMode}`);
    expect(sh).toContain(`"SSEAlgorithm":"${RESOURCE_SPEC.bucket.encryption}"`);
  });
});
