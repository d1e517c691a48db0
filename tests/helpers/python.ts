import { spawn } from 'node:child_process';
import { requireTool } from './test-deps';

/** True when python3 with boto3/botocore is here (moto brings them): botocore is the independent AWS client. Required in CI. */
export const HAS_BOTO3 = requireTool('boto3');

/** True when the AWS CLI is on PATH (required in CI). */
export const HAS_AWS_CLI = requireTool('aws');

/** What one process did. */
export interface ProcessRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run a command with exactly the given environment (plus PATH), optional stdin; killed after `timeoutMs`. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv, opts: { input?: string; timeoutMs?: number } = {}): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { PATH: process.env.PATH, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(opts.input ?? '');
  });
}

/** Run a Python script (botocore/boto3 as the independent AWS client) and parse the JSON it prints. */
export async function python(script: string, env: NodeJS.ProcessEnv): Promise<unknown> {
  const r = await run('python3', ['-c', script], env);
  if (r.code !== 0) throw new Error(`python3 exited ${r.code}: ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout) as unknown;
}
