import type { Channel } from './channels';
import type { IpcResult, RequestOf, ResponseOf } from './index';

type Domain<C extends string> = C extends `${infer D}:${string}` ? D : never;
type CamelCase<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<CamelCase<T>>}` : S;
type Verb<C extends string> = C extends `${string}:${infer V}` ? CamelCase<V> : never;

/** The renderer's API: `window.api.setup.plan(input)` for channel `setup:plan`, and so on. */
export type OnrampApi = {
  [D in Domain<Channel>]: {
    [C in Channel as C extends `${D}:${string}` ? Verb<C> : never]: (
      request: RequestOf<C>,
    ) => Promise<IpcResult<ResponseOf<C>>>;
  };
};

/** Sends one request over whatever transport (ipcRenderer.invoke, a test bridge). */
export type Invoke = (channel: Channel, request: unknown) => Promise<unknown>;

/**
 * Build the domain API from the channel list. Self-contained (no imports at run time) so a test
 * can serialise it into a page exactly as the preload runs it.
 */
export function buildApi(channels: readonly string[], invoke: (channel: string, request: unknown) => Promise<unknown>): unknown {
  const api: Record<string, Record<string, (request: unknown) => Promise<unknown>>> = {};
  for (const channel of channels) {
    const [domain, verb] = channel.split(':') as [string, string];
    const method = verb.replace(/-([a-z])/g, (_m: string, c: string) => c.toUpperCase());
    api[domain] ??= {};
    api[domain][method] = (request: unknown) => invoke(channel, request ?? {});
  }
  return Object.freeze(Object.fromEntries(Object.entries(api).map(([k, v]) => [k, Object.freeze(v)])));
}
