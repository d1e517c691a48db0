import { AppError } from '../../../shared/errors';

/** How long one request to the sign-in service or the portal may take. */
export const DEFAULT_SSO_REQUEST_MS = 20_000;

/** A failed answer from a REST-JSON AWS service: its HTTP status and error code (e.g. `authorization_pending`). */
export class ServiceError extends Error {
  constructor(
    readonly status: number,
    /** The OAuth `error` value, else the exception name without "Exception" (`AuthorizationPendingException` → `AuthorizationPending`). */
    readonly code: string,
    /** The exception name (`x-amzn-errortype` or `__type`), when given. */
    readonly type: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

/** What to call a service in messages ("the IAM Identity Center sign-in service"). */
export interface Service {
  label: string;
  baseUrl: string;
  timeoutMs: number;
}

function describeCause(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } } | null)?.cause;
  return cause?.code ?? cause?.message ?? (err as Error | null)?.message ?? String(err);
}

/** `base` + `path`, keeping any path prefix of an endpoint override (`http://127.0.0.1:9/prefix`). */
function join(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}

/**
 * One REST-JSON call (unsigned, as the SSO-OIDC and portal APIs are). Connection failures become a
 * Network error naming the service and endpoint, a slow answer a Timeout; an error answer a
 * ServiceError. Request bodies (which hold secrets) never appear in any message.
 */
export async function callJson(
  service: Service,
  request: { method: 'GET' | 'POST'; path: string; body?: unknown; headers?: Record<string, string> },
  signal?: AbortSignal,
): Promise<unknown> {
  const timeout = AbortSignal.timeout(service.timeoutMs);
  let res: Response;
  try {
    res = await fetch(join(service.baseUrl, request.path), {
      method: request.method,
      headers: { accept: 'application/json', ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}), ...request.headers },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      redirect: 'error',
    });
  } catch (err) {
    if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('aborted');
    if (timeout.aborted) throw new AppError('Timeout', `${service.label} at ${service.baseUrl} did not answer within ${Math.round(service.timeoutMs / 1000)} s.`);
    throw new AppError('Network', `Could not reach ${service.label} at ${service.baseUrl} (${describeCause(err)}). Check your network or endpoint override.`);
  }
  const text = await res.text().catch(() => '');
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (res.ok) {
    if (body === null || typeof body !== 'object') throw new AppError('AwsError', `${service.label} answered ${res.status} without a JSON body.`);
    return body;
  }
  const b = (body ?? {}) as { error?: unknown; error_description?: unknown; message?: unknown; __type?: unknown };
  const type = (res.headers.get('x-amzn-errortype') ?? (typeof b.__type === 'string' ? b.__type : '')).split(':')[0]!.split('#').pop() || null;
  const code = typeof b.error === 'string' ? b.error : (type?.replace(/Exception$/, '') ?? `HTTP ${res.status}`);
  const detail = [b.error_description, b.message].find((v): v is string => typeof v === 'string') ?? '';
  throw new ServiceError(res.status, code, type, `${service.label} refused the request: ${code}${detail ? ` (${detail.slice(0, 200)})` : ''}.`);
}
