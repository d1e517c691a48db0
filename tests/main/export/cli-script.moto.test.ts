/**
 * Integration: the exported AWS CLI script, run with bash against moto, creates what the app creates
 * (us-east-1 without a LocationConstraint, us-west-2 with one). The AWS CLI reaches moto through
 * AWS_ENDPOINT_URL; the test first proves the CLI honours it, so nothing can reach real AWS.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderCliScript } from '../../../main/core/export/cli-script';
import { useMoto } from '../../helpers/fixtures';
import { HAS_MOTO } from '../../helpers/moto';
import { ACCOUNT, awsCliHonoursEndpoint, expectSameAsApp, hostileInput, toolEnv } from './deployed';
import { requireTool } from '../../helpers/test-deps';

const HAS_TOOLS = HAS_MOTO && requireTool('aws') && requireTool('bash');

for (const key of Object.keys(process.env)) {
  if (key.startsWith('AWS_') && key !== 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED') delete process.env[key];
}

describe.skipIf(!HAS_TOOLS)('exported AWS CLI script against moto', () => {
  const moto = useMoto();
  let honoured = false;
  beforeAll(async () => {
    honoured = awsCliHonoursEndpoint(toolEnv(moto, 'us-east-1'));
    if (!honoured) console.warn('[tests] this AWS CLI ignores AWS_ENDPOINT_URL (needs v2 or botocore >= 1.31): the exported script is not run.');
  });

  for (const region of ['us-east-1', 'us-west-2'] as const) {
    it(`creates the app's resources in ${region}`, async (ctx) => {
      if (!honoured) return ctx.skip();
      const input = hostileInput(region);
      const dir = mkdtempSync(join(tmpdir(), 'onramp-export-sh-'));
      const file = join(dir, 'setup.sh');
      writeFileSync(file, renderCliScript(input));
      const res = spawnSync('bash', [file], { env: toolEnv(moto, region), encoding: 'utf8', timeout: 120_000 });
      expect(res.stderr).toContain('Done:');
      expect(res.status).toBe(0);

      const { tableArn, roleArn } = await expectSameAsApp(moto, input);
      const summary = Object.fromEntries(res.stdout.trim().split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
      expect(summary).toEqual({ name: input.name, region, bucket: input.bucketName, table: input.tableName, table_arn: tableArn, role_arn: roleArn });
      expect(roleArn).toContain(ACCOUNT);
    }, 180_000);
  }

  it('stops at the first failure (set -euo pipefail): a second run fails on the existing bucket', async (ctx) => {
    if (!honoured) return ctx.skip();
    const input = hostileInput('us-west-2');
    const dir = mkdtempSync(join(tmpdir(), 'onramp-export-sh-'));
    const file = join(dir, 'setup.sh');
    writeFileSync(file, renderCliScript(input));
    expect(spawnSync('bash', [file], { env: toolEnv(moto, 'us-west-2'), encoding: 'utf8' }).status).toBe(0);
    const again = spawnSync('bash', [file], { env: toolEnv(moto, 'us-west-2'), encoding: 'utf8' });
    expect(again.status).not.toBe(0);
    expect(again.stderr).not.toContain('DynamoDB table');
  }, 180_000);
});
