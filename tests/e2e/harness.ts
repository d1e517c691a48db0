/**
 * End-to-end harness: the built renderer (out/renderer) in headless Chromium, its `window.api`
 * bound to the real main process (createMainProcess, the app's own composition root) through
 * Playwright's exposeFunction.
 * Nothing here needs Electron. The page is served with the app:// handler's own headers (CSP,
 * nosniff) and its `window.api` is the preload's real `buildApi`. Every request and response is
 * checked against the contract's schemas on the way: a call that lies about its types is recorded
 * as a contract violation, and `close()` fails the test. Every IPC response is recorded so tests
 * can assert that no secret ever reaches the page.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { HandlerDeps } from '../../main/handlers';
import { createMainProcess, type MainProcess } from '../../main/composition';
import { RENDERER_RESPONSE_HEADERS } from '../../main/electron/origin';
import { isChannel } from '../../main/handlers/dispatch';
import { contract } from '../../shared/contract';
import { buildApi } from '../../shared/contract/api';
import { CHROMIUM_ARGS } from '../helpers/chromium';
import { slotBrokerUrl, slotServer } from '../helpers/slot-client';
import { CHROMIUM_PATH, requireTool } from '../helpers/test-deps';
import { CHANNELS } from '../../shared/contract/channels';

export { CHROMIUM_PATH };
/** True when Chromium is here; e2e files skip with a message otherwise (in CI, a missing Chromium fails). */
export const HAS_CHROMIUM = requireTool('chromium');
export const RENDERER_DIR = resolve(import.meta.dirname, '../../out/renderer');
export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../test-results/e2e');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** Serve a folder on 127.0.0.1 (free port), refusing paths outside it. */
export function serveStatic(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { ...RENDERER_RESPONSE_HEADERS, 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  return new Promise((resolveServer) => {
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      resolveServer({
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
  });
}

/** One recorded IPC exchange. */
export interface IpcRecord {
  channel: string;
  /** The JSON the page sent. */
  request: string;
  /** The JSON the page received. */
  response: string;
}

/** A running harness. */
export interface Harness {
  page: Page;
  /** Every IPC response the page received, in order. */
  ipc: IpcRecord[];
  /** The main process behind the page, built by the app's own composition root (main/composition.ts). */
  main: MainProcess;
  /** Console errors and uncaught page errors. */
  pageErrors: string[];
  /** Requests or responses that did not match the contract (close() fails when any). */
  contractViolations: string[];
  /** Save a full-page screenshot as test-results/e2e/<name>.png and return its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * This worker slot's Chromium (started once per slot for the whole run; see tests/helpers/slot-servers.ts),
 * connected; each harness opens its own context in it, so no cookie, storage or page is shared.
 * `close()` on the result closes this file's contexts and leaves the browser running. Outside Vitest,
 * a browser of its own.
 */
export async function sharedBrowser(): Promise<Browser> {
  const broker = slotBrokerUrl('a browser');
  if (!broker) return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  return chromium.connect(await slotServer(broker, 'chromium'));
}

/** The init script: the preload's own buildApi, serialised, over the exposed bridge. */
export function apiInitScript(): string {
  return `window.api = (${buildApi.toString()})(${JSON.stringify(CHANNELS)}, (c, r) => window.__onrampInvoke(c, r));`;
}

/**
 * Start the static server, the browser and the page, wired to the real handlers with `env` (see
 * awsTestEnv). `deps` adds what the Electron layer would pass, such as `openExternal` (the user's browser).
 */
export async function startHarness(env: NodeJS.ProcessEnv & { ONRAMP_DATA_DIR: string }, deps: Pick<HandlerDeps, 'openExternal'> = {}): Promise<Harness> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`${RENDERER_DIR}/index.html is missing: run "npm run build:renderer" first (the e2e tier builds it when its sources changed: npm test, npm run test:e2e).`);
  }
  const dataDir = env.ONRAMP_DATA_DIR;
  // The app's own composition (stores, session, request log, series cache, settings, logger); only the
  // keychain is absent (the platform token stays in memory), as on a machine without one.
  const main = createMainProcess({ env, dataDir, appInfo: { name: 'Onramp', version: 'e2e' }, openExternal: deps.openExternal, secretCipher: null });
  const invoke = main.invoke;
  const server = await serveStatic(RENDERER_DIR);
  const browser = await sharedBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, acceptDownloads: true });
  const page = await context.newPage();
  // Waits return as soon as the page is ready; the limit is for a busy machine, where a plan or an
  // apply against moto can take longer than Playwright's usual 30 s allows for a whole step.
  page.setDefaultTimeout(45_000);
  const ipc: IpcRecord[] = [];
  const pageErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') pageErrors.push(msg.text());
  });
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  const contractViolations: string[] = [];
  await page.exposeFunction('__onrampInvoke', async (channel: unknown, payload: unknown) => {
    const problem = checkRequest(channel, payload);
    if (problem) contractViolations.push(problem);
    const result = await invoke(channel, payload);
    const answer = checkResponse(channel, result);
    if (answer) contractViolations.push(answer);
    ipc.push({ channel: String(channel), request: JSON.stringify(payload ?? null), response: JSON.stringify(result) });
    return result;
  });
  await page.addInitScript({ content: apiInitScript() });
  await page.goto(server.url);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    page,
    main,
    ipc,
    pageErrors,
    contractViolations,
    async screenshot(name) {
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: true, animations: 'disabled' });
      return path;
    },
    async close() {
      await browser.close();
      await main.flush();
      await server.close();
      if (contractViolations.length) throw new Error(`IPC calls that broke the contract:\n${contractViolations.join('\n')}`);
    },
  };
}

/** Why a request the page sent is not what its channel's schema accepts, or null. */
export function checkRequest(channel: unknown, payload: unknown): string | null {
  if (!isChannel(channel)) return `request on unknown channel ${JSON.stringify(channel)}`;
  const parsed = contract[channel].request.safeParse(payload ?? {});
  return parsed.success ? null : `${channel} request ${JSON.stringify(payload)}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`;
}

/** Why an answer is not `{ ok: true, value }` matching the channel's response schema or `{ ok: false, error }` with a known code, or null. */
export function checkResponse(channel: unknown, result: unknown): string | null {
  if (!isChannel(channel)) return null;
  const r = result as { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } };
  if (r?.ok === true) {
    const parsed = contract[channel].response.safeParse(r.value);
    return parsed.success ? null : `${channel} response: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`;
  }
  if (r?.ok === false && typeof r.error?.code === 'string' && typeof r.error.message === 'string') return null;
  return `${channel} answer is neither a value nor a typed error: ${JSON.stringify(result).slice(0, 200)}`;
}
