import type { Diagnostics } from '../../../shared/contract/diagnostics';
import type { Settings } from '../../../shared/contract/settings';
import type { RecentError } from '../logging/logger';
import { redact } from '../logging/redact';

/** Everything the report is made of; the caller gathers it (Electron, the CLI or a test). */
export interface DiagnosticsInput {
  app: { name: string; version: string };
  /** `process.versions` or a subset; `electron` and `chrome` are absent outside Electron. */
  versions: Partial<Record<'electron' | 'chrome' | 'node', string | undefined>>;
  os: { platform: string; release: string; arch: string };
  settings: Settings;
  endpointUrl: string | null;
  recentErrors: readonly RecentError[];
}

/** How many recent errors go into a report. */
export const MAX_REPORTED_ERRORS = 20;

/** An endpoint URL without any user-info or query part (where a token could hide). */
function safeEndpoint(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return '(unparseable endpoint override)';
  }
}

/**
 * The "Copy diagnostics" report for a bug report: versions, OS, settings, the endpoint override
 * and recent errors — never a secret. Every string that came from outside is redacted again here,
 * whatever redaction it already had.
 */
export function buildDiagnostics(input: DiagnosticsInput): Diagnostics {
  const r = (s: string) => redact(s);
  const report = {
    app: { name: r(input.app.name), version: r(input.app.version) },
    versions: {
      electron: input.versions.electron ?? null,
      chrome: input.versions.chrome ?? null,
      node: input.versions.node ?? 'unknown',
    },
    os: { platform: input.os.platform, release: r(input.os.release), arch: input.os.arch },
    settings: { ...input.settings },
    endpointUrl: safeEndpoint(input.endpointUrl),
    recentErrors: input.recentErrors.slice(-MAX_REPORTED_ERRORS).map((e) => ({ time: e.time, message: r(e.message) })),
  };
  return { ...report, text: diagnosticsText(report) };
}

/** The report as plain text, one fact per line. */
function diagnosticsText(d: Omit<Diagnostics, 'text'>): string {
  const lines = [
    `${d.app.name} ${d.app.version}`,
    `Electron ${d.versions.electron ?? 'n/a'}, Chrome ${d.versions.chrome ?? 'n/a'}, Node ${d.versions.node}`,
    `OS: ${d.os.platform} ${d.os.release} (${d.os.arch})`,
    `Endpoint override: ${d.endpointUrl ?? 'none (real AWS)'}`,
    `Settings: ${JSON.stringify(d.settings)}`,
    `Recent errors (${d.recentErrors.length}):`,
    ...(d.recentErrors.length ? d.recentErrors.map((e) => `  ${e.time} ${e.message}`) : ['  none']),
  ];
  return redact(lines.join('\n'));
}
