/**
 * Vitest fixtures for the servers the integration tests stand up: call one inside a `describe` and it
 * registers the `beforeAll` that starts the server on a free 127.0.0.1 port and the `afterAll` that
 * stops it. Hooks run in order and after-hooks in reverse (Vitest's default "stack" order), so a
 * counter that forwards to moto starts after it and stops before it. moto is the exception: it is
 * started once per worker slot for the whole run and `useMoto()` lends it, reset (./shared-moto.ts).
 * The fakes (SSO, platform, fault proxy, counter) are in-process servers that start in milliseconds,
 * so each describe keeps its own.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { AwsContext } from '../../main/core/aws/context';
import { contextForProfile } from '../../main/core/profiles/session';
import type { OpenSessionOptions } from '../../main/core/profiles/session';
import { startFakePlatform, type FakePlatform, type FakePlatformOptions } from './fake-bodo-platform';
import { FaultProxy } from './fault-proxy';
import { awsTestEnv, type Moto } from './moto';
import { sharedMoto } from './shared-moto';
import { startSsoFake, type SsoFake, type SsoFakeOptions } from './sso-fake';
import { startRequestCounter, type RequestCounter, type RequestCounterOptions, type SeenRequest } from './request-counter';

/** The environment awsTestEnv writes (config/credentials files in a fresh temp folder). */
export type AwsTestEnv = ReturnType<typeof awsTestEnv>;

/** Options shared by the fixtures. */
export interface FixtureOptions {
  /** The start hook's timeout in ms (Vitest's hookTimeout when absent). */
  timeout?: number;
  /** Start the server only when true (default true); a handle that never started throws when used. */
  enabled?: boolean;
}

/** Something with a base URL once it runs: a moto fixture, a counter fixture, or a function. */
export type Upstream = { readonly url: string } | (() => string);

function notStarted(what: string): Error {
  return new Error(`${what} is not running: use its handle inside a test or a hook, after the fixture's beforeAll has run (call ${what} inside a describe, before the hooks that use it).`);
}

/** A moto server for one describe block. */
export interface MotoFixture {
  /** The running server (throws before start). */
  readonly moto: Moto;
  /** moto's base URL (throws before start). */
  readonly url: string;
  /** A fresh awsTestEnv pointing at moto, with `extraConfig` appended to the config file. */
  env(extraConfig?: string): AwsTestEnv;
  /** Forget every resource moto holds. */
  reset(): Promise<void>;
}

/**
 * An empty moto server for the describe's tests: this worker's shared server, reset before the first
 * test (see sharedMoto), handed back after the last.
 */
export function useMoto(opts: FixtureOptions = {}): MotoFixture {
  let moto: Moto | undefined;
  beforeAll(async () => {
    if (opts.enabled !== false) moto = await sharedMoto();
  }, opts.timeout);
  afterAll(async () => {
    await moto?.stop();
    moto = undefined;
  });
  const running = (): Moto => {
    if (!moto) throw notStarted('useMoto()');
    return moto;
  };
  return {
    get moto() {
      return running();
    },
    get url() {
      return running().url;
    },
    env: (extraConfig = '') => awsTestEnv(running(), extraConfig),
    reset: () => running().reset(),
  };
}

/** Options of useRequestCounter. */
export interface CounterFixtureOptions extends FixtureOptions, Omit<RequestCounterOptions, 'forwardTo'> {
  /** Forward every request to this server (usually a useMoto() handle); without it the counter answers 500. */
  upstream?: Upstream;
}

/** A request counter for one describe block. */
export interface CounterFixture {
  /** The running counter (throws before start). */
  readonly counter: RequestCounter;
  /** The counter's base URL (throws before start). */
  readonly url: string;
  /** How many requests it has seen so far. */
  readonly count: number;
  /** Every request it has seen so far. */
  readonly requests: SeenRequest[];
  /** A fresh awsTestEnv whose AWS_ENDPOINT_URL is the counter. */
  env(extraConfig?: string): AwsTestEnv & { AWS_ENDPOINT_URL: string };
}

const urlOf = (u: Upstream): string => (typeof u === 'function' ? u() : u.url);

