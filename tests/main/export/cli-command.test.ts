/**
 * `onramp setup export --format cloudformation|terraform|cli`: the same flags as `setup apply`,
 * the document alone on stdout, exit 2 on invalid input, and no AWS client at all.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run';
import { renderExport } from '../../../main/core/export';
import type { SetupInput } from '../../../shared/contract/setup';
import { cliArgv, ROOT } from '../../helpers/cli';

const INPUT: SetupInput = {
  name: 'Prod: team/a @x=1+2',
  region: 'us-west-1',
  bucketName: 'onramp-state.1',
  tableName: 'Onramp.Locks_1-x',
  roleName: 'Bodo+Role=,.@_-',
  externalId: 'ext=,.@:/_-+ID',
  platformAccountId: '111122223333',
};
const FLAGS = [
  '--region', INPUT.region,
  '--name', INPUT.name,
  '--bucket', INPUT.bucketName,
  '--table', INPUT.tableName,
  '--role', INPUT.roleName,
  '--external-id', INPUT.externalId,
  '--platform-account', INPUT.platformAccountId,
];

/** An environment where any AWS call would fail: no credentials, no profiles, a dead endpoint. */
function deadEnv(): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'onramp-export-cli-'));
  return {
    HOME: dir,
    AWS_CONFIG_FILE: join(dir, 'none'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'),
    AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
    AWS_EC2_METADATA_DISABLED: 'true',
    ONRAMP_DATA_DIR: join(dir, 'data'),
  };
}

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { env: deadEnv(), stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('onramp setup export (in process)', () => {
  for (const format of ['cloudformation', 'terraform', 'cli'] as const) {
    it(`prints exactly the ${format} document`, async () => {
      const res = await run(['setup', 'export', '--format', format, ...FLAGS]);
      expect(res).toEqual({ code: 0, stdout: renderExport(INPUT, format).content, stderr: '' });
    });
  }

  it('takes --format=X, an optional --profile that need not exist, and the default role and platform account', async () => {
    const res = await run(['setup', 'export', '--format=terraform', '--profile', 'no-such-profile', '--region', 'us-east-1', '--name', 'n', '--bucket', 'onramp-b1', '--table', 'tbl', '--external-id', 'ext1']);
    expect(res.code).toBe(0);
    expect(res.stdout).toBe(
      renderExport({ name: 'n', region: 'us-east-1', bucketName: 'onramp-b1', tableName: 'tbl', roleName: 'BodoPlatformUser', externalId: 'ext1', platformAccountId: '481633624848' }, 'terraform').content,
    );
  });

  it('prints {format, filename, mimeType, content} with --json', async () => {
    const res = await run(['setup', 'export', '--format', 'cli', ...FLAGS, '--json']);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual(renderExport(INPUT, 'cli'));
  });

  it('exits 2 on a bad or missing format, naming --format', async () => {
    for (const argv of [['--format', 'pulumi'], ['--format'], []]) {
      const res = await run(['setup', 'export', ...argv, ...FLAGS]);
      expect(res.code).toBe(2);
      expect(res.stdout).toBe('');
      expect(res.stderr).toContain('--format');
    }
  });

  it('exits 2 on invalid setup input, naming the flag', async () => {
    const res = await run(['setup', 'export', '--format', 'cli', ...FLAGS.map((f) => (f === INPUT.bucketName ? 'Bad_Bucket' : f))]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('--bucket');
    const missing = await run(['setup', 'export', '--format', 'cli', '--region', 'us-east-1']);
    expect(missing.code).toBe(2);
    const json = await run(['setup', 'export', '--format', 'nope', ...FLAGS, '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({ error: expect.objectContaining({ code: 'InvalidInput', field: '--format' }) });
  });
});

describe('no AWS client', () => {
  it('the command and the renderers import nothing that builds an AWS client', () => {
    const files = ['main/cli/commands/export.ts', ...readdirSync('main/core/export').map((f) => join('main/core/export', f))];
    for (const file of files) {
      const imports = readFileSync(file, 'utf8').match(/from '[^']+'/g) ?? [];
      expect(imports.filter((i) => /@aws-sdk|@smithy|aws\/context|profiles\/session|credential/.test(i)), file).toEqual([]);
    }
  });
});

describe('onramp setup export (as a process)', () => {
  const cli = (args: string[]) => spawnSync(process.execPath, cliArgv(args), { cwd: ROOT, env: { ...deadEnv(), PATH: process.env.PATH }, encoding: 'utf8', timeout: 60_000 });

  it('prints only the Terraform document and exits 0', () => {
    const res = cli(['setup', 'export', '--format', 'terraform', ...FLAGS]);
    expect(res.status).toBe(0);
    expect(res.stdout).toBe(renderExport(INPUT, 'terraform').content);
  }, 60_000);

  it('exits 2 on a bad format with nothing on stdout', () => {
    const res = cli(['setup', 'export', '--format', 'yaml', ...FLAGS]);
    expect(res.status).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain('--format');
  }, 60_000);
});
