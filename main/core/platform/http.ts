import { AppError } from '../../../shared/errors';
import { redact } from '../logging/redact';
import { errorMessageFrom } from './adapter';

/** The slice of `fetch` the platform client uses (tests may pass their own). */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** Every platform request is bounded, like the SDK's 15 s (docs/platform-api.md#errors-retries-and-timeouts). */
export const DEFAULT_TIMEOUT_MS = 15_000;

/** One HTTP answer, its body read as text and (when it is JSON) parsed. */
export interface HttpAnswer {
  status: number;
  text: string;
  body: unknown;
}

/** What a request is for, in words that finish "could not …" ("create the Cloud Configuration"). */
export interface RequestContext {
  what: string;
  timeoutMs: number;
  /** Values that must never appear in a message (the secret key, the bearer token). */
  secrets: () => readonly string[];
}

/** The origin (scheme, host, port) of a URL, for messages: never a path or query. */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(invalid URL)';
  }
}

/**
 * A message safe to show, log and send over IPC: control characters removed, every known secret
 * replaced, the log redactor applied, length capped.
 */
export function cleanMessage(text: string, secrets: readonly string[]): string {
  // eslint-disable-next-line no-control-regex
  let out = text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('[redacted]');
  out = redact(out).trim();
  return out.length > 400 ? `${out.slice(0, 399)}…` : out;
}

/**
 * Send one request. A connection failure becomes `Network` with the offline hint and a timeout
 * becomes `Timeout`; any HTTP answer (2xx or not) is returned for the caller to judge.
 */
export async function send(fetchFn: FetchLike, url: string, init: RequestInit, ctx: RequestContext): Promise<HttpAnswer> {
  let res: Response;
  try {
    res = await fetchFn(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(ctx.timeoutMs) });
  } catch (err) {
    throw transportError(err, url, ctx);
  }
  let text: string;
  try {
    text = await res.text();
  } catch (err) {
    throw transportError(err, url, ctx);
  }
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  return { status: res.status, text, body };
}

function transportError(err: unknown, url: string, ctx: RequestContext): AppError {
  const origin = originOf(url);
  const e = err as { name?: string; cause?: { code?: string; name?: string } } | null;
  if (e?.name === 'TimeoutError' || e?.cause?.name === 'TimeoutError' || e?.name === 'AbortError') {
    return new AppError(
      'Timeout',
      `The Bodo Platform at ${origin} did not answer within ${Math.round(ctx.timeoutMs / 1000)} s, so Onramp could not ${ctx.what}. Check your connection and try again; nothing was changed in AWS.`,
    );
  }
  const code = e?.cause?.code ? ` (${e.cause.code})` : '';
  return new AppError(
    'Network',
    `Could not reach the Bodo Platform at ${origin}${code}, so Onramp could not ${ctx.what}. You may be offline: check your internet connection (and any proxy or firewall), or the platform URL in Settings → Bodo Platform (ONRAMP_PLATFORM_API_URL / ONRAMP_PLATFORM_AUTH_URL). Nothing was changed in AWS.`,
  );
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** "HTTP 409 Conflict". */
export function statusText(status: number): string {
  return `HTTP ${status}${REASONS[status] ? ` ${REASONS[status]}` : ''}`;
}

/**
 * A non-2xx API answer (other than the 401/403 the caller handles) as an AppError carrying the
 * platform's own message: 4xx (400, 404, 409, 422, …) → PlatformRejected, 5xx → PlatformUnavailable.
 */
export function answerError(answer: HttpAnswer, ctx: RequestContext): AppError {
  const own = errorMessageFrom(answer.body, answer.text);
  const said = own ? `: ${cleanMessage(own, ctx.secrets())}` : '';
  if (answer.status >= 500) {
    return new AppError(
      'PlatformUnavailable',
      `The Bodo Platform could not ${ctx.what} (${statusText(answer.status)})${said}. Try again later; nothing was changed in AWS.`,
    );
  }
  return new AppError('PlatformRejected', `The Bodo Platform refused to ${ctx.what} (${statusText(answer.status)})${said}`);
}
