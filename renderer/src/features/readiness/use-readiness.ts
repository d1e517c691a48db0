import { useCallback, useEffect, useState } from 'react';
import type { ReadinessReport, ReadinessRequest } from '../../../../shared/contract/readiness';
import type { SessionInfo } from '../../../../shared/contract/session';
import type { AppErrorShape } from '../../../../shared/errors';
import { api, call } from '../../api';

/** The last report per session (profile + ARN + endpoint), so switching screens does not re-run the check. */
const lastReports = new Map<string, ReadinessReport>();

function sessionKey(session: SessionInfo): string {
  return `${session.profile}|${session.arn}|${session.endpointUrl ?? ''}`;
}

/** Forget cached reports (tests, or after the account changed). */
export function clearReadinessCache(): void {
  lastReports.clear();
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
 * Run `readiness:check` for the connected session once (reusing the last report for the same
 * session), and on demand. Without a session nothing is sent.
 */
export function useReadiness(session: SessionInfo | null): ReadinessState {
  const key = session ? sessionKey(session) : null;
  const [report, setReport] = useState<ReadinessReport | null>(() => (key ? (lastReports.get(key) ?? null) : null));
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [loading, setLoading] = useState(false);

  const refresh = useCallback(
    async (workspaceVcpus?: number) => {
      if (!key) return;
      setLoading(true);
      setError(null);
      const request: ReadinessRequest = workspaceVcpus === undefined ? {} : { workspaceVcpus };
      const r = await call(() => api().readiness.check(request));
      setLoading(false);
      if (r.ok) {
        lastReports.set(key, r.value);
        setReport(r.value);
      } else setError(r.error);
    },
    [key],
  );

  useEffect(() => {
    if (!key) {
      setReport(null);
      return;
    }
    const cached = lastReports.get(key);
    if (cached) setReport(cached);
    else void refresh();
  }, [key, refresh]);

  return { report, error, loading, refresh };
}