/** Start a request counter (forwarding to `upstream` when given) before the describe's tests; close it after. */
export function useRequestCounter(opts: CounterFixtureOptions = {}): CounterFixture {
  const { timeout, enabled, upstream, ...counterOpts } = opts;
  let counter: RequestCounter | undefined;
  beforeAll(async () => {
    if (enabled !== false) counter = await startRequestCounter({ ...counterOpts, ...(upstream ? { forwardTo: urlOf(upstream) } : {}) });
  }, timeout);
  afterAll(async () => {
    await counter?.close();
    counter = undefined;
  });
  const running = (): RequestCounter => {
    if (!counter) throw notStarted('useRequestCounter()');
    return counter;
  };
  return {
    get counter() {
      return running();
    },
    get url() {
      return running().url;
    },
    get count() {
      return running().count;
    },
    get requests() {
      return running().requests;
    },
    env: (extraConfig = '') => ({ ...awsTestEnv(null, extraConfig), AWS_ENDPOINT_URL: running().url }),
  };
}

/**
 * Start any server before the describe's tests and stop it after. Returns a live view of it: reading
 * a property (or calling a method) forwards to the running server, and throws a clear error before the
 * start (or after the stop).
 */
export function useServer<T extends object>(what: string, start: () => Promise<T>, stop: (server: T) => Promise<void>, opts: FixtureOptions = {}): T {
  let server: T | undefined;
  beforeAll(async () => {
    if (opts.enabled !== false) server = await start();
  }, opts.timeout);
  afterAll(async () => {
    if (server !== undefined) await stop(server);
    server = undefined;
  });
  const running = (): T => {
    if (server === undefined) throw notStarted(what);
    return server;
  };
  return new Proxy({} as T, {
    get(_target, key) {
      const s = running();
      const value: unknown = Reflect.get(s, key, s);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(s) : value;
    },
    set(_target, key, value) {
      return Reflect.set(running(), key, value);
    },
  });
}

/** A FaultProxy in front of `upstream` for one describe block. */
export function useFaultProxy(upstream: Upstream, opts: FixtureOptions = {}): FaultProxy {
  return useServer('useFaultProxy()', () => new FaultProxy(urlOf(upstream)).start(), (p) => p.stop(), opts);
}

/** The local SSO fake (OIDC device flow and portal) for one describe block. */
export function useSsoFake(options?: Partial<SsoFakeOptions>, opts: FixtureOptions = {}): SsoFake {
  return useServer('useSsoFake()', () => startSsoFake(options), (f) => f.close(), opts);
}

/** The fake Bodo Platform API for one describe block. */
export function useFakePlatform(options?: FakePlatformOptions, opts: FixtureOptions = {}): FakePlatform {
  return useServer('useFakePlatform()', () => startFakePlatform(options), (f) => f.stop(), opts);
}

/** Returns a starter of fresh fake Bodo Platforms, one a test: whatever a test started is stopped after it. */
export function useFakePlatformPerTest(): (options?: FakePlatformOptions) => Promise<FakePlatform> {
  let fake: FakePlatform | null = null;
  afterEach(async () => {
    await fake?.stop();
    fake = null;
  });
  return async (options) => {
    fake = await startFakePlatform(options);
    return fake;
  };
}

/** The variables that send the SDK's SSO OIDC and portal calls to `url` (the SSO fake). */
export function ssoEndpoints(url: string): { AWS_ENDPOINT_URL_SSO_OIDC: string; AWS_ENDPOINT_URL_SSO: string } {
  return { AWS_ENDPOINT_URL_SSO_OIDC: url, AWS_ENDPOINT_URL_SSO: url };
}

/** The test `env` (a fresh awsTestEnv unless given) with AWS_ENDPOINT_URL set to `url`. */
export function envAt(url: string, base: NodeJS.ProcessEnv = awsTestEnv(null)): NodeJS.ProcessEnv {
  return { ...base, AWS_ENDPOINT_URL: url };
}

/** An AwsContext for the `default` test profile whose requests go to `url` (moto, a counter or a proxy). */
export function contextAt(url: string, region: string, opts: Partial<Omit<OpenSessionOptions, 'profile' | 'region' | 'env'>> & { base?: NodeJS.ProcessEnv } = {}): Promise<AwsContext> {
  const { base, ...rest } = opts;
  return contextForProfile({ profile: 'default', region, env: envAt(url, base), ...rest });
}
