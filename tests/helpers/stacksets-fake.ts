/**
 * CloudFormation StackSets as AWS documents them, in front of moto (AWS_ENDPOINT_URL_CLOUDFORMATION
 * points here; everything else goes to moto directly). moto 5.2 deploys a service-managed StackSet's
 * resources into member accounts, but differs from AWS where Onramp's behaviour depends on it
 * (docs/organizations.md#testing-around-motos-stacksets): it ignores account filters and grandchild
 * OUs, duplicates instances created twice, has no per-account FAILED result, no RUNNING operation,
 * empty operation results for OU targets, DeleteStackInstances reads only the top-level Accounts,
 * UpdateStackInstances changes nothing, parameter overrides replace the StackSet's parameters, and
 * the trusted-access calls answer unparseably.
 *
 * So this fake keeps the StackSet's bookkeeping itself — stack instances and their statuses,
 * operations and per-account results, drift, trusted access — per the CloudFormation API reference,
 * and uses moto only for the effect in the accounts: an instance that succeeds is created in moto
 * (as top-level Accounts of a CreateStackInstances on an empty OU, with the StackSet's parameters and
 * the account's overrides merged), an instance removed is deleted there. Template, parameters and
 * tags (Create/Describe/Update/DeleteStackSet, ListStackSets) are moto's.
 *
 * Faults a test can set: accounts that fail (with CloudFormation's reason) on their next deployment;
 * operations that stay RUNNING for some polls (progress, cancel); trusted access off; drift.
 */
import { randomUUID } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One stack instance as the fake keeps it. */
export interface FakeInstance {
  stackSet: string;
  account: string;
  region: string;
  ou: string;
  status: 'CURRENT' | 'OUTDATED' | 'INOPERABLE';
  detailed: 'SUCCEEDED' | 'FAILED' | 'CANCELLED' | 'RUNNING' | 'PENDING';
  reason: string | null;
  overrides: Record<string, string>;
  drift: string;
  /** True when moto holds its resources. */
  inMoto: boolean;
}

interface Operation {
  id: string;
  stackSet: string;
  action: 'CREATE' | 'UPDATE' | 'DELETE' | 'DETECT_DRIFT';
  region: string;
  accounts: { account: string; ou: string }[];
  overrides: Record<string, string>;
  polls: number;
  stop: boolean;
  done: boolean;
  status: string;
  results: { account: string; status: string; reason: string | null }[];
  auth: IncomingHttpHeaders;
}

/** One request the fake received, decoded. */
export interface FakeCall {
  action: string;
  params: Record<string, string>;
}

export interface StackSetsFakeOptions {
  /** moto's base URL. */
  motoUrl: string;
  /** An OU with no accounts: how an exact account list is told to moto (settable later: `fake.emptyOu`). */
  emptyOu?: string;
  trustedAccess?: 'ENABLED' | 'DISABLED';
}

const NS = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const el = (name: string, value: string | null | undefined) => (value === null || value === undefined ? '' : `<${name}>${esc(value)}</${name}>`);

function answer(action: string, inner: string): string {
  return `<${action}Response xmlns="${NS}"><${action}Result>${inner}</${action}Result><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></${action}Response>`;
}
function failure(code: string, message: string): { status: number; body: string } {
  return { status: 400, body: `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${esc(message)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>` };
}

/** The `prefix.member.N` values of a query request, in order. */
function members(p: Record<string, string>, prefix: string): string[] {
  const out: string[] = [];
  for (let i = 1; p[`${prefix}.member.${i}`] !== undefined; i++) out.push(p[`${prefix}.member.${i}`]!);
  return out;
}
function parameters(p: Record<string, string>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 1; p[`${prefix}.member.${i}.ParameterKey`] !== undefined; i++) out[p[`${prefix}.member.${i}.ParameterKey`]!] = p[`${prefix}.member.${i}.ParameterValue`] ?? '';
  return out;
}

