/**
 * Servers kept for the whole run, one per Vitest worker slot: a moto server, and a headless Chromium
 * for the browser tests (the main-process side; test files reach them through `sharedMoto()` in
 * ./shared-moto.ts and `sharedBrowser()` in ../e2e/harness.ts).
 *
 * Vitest runs one test file at a time in each worker slot (VITEST_POOL_ID, 1…maxWorkers) and starts a
 * fresh process for each file, so such a server cannot live in a worker: it lives here, in the process
 * that runs the global setups, behind a small loopback broker. A test file asks the broker for its
 * slot's server (started on first demand, started again if it died) and cleans it before use (moto's
 * reset; a fresh browser context). As a slot runs one file at a time, that never pulls anything from
 * under another file.
 *
 * Every project whose global setup opens the broker shares the same one (it is kept on globalThis, as
 * each project loads its own copy of this module); the last `close()` stops it and every server it started.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserServer } from 'playwright-core';
import { CHROMIUM_ARGS } from './chromium';
import { startMoto } from './moto';
import type { SlotServerKind } from './slot-client';
import { CHROMIUM_PATH } from './test-deps';


interface Running {
  /** moto's base URL, or Chromium's Playwright websocket endpoint. */
  address: string;
  running(): boolean;
  stop(): Promise<void>;
}

const STARTERS: Record<SlotServerKind, () => Promise<Running>> = {
  moto: async () => {
    const moto = await startMoto();
    return { address: moto.url, running: () => moto.running(), stop: () => moto.stop() };
  },
  chromium: async () => {
    const server: BrowserServer = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, host: '127.0.0.1' });
    let exited = false;
    server.process().once('exit', () => (exited = true));
    return { address: server.wsEndpoint(), running: () => !exited, stop: () => server.close() };
  },
};

/** The broker's handle in a global setup. */
export interface SlotBroker {
  /** Base URL of the broker: `GET <url>/<kind>/<slot>` answers `{ "address": … }` (see ./slot-client.ts). */
  url: string;
  /** Release this project's hold; the last release stops the broker and its servers and says what they served. */
  close(): Promise<string | null>;
}

interface BrokerState {
  url: string;
  holders: number;
  started: Record<SlotServerKind, number>;
  lent: Record<SlotServerKind, number>;
  servers: Map<string, Promise<Running>>;
  http: Server;
}

const KEY = Symbol.for('onramp.tests.slotBroker');
type WithBroker = typeof globalThis & { [KEY]?: Promise<BrokerState> };

async function startBroker(): Promise<BrokerState> {
  const state: Omit<BrokerState, 'url' | 'http'> = { holders: 0, started: { moto: 0, chromium: 0 }, lent: { moto: 0, chromium: 0 }, servers: new Map() };
  const serverFor = async (kind: SlotServerKind, slot: string): Promise<Running> => {
    const key = `${kind}/${slot}`;
    const known = await state.servers.get(key)?.catch(() => null);
    if (known?.running()) return known;
    await known?.stop();
    const starting = STARTERS[kind]();
    state.servers.set(key, starting);
    state.started[kind]++;
    return starting;
  };
  const http = createServer((req, res) => {
    const m = /^\/(moto|chromium)\/([\w-]+)$/.exec(req.url ?? '');
    if (!m) {
      res.writeHead(404).end();
      return;
    }
    const kind = m[1] as SlotServerKind;
    state.lent[kind]++;
    serverFor(kind, m[2]!).then(
      (s) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ address: s.address })),
      (err: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`could not start ${kind}: ${err.message}`),
    );
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return { ...state, http, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` };
}

async function stopBroker(state: BrokerState): Promise<void> {
  state.http.closeAllConnections();
  await new Promise<void>((resolve) => state.http.close(() => resolve()));
  const servers = await Promise.allSettled([...state.servers.values()]);
  await Promise.all(servers.map((s) => (s.status === 'fulfilled' ? s.value.stop().catch(() => undefined) : undefined)));
  state.servers.clear();
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** Open (or join) the run's broker; call from a global setup and `close()` it in the teardown. */
export async function openSlotBroker(): Promise<SlotBroker> {
  const g = globalThis as WithBroker;
  g[KEY] ??= startBroker();
  const state = await g[KEY];
  state.holders++;
  let closed = false;
  return {
    url: state.url,
    async close() {
      if (closed) return null;
      closed = true;
      if (--state.holders > 0) return null;
      delete g[KEY];
      await stopBroker(state);
      const kinds = (['moto', 'chromium'] as const).filter((k) => state.lent[k] > 0);
      return kinds.map((k) => `${plural(state.started[k], `${k} server`)} served ${plural(state.lent[k], 'borrower')}`).join('; ') || null;
    },
  };
}
