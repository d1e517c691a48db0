/**
 * The exported Terraform configuration is `terraform fmt` clean, initialises offline from the local
 * provider mirror, passes `terraform validate`, and `terraform apply` against moto produces what the
 * app creates. The document stays as exported: the test points the provider at moto with an
 * override file (`provider_override.tf`), the way a user would for an emulator. One apply per file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderTerraform } from '../../../main/core/export/terraform';
import { useMoto } from '../../helpers/fixtures';
import { HAS_MOTO } from '../../helpers/moto';
import { expectSameAsApp, hostileInput, toolEnv } from './deployed';
import { requireTool, TF_PLUGIN_MIRROR } from '../../helpers/test-deps';

const MIRROR = TF_PLUGIN_MIRROR;
const HAS_TERRAFORM = requireTool('terraform');
if (HAS_TERRAFORM && !HAS_MOTO) console.warn('[tests] moto_server is missing: the exported Terraform is validated but not applied.');

for (const key of Object.keys(process.env)) {
  if (key.startsWith('AWS_') && key !== 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED') delete process.env[key];
}

describe.skipIf(!HAS_TERRAFORM)('exported Terraform', () => {
  const input = hostileInput('us-west-2');
  const dir = mkdtempSync(join(tmpdir(), 'onramp-export-tf-'));
  const cliConfig = join(dir, '..', `${dir.split('/').pop()}.tfrc`);
  const moto = useMoto({ enabled: HAS_MOTO });
  let env: NodeJS.ProcessEnv;

  const terraform = (args: string[]) =>
    spawnSync('terraform', [...args, '-no-color'], { cwd: dir, env, encoding: 'utf8', timeout: 300_000 });

  beforeAll(async () => {
    writeFileSync(join(dir, 'main.tf'), renderTerraform(input));
    writeFileSync(cliConfig, `provider_installation {\n  filesystem_mirror {\n    path = "${MIRROR}"\n  }\n}\n`);
    env = {
      ...(HAS_MOTO ? toolEnv(moto, input.region) : { PATH: process.env.PATH, HOME: dir }),
      TF_CLI_CONFIG_FILE: cliConfig,
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      CHECKPOINT_DISABLE: '1',
    };
  });

  it('is formatted as terraform fmt would, initialises offline and validates', () => {
    const fmt = terraform(['fmt', '-check', '-diff']);
    expect(fmt.stdout).toBe('');
    expect(fmt.status).toBe(0);
    const init = terraform(['init', '-input=false', '-backend=false']);
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    const validate = terraform(['validate', '-json']);
    expect(JSON.parse(validate.stdout)).toMatchObject({ valid: true, error_count: 0, warning_count: 0 });
  }, 300_000);

  it.skipIf(!HAS_MOTO)("applies against moto and creates the app's resources", async () => {
    // The exported file never carries emulator settings; this override adds them for the test only.
    writeFileSync(
      join(dir, 'provider_override.tf'),
      `provider "aws" {
  access_key                  = "AKIAEXPORTTEST000001"
  secret_key                  = "export-test-secret"
  skip_credentials_validation = true
  skip_metadata_api_check     = true
  skip_requesting_account_id  = true
  s3_use_path_style           = true
  endpoints {
    s3       = "${moto.url}"
    dynamodb = "${moto.url}"
    iam      = "${moto.url}"
    sts      = "${moto.url}"
  }
}
`,
    );
    const init = terraform(['init', '-input=false']);
    expect(init.status, init.stderr).toBe(0);
    const apply = terraform(['apply', '-auto-approve', '-input=false']);
    expect(apply.stderr).toBe('');
    expect(apply.status).toBe(0);
    expect(apply.stdout).toContain('Resources: 6 added, 0 changed, 0 destroyed.');

    const outputs = JSON.parse(terraform(['output', '-json']).stdout) as Record<string, { value: string }>;
    const { tableArn, roleArn } = await expectSameAsApp(moto!, input);
    expect(Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, v.value]))).toEqual({
      role_arn: roleArn,
      table_arn: tableArn,
      bucket_name: input.bucketName,
      table_name: input.tableName,
      external_id: input.externalId,
      region: input.region,
    });

    // Terraform's own view agrees: a second plan finds nothing to change.
    const plan = terraform(['plan', '-detailed-exitcode', '-input=false']);
    expect(plan.status, plan.stdout + plan.stderr).toBe(0);
  }, 300_000);
});
