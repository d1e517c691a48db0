import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/**
 * The tools the test suite uses beyond npm's packages. Locally a missing tool skips the tests that
 * need it, with a message; in CI (`CI=true`) it fails the run instead, so CI can never go green
 * while skipping what it claims to run. `.ci/run` installs chromium and moto when they are missing.
 */
export const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

/** True when a command is on PATH (or is an executable path); PATHEXT is honoured on Windows. */
export function hasCommand(cmd: string): boolean {
  const exts = process.platform === 'win32' ? ['', ...(process.env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';')] : [''];
  const dirs = isAbsolute(cmd) ? [''] : (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  return dirs.some((dir) =>
    exts.some((ext) => {
      const file = dir ? join(dir, cmd + ext) : cmd + ext;
      try {
        accessSync(file, constants.X_OK);
        return statSync(file).isFile();
      } catch {
        return false;
      }
    }),
  );
}

/** The moto_server binary the tests start (MOTO_SERVER overrides it). */
export const MOTO_SERVER = process.env.MOTO_SERVER || 'moto_server';
/** Debian's Chromium, driven by playwright-core (CHROMIUM_PATH overrides it). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** The offline Terraform provider mirror: a `filesystem_mirror` holding the AWS provider, for `terraform init` without the internet. */
export const TF_PLUGIN_MIRROR = process.env.ONRAMP_TF_PLUGIN_MIRROR || '/opt/tf-plugins';

/** One test tool: whether it is here and what needs it. */
export interface TestTool {
  name: string;
  present: () => boolean;
  needs: string;
  install: string;
}

/** Every tool the suite needs; the global setup checks them all at once in CI. */
export const TEST_TOOLS: Record<string, TestTool> = {
  moto: { name: 'moto_server', present: () => hasCommand(MOTO_SERVER), needs: 'the AWS integration and end-to-end tests', install: "python3 -m pip install 'moto[server]'" },
  chromium: { name: 'chromium', present: () => existsSync(CHROMIUM_PATH), needs: 'the end-to-end tests', install: 'apt-get install -y chromium' },
  aws: { name: 'aws (AWS CLI)', present: () => hasCommand('aws'), needs: 'the exported CLI script and CloudFormation deploy tests, and the checks that it reads the profiles and SSO tokens Onramp writes', install: 'pip install awscli' },
  boto3: {
    name: 'python3 with boto3/botocore',
    present: () => hasCommand('python3') && spawnSync('python3', ['-c', 'import boto3, botocore'], { encoding: 'utf8' }).status === 0,
    needs: 'the checks that botocore reads the profiles and SSO tokens Onramp writes',
    install: "python3 -m pip install boto3 (moto[server] brings it)",
  },
  bash: { name: 'bash', present: () => hasCommand('bash'), needs: 'the exported CLI script tests', install: 'apt-get install -y bash' },
  cfnLint: { name: 'cfn-lint', present: () => hasCommand('cfn-lint'), needs: 'the CloudFormation lint test', install: 'pip install cfn-lint' },
  terraform: {
    name: 'terraform with the AWS provider mirror',
    present: () => hasCommand('terraform') && existsSync(join(TF_PLUGIN_MIRROR, 'registry.terraform.io', 'hashicorp', 'aws')),
    needs: 'the Terraform export tests',
    install: `terraform 1.x and the hashicorp/aws provider in ${TF_PLUGIN_MIRROR}`,
  },
};

/** The message for a missing tool (skip locally, failure in CI). */
export function missingMessage(tool: TestTool): string {
  return IN_CI
    ? `CI=true but ${tool.name} is missing, so ${tool.needs} would be skipped. CI fails rather than skipping: install it (${tool.install}).`
    : `[tests] ${tool.name} is missing: ${tool.needs} are skipped (install: ${tool.install}).`;
}

/**
 * Whether a tool is here. Missing: locally warns once and returns false (the caller skips); in CI
 * throws, which fails the test file that needs it.
 */
export function requireTool(key: keyof typeof TEST_TOOLS): boolean {
  const tool = TEST_TOOLS[key]!;
  if (tool.present()) return true;
  if (IN_CI) throw new Error(missingMessage(tool));
  console.warn(missingMessage(tool));
  return false;
}
