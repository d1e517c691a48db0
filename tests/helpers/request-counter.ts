import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the counter saw. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The AWS service from the SigV4 credential scope (s3, iam, sts, dynamodb…), or null. */
  service: string | null;
  /** The operation: the `Action=` of a query request, the X-Amz-Target of a JSON one, or null. */
  action: string | null;
}

/** What an interceptor may answer instead of forwarding. */
export interface CannedResponse {
  status: number;
  /** The answer's body (ignored when status is 0). */
  body?: string;
  headers?: Record<string, string>;
  /** Wait this long before answering (or forwarding, when status is 0). */
  delayMs?: number;
}

/** A loopback HTTP server used as AWS_ENDPOINT_URL: it counts requests and may forward them. */
export interface RequestCounter {
  url: string;
  readonly count: number;
  readonly requests: SeenRequest[];
  close(): Promise<void>;
}

export interface RequestCounterOptions {
  /** Forward every request to this base URL (e.g. moto's) and relay the answer. */
  forwardTo?: string;
  /**
   * Inspect each request; return a canned response to answer it here, `{ status: 0, delayMs }`
   * to forward it after a delay, or undefined to forward (or, without forwardTo, answer 500).
   */
  intercept?: (req: SeenRequest) => CannedResponse | undefined;
}

function describe(method: string, url: string, headers: IncomingHttpHeaders, body: string): SeenRequest {
  const auth = String(headers.authorization ?? '');
  const scope = /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\//.exec(auth);
  const target = headers['x-amz-target'];
  const query = /(?:^|&)Action=([^&]+)/.exec(body) ?? /[?&]Action=([^&]+)/.exec(url);
  return {
    method,
    url,
    headers,
    body,
    service: scope?.[1] ?? null,
    action: typeof target === 'string' ? target.split('.').pop() ?? null : query ? decodeURIComponent(query[1]!) : null,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Start a request-counting server on 127.0.0.1. Without `forwardTo` it answers every request with a
 * 500, so a test can prove that a command sent nothing (count stays 0).
 */
export async function startRequestCounter(opts: RequestCounterOptions = {}): Promise<RequestCounter> {
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        const seen = describe(req.method ?? 'GET', req.url ?? '/', req.headers, body.toString('utf8'));
        requests.push(seen);
        const canned = opts.intercept?.(seen);
        if (canned?.delayMs) await sleep(canned.delayMs);
        if (canned && canned.status > 0) {
          res.writeHead(canned.status, { 'content-type': 'text/xml', ...canned.headers });
          res.end(canned.body ?? '');
          return;
        }
        if (!opts.forwardTo) {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end('request-counter: no AWS here');
          return;
        }
        const target = new URL(req.url ?? '/', opts.forwardTo);
        const upstream = httpRequest(
          { hostname: target.hostname, port: target.port, path: target.pathname + target.search, method: req.method, headers: req.headers },
          (up) => {
            res.writeHead(up.statusCode ?? 502, up.headers);
            up.pipe(res);
          },
        );
        upstream.on('error', (err) => {
          res.writeHead(502, { 'content-type': 'text/plain' });
          res.end(`request-counter: upstream failed: ${err.message}`);
        });
        upstream.end(body);
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get count() {
      return requests.length;
    },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** An IAM (query protocol) error body, e.g. for an injected AccessDenied. */
export function iamError(code: string, message: string): string {
  return `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ErrorResponse>`;
}
