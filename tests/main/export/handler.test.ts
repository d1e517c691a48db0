/**
 * The `export:document` channel through main's dispatch: reads a saved configuration from the
 * store, re-validates its values, renders the requested format. No AWS call is made.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers, createSessionHolder } from '../../../main/handlers';
import { dispatch } from '../../../main/handlers/dispatch';
import { ConfigurationStore } from '../../../main/core/store/configurations';
import { renderExport } from '../../../main/core/export';
import type { SavedConfiguration } from '../../../shared/contract/setup';

const SAVED: SavedConfiguration = {
  name: 'Prod: team/a',
  region: 'us-east-2',
  bucketName: 'onramp-state-1',
  tableName: 'onramp-locks',
  tableArn: 'arn:aws:dynamodb:us-east-2:123456789012:table/onramp-locks',
  roleName: 'BodoPlatformUser',
  roleArn: 'arn:aws:iam::123456789012:role/BodoPlatformUser',
  externalId: 'ext=,.@:/_-+1',
  platformAccountId: '481633624848',
  accountId: '123456789012',
  profile: 'default',
  createdAt: '2026-01-01T00:00:00.000Z',
  verifiedAt: null,
};

async function setup(saved: SavedConfiguration[] = [SAVED]) {
  const dir = mkdtempSync(join(tmpdir(), 'onramp-export-handler-'));
  const store = new ConfigurationStore(join(dir, 'data'));
  for (const s of saved) await store.save(s);
  // An endpoint nobody listens on and no credentials: any AWS call would fail the test.
  const env = { HOME: dir, AWS_ENDPOINT_URL: 'http://127.0.0.1:9', AWS_CONFIG_FILE: join(dir, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none') };
  const table = createHandlers({ env, dataDir: join(dir, 'data'), store, session: createSessionHolder() });
  return (payload: unknown) => dispatch(table, 'export:document', payload);
}

describe('export:document', () => {
  it('renders each format from the saved configuration, without being connected', async () => {
    const invoke = await setup();
    const input = { name: SAVED.name, region: SAVED.region, bucketName: SAVED.bucketName, tableName: SAVED.tableName, roleName: SAVED.roleName, externalId: SAVED.externalId, platformAccountId: SAVED.platformAccountId };
    for (const format of ['cloudformation', 'terraform', 'cli'] as const) {
      expect(await invoke({ name: SAVED.name, format })).toEqual({ ok: true, value: renderExport(input, format) });
    }
  });

  it('says NotFound for a name that is not saved', async () => {
    const invoke = await setup();
    expect(await invoke({ name: 'nope', format: 'cli' })).toEqual({ ok: false, error: expect.objectContaining({ code: 'NotFound', field: 'name' }) });
  });

  it('refuses an unknown format or extra fields before reading anything', async () => {
    const invoke = await setup();
    expect(await invoke({ name: SAVED.name, format: 'pulumi' })).toEqual({ ok: false, error: expect.objectContaining({ code: 'InvalidInput', field: 'format' }) });
    expect(await invoke({ name: SAVED.name, format: 'cli', extra: 1 })).toEqual({ ok: false, error: expect.objectContaining({ code: 'InvalidInput' }) });
  });

  it('re-checks saved values with the naming rules, so a tampered file cannot inject into a script', async () => {
    const invoke = await setup([{ ...SAVED, name: 'evil', externalId: "x'; rm -rf ~; echo '" }]);
    const res = await invoke({ name: 'evil', format: 'cli' });
    expect(res).toEqual({ ok: false, error: expect.objectContaining({ code: 'InvalidInput' }) });
    expect(JSON.stringify(res)).toContain('External ID');
  });

  it("names are unique per account: the request's account picks the configuration, and an ambiguous name is refused", async () => {
    const other = { ...SAVED, accountId: '210987654321', bucketName: 'other-account-state', roleArn: 'arn:aws:iam::210987654321:role/BodoPlatformUser' };
    const invoke = await setup([SAVED, other]);
    const mine = await invoke({ name: SAVED.name, accountId: SAVED.accountId, format: 'cli' });
    const theirs = await invoke({ name: SAVED.name, accountId: '210987654321', format: 'cli' });
    expect(JSON.stringify(mine)).toContain(SAVED.bucketName);
    expect(JSON.stringify(theirs)).toContain('other-account-state');
    expect(JSON.stringify(theirs)).not.toContain(SAVED.bucketName);
    // Nothing connected and no account given: two accounts have that name, so neither is guessed.
    expect(await invoke({ name: SAVED.name, format: 'cli' })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'InvalidInput', field: 'accountId', message: expect.stringMatching(/saved for 2 accounts \(123456789012, 210987654321\)/) }),
    });
    expect(await invoke({ name: SAVED.name, accountId: '999999999999', format: 'cli' })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'WrongAccount', message: expect.stringContaining('one is saved for account 123456789012, 210987654321') }),
    });
    expect(await invoke({ name: SAVED.name, accountId: '1234', format: 'cli' })).toEqual({ ok: false, error: expect.objectContaining({ code: 'InvalidInput', field: 'accountId' }) });
  });
});
