import { useCallback, useEffect, useRef, useState } from 'react';
import type { IpcResult } from '../../shared/contract';
import type { OnrampApi } from '../../shared/contract/api';
import type { AppErrorShape } from '../../shared/errors';

declare global {
  interface Window {
    /** The domain API the preload exposes (or a test harness provides). */
    api: OnrampApi;
  }
}

/** The API the preload put on window. */
export function api(): OnrampApi {
  return window.api;
}

/** The value of a result, or throw its error shape (for code that prefers exceptions). */
export function unwrap<T>(result: IpcResult<T>): T {
  if (result.ok) return result.value;
  throw result.error;
}

/** Turn anything (a rejected IPC promise, a thrown shape) into an error shape the UI can show. */
export function toErrorShape(err: unknown): AppErrorShape {
  if (err && typeof err === 'object' && 'code' in err && 'message' in err) return err as AppErrorShape;
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'Internal', message: `${message} Restart Onramp and try again; if it keeps happening, report it.` };
}

/** Error codes meaning the connected session's credentials no longer work: the user must reconnect. */
export const SESSION_EXPIRED_CODES: ReadonlySet<string> = new Set(['CredentialsExpired', 'SsoExpired']);
/** The window event fired when any call finds the session's credentials expired. */
export const SESSION_EXPIRED_EVENT = 'onramp:session-expired';

/**
 * Call the API and always get a result back, even if the transport itself throws. A result saying
 * the credentials expired (the dashboard is long-lived; SSO and assumed-role sessions end) also
 * raises SESSION_EXPIRED_EVENT, so the shell can prompt to reconnect instead of leaving a screen stuck
 * — except for a connect attempt (`connecting`), whose failure is about the profile being tried,
 * not the session in use, and which shows its own error.
 */
export async function call<T>(run: () => Promise<IpcResult<T>>, opts: { connecting?: boolean } = {}): Promise<IpcResult<T>> {
  let result: IpcResult<T>;
  try {
    result = await run();
  } catch (err) {
    result = { ok: false, error: toErrorShape(err) };
  }
  if (!result.ok && !opts.connecting && SESSION_EXPIRED_CODES.has(result.error.code)) {
    window.dispatchEvent(new CustomEvent(SESSION_EXPIRED_EVENT, { detail: result.error }));
  }
  return result;
}

/** State of one async call made from a component. */
export interface CallState<T> {
  value: T | null;
  error: AppErrorShape | null;
  loading: boolean;
}

/**
 * Run an API call on demand and track loading/value/error. Results that arrive after unmount or
 * after a newer run are dropped.
 */
export function useApiCall<A extends unknown[], T>(fn: (...args: A) => Promise<IpcResult<T>>) {
  const [state, setState] = useState<CallState<T>>({ value: null, error: null, loading: false });
  const latest = useRef(0);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = useCallback(
    async (...args: A): Promise<IpcResult<T>> => {
      const id = ++latest.current;
      setState((s) => ({ ...s, loading: true, error: null }));
      const result = await call(() => fn(...args));
      if (mounted.current && id === latest.current) {
        setState(result.ok ? { value: result.value, error: null, loading: false } : { value: null, error: result.error, loading: false });
      }
      return result;
    },
    [fn],
  );
  const reset = useCallback(() => {
    latest.current++;
    setState({ value: null, error: null, loading: false });
  }, []);
  return { ...state, run, reset };
}
