import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** The faults the proxy can inject for one AWS operation. */
export type Fault = 'throttle' | 'server-error' | 'hang' | 'reset' | 'hold';

/** Inject `fault` into requests for `operation`, on the first matching request only or on every one. */
export interface FaultRule {
  operation: string;
  fault: Fault;
  mode: 'once' | 'always';
  /** Only requests signed for this region (the SigV4 credential scope); any region when absent. */
  region?: string;
}

/** The region a request is signed for, from its SigV4 credential scope (`Credential=AKID/date/REGION/service/…`). */
export function signedRegion(headers: IncomingMessage['headers']): string | null {
  return /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(String(headers.authorization ?? ''))?.[1] ?? null;
}

/**
 * The AWS operation a request is for, from what the SDK sends: X-Amz-Target (JSON protocols such as
 * DynamoDB), a Smithy RPC v2 path (`/service/X/operation/Op`), `Action=` in a Query-protocol body
 * (IAM, STS, SNS), or the method, path and sub-resource of an S3 REST call.
 */
export function operationOf(method: string, url: string, headers: IncomingMessage['headers'], body: string): string {
  const target = headers['x-amz-target'];
  if (typeof target === 'string') return target.split('.').pop() ?? target;
  const rpc = /\/operation\/([A-Za-z]+)/.exec(url);
  if (rpc) return rpc[1]!;
  const action = /(?:^|&)Action=([A-Za-z]+)/.exec(body) ?? /[?&]Action=([A-Za-z]+)/.exec(url);
  if (action) return action[1]!;
  return s3Operation(method, url);
}

function s3Operation(method: string, url: string): string {
  const u = new URL(url, 'http://x');
  const parts = u.pathname.split('/').filter(Boolean);
  const q = u.searchParams;
  const sub = ['publicAccessBlock', 'encryption', 'tagging', 'location', 'versions', 'acl', 'policy'].find((k) => q.has(k));
  if (parts.length === 0) return method === 'GET' ? 'ListBuckets' : `${method}Service`;
  if (parts.length === 1) {
    const subName: Record<string, string> = {
      publicAccessBlock: 'PublicAccessBlock',
      encryption: 'BucketEncryption',
      tagging: 'BucketTagging',
      location: 'BucketLocation',
      acl: 'BucketAcl',
      policy: 'BucketPolicy',
    };
    if (sub === 'versions') return 'ListObjectVersions';
    if (sub) return `${{ GET: 'Get', PUT: 'Put', DELETE: 'Delete' }[method] ?? method}${subName[sub]}`;
    if (method === 'PUT') return 'CreateBucket';
    if (method === 'HEAD') return 'HeadBucket';
    if (method === 'DELETE') return 'DeleteBucket';
    if (method === 'GET') return q.get('list-type') === '2' ? 'ListObjectsV2' : 'ListObjects';
  }
  return { PUT: 'PutObject', GET: 'GetObject', HEAD: 'HeadObject', DELETE: 'DeleteObject' }[method] ?? `${method}Object`;
}

/** A throttling answer each protocol's SDK parser recognises as Throttling (retryable). */
function throttleBody(headers: IncomingMessage['headers'], url: string): { status: number; type: string; body: string } {
  if (headers['x-amz-target']) {
    return { status: 400, type: 'application/x-amz-json-1.0', body: JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#ThrottlingException', message: 'Rate exceeded (injected)' }) };
  }
  if (/\/operation\//.test(url)) return { status: 429, type: 'application/json', body: '{}' };
  return {
    status: 400,
    type: 'text/xml',
    body: '<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded (injected)</Message></Error><RequestId>fault</RequestId></ErrorResponse>',
  };
}

/** A fault-injecting HTTP proxy on 127.0.0.1 in front of moto, for tests only. */
export class FaultProxy {
  private server: Server | null = null;
  private sockets = new Set<Socket>();
  private rule: FaultRule | null = null;
  private fired = 0;
  private held = 0;
  /** Every operation seen, in order (faulted or not). */
  readonly seen: string[] = [];
  url = '';

  constructor(private readonly target: string) {}

  /** Start listening on a free loopback port. */
  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    const addr = this.server.address();
    this.url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    return this;
  }

  /** Set (or clear) the fault rule, and reset the counters. */
  inject(rule: FaultRule | null): void {
    this.rule = rule;
    this.fired = 0;
    this.held = 0;
    this.seen.length = 0;
  }

  /** How many answers a 'hold' fault is holding back (the operation reached moto). */
  get holding(): number {
    return this.held;
  }

  /** How many times the fault was injected since the last `inject`. */
  get faultsInjected(): number {
    return this.fired;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const op = operationOf(req.method ?? 'GET', req.url ?? '/', req.headers, body.toString('utf8'));
    this.seen.push(op);
    const rule = this.rule;
    const hit = rule && rule.operation === op && (!rule.region || rule.region === signedRegion(req.headers)) && (rule.mode === 'always' || this.fired === 0);
    if (hit) this.fired++;
    if (hit && rule.fault === 'hang') return; // never answer: the client's timeout must fire
    if (hit && rule.fault === 'throttle') {
      const t = throttleBody(req.headers, req.url ?? '');
      res.writeHead(t.status, { 'content-type': t.type, 'x-amzn-errortype': 'ThrottlingException' }).end(t.body);
      return;
    }
    if (hit && rule.fault === 'server-error') {
      res.writeHead(500, { 'content-type': 'text/xml' }).end('<Error><Code>InternalError</Code><Message>injected</Message></Error>');
      return;
    }
    const upstream = await this.forward(req, body);
    if (hit && rule.fault === 'hold') {
      // The operation took effect in moto, but its answer is held back for ever (until stop): the
      // moment to kill the client is now.
      this.held++;
      return;
    }
    if (hit && rule.fault === 'reset') {
      // The operation reached moto and took effect, but its answer is lost: the harshest case for
      // idempotency, since the client's retry meets its own earlier success.
      req.socket.destroy();
      return;
    }
    res.writeHead(upstream.status, upstream.headers).end(upstream.body);
  }

  private forward(req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: Record<string, string | string[]>; body: Buffer }> {
    const target = new URL(this.target);
    return new Promise((resolve, reject) => {
      const up = httpRequest(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
        (r) => {
          const parts: Buffer[] = [];
          r.on('data', (c: Buffer) => parts.push(c));
          r.on('end', () => {
            const headers = { ...r.headers } as Record<string, string | string[]>;
            delete headers['transfer-encoding'];
            headers['content-length'] = String(Buffer.concat(parts).length);
            resolve({ status: r.statusCode ?? 502, headers, body: Buffer.concat(parts) });
          });
        },
      );
      up.on('error', reject);
      up.end(body);
    });
  }
}
