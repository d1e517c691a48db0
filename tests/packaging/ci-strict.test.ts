import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli';

// CI must not go green while skipping what it claims to run: with CI=true a missing moto_server (or
// Chromium) fails the run with a clear message; locally the same files skip with a message.

function vitest(file: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', file], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

function envWithout(...keys: string[]): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of keys) delete env[k];
  return env;
}

describe('a missing test tool: skipped locally, a failure in CI', () => {
  const file = 'tests/main/setup/rollback.moto.test.ts';

  it('CI=true without moto_server fails the run and names moto_server', async () => {
    const res = await vitest(file, { ...envWithout('CI'), CI: 'true', MOTO_SERVER: '/nonexistent/moto_server' });
    expect(res.code).not.toBe(0);
    expect(res.out).toContain('CI=true but moto_server is missing');
    expect(res.out).toContain("pip install 'moto[server]'");
  });

  it('CI=true without Chromium fails the run and names chromium', async () => {
    const res = await vitest('tests/e2e/readiness.test.ts', { ...envWithout('CI'), CI: 'true', CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(res.code).not.toBe(0);
    expect(res.out).toContain('CI=true but chromium is missing');
  });

  it('locally the same file skips with a message and the run passes', async () => {
    const res = await vitest(file, { ...envWithout('CI'), MOTO_SERVER: '/nonexistent/moto_server' });
    expect(res.code, res.out).toBe(0);
    expect(res.out).toContain('moto_server is missing');
    expect(res.out).toMatch(/skipped/);
  });
});
