import { useCallback, useEffect, useState } from 'react';
import type { IpcResult } from '../../../../shared/contract';
import type { ReadinessReport, ReadinessRequest } from '../../../../shared/contract/readiness';
import type { SessionInfo } from '../../../../shared/contract/session';
import type { AppErrorShape } from '../../../../shared/errors';
import { api, call } from '../../api';

/**
 * What is known per session (profile + ARN + endpoint), shared by every screen that shows readiness:
 * the last report, and the check in flight. A screen that opens while a check runs (the wizard after
 * the Readiness screen, or the same screen after navigating away and back) joins that check instead
 * of starting another one, and every screen hears when it ends — so none is left saying "Checking…".
 */
interface Shared {
  report: ReadinessReport | null;
  error: AppErrorShape | null;
  running: Promise<void> | null;
  listeners: Set<() => void>;
}
const shared = new Map<string, Shared>();

function sessionKey(session: SessionInfo): string {
  return `${session.profile}|${session.arn}|${session.endpointUrl ?? ''}`;
}

function entry(key: string): Shared {
  let e = shared.get(key);
  if (!e) {
    e = { report: null, error: null, running: null, listeners: new Set() };
    shared.set(key, e);
  }
  return e;
}

/** Forget cached reports and checks (tests, or after the account changed). */
export function clearReadinessCache(): void {
  shared.clear();
}

/** Run one check for a session and tell every listener when it ends. */
function runCheck(key: string, request: ReadinessRequest): Promise<void> {
  const e = entry(key);
  const done = call(() => api().readiness.check(request)).then((r: IpcResult<ReadinessReport>) => {
    if (r.ok) {
      e.report = r.value;
      e.error = null;
    } else e.error = r.error;
    if (e.running === done) e.running = null;
    for (const l of e.listeners) l();
  });
  e.running = done;
  for (const l of e.listeners) l();
  return done;
}

/** State of the readiness check for the connected session. */
export interface ReadinessState {
  report: ReadinessReport | null;
  error: AppErrorShape | null;
  loading: boolean;
  /** Run the check again (all supported regions) for a workspace of `workspaceVcpus`. */
  refresh: (workspaceVcpus?: number) => Promise<void>;
}

/**
 * The readiness of the connected session: the last report (checked once per session, and on
 * demand), shared by every screen that shows it. Without a session nothing is sent.
 */
export function useReadiness(session: SessionInfo | null): ReadinessState {
  const key = session ? sessionKey(session) : null;
  const read = useCallback(() => {
    const e = key ? shared.get(key) : undefined;
    return { report: e?.report ?? null, error: e?.error ?? null, loading: Boolean(e?.running) };
  }, [key]);
  const [state, setState] = useState(read);

  useEffect(() => {
    setState(read());
    if (!key) return;
    const e = entry(key);
    const listener = () => setState(read());
    e.listeners.add(listener);
    // Once per session: a report already made, or a check already running, is reused.
    if (!e.report && !e.running) void runCheck(key, {});
    return () => {
      e.listeners.delete(listener);
    };
  }, [key, read]);

  const refresh = useCallback(
    async (workspaceVcpus?: number) => {
      if (!key) return;
      await runCheck(key, workspaceVcpus === undefined ? {} : { workspaceVcpus });
    },
    [key],
  );

  return { ...state, refresh };
}