/** A running fake. */
export interface StackSetsFake {
  url: string;
  /** Every call, in order. */
  readonly calls: FakeCall[];
  /** Instances by StackSet (what ListStackInstances answers). */
  instances(stackSet: string): FakeInstance[];
  /** The account fails its next deployment with this reason (CloudFormation's words), then deploys normally. */
  failNext(account: string, reason: string): void;
  /** Every operation started from now on stays RUNNING for this many DescribeStackSetOperation polls. */
  runFor(polls: number): void;
  trustedAccess: 'ENABLED' | 'DISABLED';
  /** The empty OU of the organization moto holds now. */
  emptyOu: string;
  /** DetectStackSetDrift is refused (InvalidOperationException), or marks these accounts DRIFTED. */
  drift: { unsupported: boolean; drifted: Set<string> };
  reset(): void;
  stop(): Promise<void>;
}

/** Start the fake on a loopback port. */
export async function startStackSetsFake(opts: StackSetsFakeOptions): Promise<StackSetsFake> {
  const instances: FakeInstance[] = [];
  const ops = new Map<string, Operation>();
  const stackSetParams = new Map<string, Record<string, string>>();
  const failing = new Map<string, string>();
  const calls: FakeCall[] = [];
  let runningPolls = 0;
  const moto = new URL(opts.motoUrl);

  function raw(method: string, path: string, headers: IncomingHttpHeaders, body: string): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
    return new Promise((resolve, reject) => {
      const h = { ...headers, host: moto.host, 'content-length': String(Buffer.byteLength(body)) };
      const req = httpRequest({ host: moto.hostname, port: moto.port, method, path, headers: h }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: text }));
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  /** An Organizations call to moto (JSON 1.1), signed as the caller was. */
  async function organizations(auth: IncomingHttpHeaders, op: string, input: Record<string, unknown>): Promise<Record<string, unknown>> {
    const headers: IncomingHttpHeaders = { authorization: String(auth.authorization ?? '').replace(/\/cloudformation\//, '/organizations/'), 'x-amz-target': `AWSOrganizationsV20161128.${op}`, 'content-type': 'application/x-amz-json-1.1' };
    const r = await raw('POST', '/', headers, JSON.stringify(input));
    return JSON.parse(r.body || '{}') as Record<string, unknown>;
  }

  async function accountsUnder(auth: IncomingHttpHeaders, parent: string): Promise<{ account: string; ou: string }[]> {
    const accounts = ((await organizations(auth, 'ListAccountsForParent', { ParentId: parent })).Accounts as { Id: string; Status?: string }[] | undefined) ?? [];
    const ous = ((await organizations(auth, 'ListOrganizationalUnitsForParent', { ParentId: parent })).OrganizationalUnits as { Id: string }[] | undefined) ?? [];
    const below = await Promise.all(ous.map((o) => accountsUnder(auth, o.Id)));
    return [...accounts.filter((a) => (a.Status ?? 'ACTIVE') === 'ACTIVE').map((a) => ({ account: a.Id, ou: parent })), ...below.flat()];
  }

  /** The accounts DeploymentTargets names, per the documented filter types (all levels of OUs; never the management account). */
  async function resolve(p: Record<string, string>, auth: IncomingHttpHeaders): Promise<{ account: string; ou: string }[]> {
    const ous = members(p, 'DeploymentTargets.OrganizationalUnitIds');
    const listed = members(p, 'DeploymentTargets.Accounts');
    const filter = p['DeploymentTargets.AccountFilterType'] ?? (listed.length ? 'UNION' : 'NONE');
    const management = ((await organizations(auth, 'DescribeOrganization', {})).Organization as { MasterAccountId?: string } | undefined)?.MasterAccountId;
    const inOus = (await Promise.all(ous.map((o) => accountsUnder(auth, o)))).flat().filter((a) => a.account !== management);
    switch (filter) {
      case 'INTERSECTION':
        return inOus.filter((a) => listed.includes(a.account));
      case 'DIFFERENCE':
        return inOus.filter((a) => !listed.includes(a.account));
      case 'UNION':
        return [...inOus, ...listed.filter((x) => !inOus.some((a) => a.account === x)).map((account) => ({ account, ou: '' }))];
      default:
        return inOus;
    }
  }

  const find = (stackSet: string, account: string, region: string) => instances.find((i) => i.stackSet === stackSet && i.account === account && i.region === region);

  /** Create accounts' resources in moto: CreateStackInstances naming them as top-level Accounts on the empty OU. */
  async function createInMoto(op: Operation, accounts: string[], overrides: Record<string, string>): Promise<string | null> {
    const merged = Object.keys(overrides).length ? { ...(stackSetParams.get(op.stackSet) ?? {}), ...overrides } : {};
    const form = new URLSearchParams({ Action: 'CreateStackInstances', Version: '2010-05-15', StackSetName: op.stackSet, 'DeploymentTargets.OrganizationalUnitIds.member.1': fake.emptyOu, 'Regions.member.1': op.region });
    accounts.forEach((a, i) => form.set(`Accounts.member.${i + 1}`, a));
    Object.entries(merged).forEach(([k, v], i) => {
      form.set(`ParameterOverrides.member.${i + 1}.ParameterKey`, k);
      form.set(`ParameterOverrides.member.${i + 1}.ParameterValue`, v);
    });
    const r = await raw('POST', '/', { ...op.auth, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, form.toString());
    return r.status === 200 ? null : (/<Message>([^<]*)<\/Message>/.exec(r.body)?.[1] ?? `moto answered ${r.status}`);
  }

  async function deleteInMoto(op: Operation, accounts: string[]): Promise<void> {
    const form = new URLSearchParams({ Action: 'DeleteStackInstances', Version: '2010-05-15', StackSetName: op.stackSet, 'Regions.member.1': op.region, RetainStacks: 'false' });
    accounts.forEach((a, i) => form.set(`Accounts.member.${i + 1}`, a));
    await raw('POST', '/', { ...op.auth, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, form.toString());
  }

  /** Carry an operation out (when its RUNNING polls are over), or cancel what it had not done. */
  async function finish(op: Operation): Promise<void> {
    op.done = true;
    if (op.stop) {
      op.status = 'STOPPED';
      op.results = op.accounts.map((a) => ({ account: a.account, status: 'CANCELLED', reason: 'Cancelled since failure tolerance has exceeded or the operation was stopped' }));
      for (const a of op.accounts) {
        const i = find(op.stackSet, a.account, op.region);
        if (i && op.action !== 'DELETE') Object.assign(i, { status: 'OUTDATED', detailed: 'CANCELLED', reason: 'The operation was stopped before this instance was deployed.' });
      }
      return;
    }
    if (op.action === 'DELETE') {
      await deleteInMoto(op, op.accounts.filter((a) => find(op.stackSet, a.account, op.region)?.inMoto).map((a) => a.account));
      for (const a of op.accounts) {
        const at = instances.findIndex((i) => i.stackSet === op.stackSet && i.account === a.account && i.region === op.region);
        if (at >= 0) instances.splice(at, 1);
      }
      op.results = op.accounts.map((a) => ({ account: a.account, status: 'SUCCEEDED', reason: null }));
      op.status = 'SUCCEEDED';
      return;
    }
    if (op.action === 'DETECT_DRIFT') {
      for (const i of instances.filter((x) => x.stackSet === op.stackSet)) i.drift = fake.drift.drifted.has(i.account) ? 'DRIFTED' : 'IN_SYNC';
      op.results = op.accounts.map((a) => ({ account: a.account, status: 'SUCCEEDED', reason: null }));
      op.status = 'SUCCEEDED';
      return;
    }
    op.results = [];
    for (const a of op.accounts) {
      const inst = find(op.stackSet, a.account, op.region)!;
      const reason = failing.get(a.account);
      if (reason) {
        failing.delete(a.account);
        Object.assign(inst, { status: 'OUTDATED', detailed: 'FAILED', reason });
        op.results.push({ account: a.account, status: 'FAILED', reason });
        continue;
      }
      if (!inst.inMoto) {
        const problem = await createInMoto(op, [a.account], inst.overrides);
        if (problem) {
          Object.assign(inst, { status: 'OUTDATED', detailed: 'FAILED', reason: problem });
          op.results.push({ account: a.account, status: 'FAILED', reason: problem });
          continue;
        }
        inst.inMoto = true;
      }
      Object.assign(inst, { status: 'CURRENT', detailed: 'SUCCEEDED', reason: null });
      op.results.push({ account: a.account, status: 'SUCCEEDED', reason: null });
    }
    op.status = op.results.some((r) => r.status === 'FAILED') ? 'FAILED' : 'SUCCEEDED';
  }

  function start(stackSet: string, action: Operation['action'], region: string, accounts: { account: string; ou: string }[], auth: IncomingHttpHeaders, overrides: Record<string, string> = {}): Operation {
    const op: Operation = { id: randomUUID(), stackSet, action, region, accounts, overrides, polls: 0, stop: false, done: false, status: 'RUNNING', results: [], auth };
    ops.set(op.id, op);
    return op;
  }

  const instanceXml = (i: FakeInstance) =>
    `<member>${el('StackSetId', `${i.stackSet}:fake`)}${el('Region', i.region)}${el('Account', i.account)}${el('StackId', i.inMoto ? `arn:aws:cloudformation:${i.region}:${i.account}:stack/StackSet-${i.stackSet}/fake` : null)}${el('Status', i.status)}${el('StatusReason', i.reason)}<StackInstanceStatus>${el('DetailedStatus', i.detailed)}</StackInstanceStatus>${el('OrganizationalUnitId', i.ou)}${el('DriftStatus', i.drift)}</member>`;

  async function handle(action: string, p: Record<string, string>, headers: IncomingHttpHeaders, body: string): Promise<{ status: number; body: string } | null> {
    const stackSet = p.StackSetName ?? '';
    const serviceManaged = ['CreateStackSet', 'CreateStackInstances', 'UpdateStackInstances', 'DeleteStackInstances'];
    if (fake.trustedAccess !== 'ENABLED' && serviceManaged.includes(action)) {
      return failure('ValidationError', 'You must enable organizations access to operate a service managed stack set');
    }
    switch (action) {
      case 'DescribeOrganizationsAccess':
        return { status: 200, body: answer(action, el('Status', fake.trustedAccess)) };
      case 'ActivateOrganizationsAccess':
        fake.trustedAccess = 'ENABLED';
        return { status: 200, body: answer(action, '') };
      case 'CreateStackSet':
      case 'UpdateStackSet':
        if (Object.keys(parameters(p, 'Parameters')).length) stackSetParams.set(stackSet, parameters(p, 'Parameters'));
        return null;
      case 'DeleteStackSet':
        if (instances.some((i) => i.stackSet === stackSet)) return failure('StackSetNotEmptyException', 'StackSet is not empty');
        return null;
      case 'CreateStackInstances': {
        const region = members(p, 'Regions')[0] ?? 'us-east-1';
        const targets = (await resolve(p, headers)).filter((a) => !find(stackSet, a.account, region));
        const overrides = parameters(p, 'ParameterOverrides');
        for (const a of targets) instances.push({ stackSet, account: a.account, region, ou: a.ou, status: 'OUTDATED', detailed: 'PENDING', reason: null, overrides, drift: 'NOT_CHECKED', inMoto: false });
        const op = start(stackSet, 'CREATE', region, targets, headers, overrides);
        if (runningPolls === 0) await finish(op);
        return { status: 200, body: answer(action, el('OperationId', op.id)) };
      }
      case 'UpdateStackInstances': {
        const region = members(p, 'Regions')[0] ?? 'us-east-1';
        const targets = (await resolve(p, headers)).filter((a) => find(stackSet, a.account, region));
        if (p['ParameterOverrides.member.1.ParameterKey'] !== undefined || body.includes('ParameterOverrides=')) {
          for (const a of targets) find(stackSet, a.account, region)!.overrides = parameters(p, 'ParameterOverrides');
        }
        const op = start(stackSet, 'UPDATE', region, targets, headers);
        if (runningPolls === 0) await finish(op);
        return { status: 200, body: answer(action, el('OperationId', op.id)) };
      }
      case 'DeleteStackInstances': {
        const region = members(p, 'Regions')[0] ?? 'us-east-1';
        if (members(p, 'Accounts').length) return failure('ValidationError', 'Accounts is for self-managed StackSets; give DeploymentTargets');
        const targets = (await resolve(p, headers)).filter((a) => find(stackSet, a.account, region));
        const op = start(stackSet, 'DELETE', region, targets, headers);
        if (runningPolls === 0) await finish(op);
        return { status: 200, body: answer(action, el('OperationId', op.id)) };
      }
      case 'DetectStackSetDrift': {
        if (fake.drift.unsupported) return failure('InvalidOperationException', 'Drift detection is not available for this StackSet.');
        const list = instances.filter((i) => i.stackSet === stackSet).map((i) => ({ account: i.account, ou: i.ou }));
        const op = start(stackSet, 'DETECT_DRIFT', instances.find((i) => i.stackSet === stackSet)?.region ?? 'us-east-1', list, headers);
        if (runningPolls === 0) await finish(op);
        return { status: 200, body: answer(action, el('OperationId', op.id)) };
      }
      case 'DescribeStackSetOperation': {
        const op = ops.get(p.OperationId ?? '');
        if (!op) return null; // an UpdateStackSet's operation: moto's
        op.polls++;
        if (!op.done && (op.stop || op.polls > runningPolls)) await finish(op);
        return { status: 200, body: answer(action, `<StackSetOperation>${el('OperationId', op.id)}${el('StackSetId', `${op.stackSet}:fake`)}${el('Action', op.action)}${el('Status', op.done ? op.status : op.stop ? 'STOPPING' : 'RUNNING')}</StackSetOperation>`) };
      }
      case 'StopStackSetOperation': {
        const op = ops.get(p.OperationId ?? '');
        if (!op) return failure('OperationNotFoundException', 'no such operation');
        if (op.done) return failure('InvalidOperationException', 'The operation has already ended');
        op.stop = true;
        return { status: 200, body: answer(action, '') };
      }
      case 'ListStackSetOperationResults': {
        const op = ops.get(p.OperationId ?? '');
        if (!op) return null;
        const rows = op.done ? op.results : op.accounts.map((a) => ({ account: a.account, status: 'RUNNING', reason: null }));
        return { status: 200, body: answer(action, `<Summaries>${rows.map((r) => `<member>${el('Account', r.account)}${el('Region', op.region)}${el('Status', r.status)}${el('StatusReason', r.reason)}</member>`).join('')}</Summaries>`) };
      }
      case 'ListStackInstances': {
        const rows = instances.filter((i) => i.stackSet === stackSet && (!p.StackInstanceRegion || i.region === p.StackInstanceRegion) && (!p.StackInstanceAccount || i.account === p.StackInstanceAccount));
        return { status: 200, body: answer(action, `<Summaries>${rows.map(instanceXml).join('')}</Summaries>`) };
      }
      case 'DescribeStackInstance': {
        const i = find(stackSet, p.StackInstanceAccount ?? '', p.StackInstanceRegion ?? '');
        if (!i) return failure('StackInstanceNotFoundException', 'Stack instance not found');
        const overrides = Object.entries(i.overrides).map(([k, v]) => `<member>${el('ParameterKey', k)}${el('ParameterValue', v)}</member>`).join('');
        return { status: 200, body: answer(action, `<StackInstance>${instanceXml(i).slice('<member>'.length, -'</member>'.length)}<ParameterOverrides>${overrides}</ParameterOverrides></StackInstance>`) };
      }
      default:
        return null;
    }
  }

  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      void (async () => {
        const p = Object.fromEntries(new URLSearchParams(body));
        const action = p.Action ?? '';
        calls.push({ action, params: p });
        try {
          const own = await handle(action, p, req.headers, body);
          if (own) {
            res.writeHead(own.status, { 'content-type': 'text/xml' }).end(own.body);
            return;
          }
          const up = await raw(req.method ?? 'POST', req.url ?? '/', req.headers, body);
          const h = { ...up.headers };
          delete h['transfer-encoding'];
          h['content-length'] = String(Buffer.byteLength(up.body));
          res.writeHead(up.status, h).end(up.body);
        } catch (err) {
          res.writeHead(500, { 'content-type': 'text/xml' }).end(failure('InternalFailure', (err as Error).message).body);
        }
      })();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));

  const fake: StackSetsFake = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    instances: (stackSet) => instances.filter((i) => i.stackSet === stackSet),
    failNext: (account, reason) => void failing.set(account, reason),
    runFor: (polls) => void (runningPolls = polls),
    trustedAccess: opts.trustedAccess ?? 'ENABLED',
    emptyOu: opts.emptyOu ?? 'ou-none-00000000',
    drift: { unsupported: false, drifted: new Set() },
    reset() {
      instances.length = 0;
      ops.clear();
      stackSetParams.clear();
      failing.clear();
      calls.length = 0;
      runningPolls = 0;
      fake.trustedAccess = opts.trustedAccess ?? 'ENABLED';
      fake.drift = { unsupported: false, drifted: new Set() };
    },
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
  return fake;
}
