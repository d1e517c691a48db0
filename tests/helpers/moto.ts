import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { MOTO_SERVER, requireTool } from './test-deps';

/** True when moto's server is on this machine; integration tests skip with a message otherwise (in CI, a missing moto fails). */
export const HAS_MOTO = requireTool('moto');

/** A running moto server on 127.0.0.1. */
export interface Moto {
  url: string;
  port: number;
  /** Forget every resource moto holds. */
  reset(): Promise<void>;
  /** False once the server process has exited. */
  running(): boolean;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** Forget every resource the moto server at `url` holds (moto's reset API, `POST /moto-api/reset`). */
export async function resetMoto(url: string): Promise<void> {
  const res = await fetch(`${url}/moto-api/reset`, { method: 'POST' });
  if (!res.ok) throw new Error(`moto at ${url} refused the reset: HTTP ${res.status} ${await res.text()}`);
}

/** Start moto_server on a free loopback port and wait until it answers. */
export async function startMoto(): Promise<Moto> {
  const port = await freePort();
  const child: ChildProcess = spawn(MOTO_SERVER, ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, PYTHONUNBUFFERED: '1' },
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const res = await fetch(`${url}/moto-api/data.json`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null) throw new Error(`moto_server exited early: ${stderr}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`moto_server did not start within 30 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    port,
    reset: () => resetMoto(url),
    running: () => child.exitCode === null && child.signalCode === null,
    stop() {
      return new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      });
    },
  };
}

/** Test secrets: an e2e test scans IPC traffic for these and must never find them. */
export const TEST_SECRET_KEY = 'onrampTestSecretKey0000000000000000000000';
export const TEST_ACCESS_KEY = 'AKIAONRAMPTEST000001';

/**
 * Write AWS config and credentials files for tests into a fresh temp folder and return the
 * environment that points the SDK (and the app) at them and at moto.
 * Profiles: `default` and `dev` (static keys), `sso-expired` (SSO with no cached token),
 * `broken` (no credentials at all).
 */
export function awsTestEnv(moto: Pick<Moto, 'url'> | null, extraConfig = ''): NodeJS.ProcessEnv & { ONRAMP_DATA_DIR: string } {
  const dir = mkdtempSync(join(tmpdir(), 'onramp-test-'));
  const config = join(dir, 'config');
  const credentials = join(dir, 'credentials');
  writeFileSync(
    config,
    [
      '[default]',
      'region = us-east-1',
      '[profile dev]',
      'region = us-west-2',
      '[profile sso-expired]',
      'sso_session = corp',
      'sso_account_id = 123456789012',
      'sso_role_name = Admin',
      'region = us-east-1',
      '[sso-session corp]',
      'sso_start_url = https://example.awsapps.com/start',
      'sso_region = us-east-1',
      '[profile broken]',
      'region = us-east-1',
      extraConfig,
    ].join('\n'),
  );
  writeFileSync(
    credentials,
    [
      '[default]',
      `aws_access_key_id = ${TEST_ACCESS_KEY}`,
      `aws_secret_access_key = ${TEST_SECRET_KEY}`,
      '[dev]',
      `aws_access_key_id = ${TEST_ACCESS_KEY}`,
      `aws_secret_access_key = ${TEST_SECRET_KEY}`,
    ].join('\n'),
  );
  const data = join(dir, 'data');
  return {
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: config,
    AWS_SHARED_CREDENTIALS_FILE: credentials,
    HOME: dir,
    ONRAMP_DATA_DIR: data,
    ...(moto ? { AWS_ENDPOINT_URL: moto.url } : {}),
  };
}
