import { buildApi, type OnrampApi } from '../../../shared/contract/api';
import { CHANNELS, type Channel, type IpcResult, type RequestOf, type ResponseOf } from '../../../shared/contract';
import { AppError, type AppErrorShape } from '../../../shared/errors';

/** A fake handler per channel: return the value, or throw an AppError to answer with an error result. */
export type FakeHandlers = { [C in Channel]?: (request: RequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>> };

/** One recorded call. */
export interface FakeCall {
  channel: Channel;
  request: unknown;
}

/**
 * The one typed fake `window.api` of the renderer tests: the real `buildApi` over a fake invoke,
 * so channel names and method shapes are exactly what the preload exposes.
 */
export function createFakeApi(handlers: FakeHandlers) {
  const calls: FakeCall[] = [];
  const invoke = async (channel: string, request: unknown): Promise<IpcResult<unknown>> => {
    calls.push({ channel: channel as Channel, request });
    const handler = handlers[channel as Channel] as ((r: unknown) => unknown) | undefined;
    if (!handler) return { ok: false, error: { code: 'Internal', message: `The fake API has no handler for ${channel}.` } };
    try {
      return { ok: true, value: await handler(request) };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toShape() };
      throw err;
    }
  };
  const api = buildApi(CHANNELS, invoke) as OnrampApi;
  return {
    api,
    calls,
    /** Requests sent on one channel, in order. */
    requestsOn<C extends Channel>(channel: C): RequestOf<C>[] {
      return calls.filter((c) => c.channel === channel).map((c) => c.request as RequestOf<C>);
    },
    /** Put this fake on window.api. */
    install() {
      window.api = api;
      return this;
    },
  };
}

/** Throwable error for a fake handler. */
export function fail(code: AppErrorShape['code'], message: string): never {
  throw new AppError(code, message);
}
