import Module from 'node:module';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { RequestLog } from '../../main/core/aws/request-log';
import { fetchSeries } from '../../main/core/monitoring/metrics';
import { usageHistory } from '../../main/core/monitoring/history';
import { SeriesCache } from '../../main/core/monitoring/series-cache';
import { dashboardSummary } from '../../main/core/monitoring/dashboard';
import { contextForProfile } from '../../main/core/profiles/session';
import { applySetup } from '../../main/core/setup';
import { SUPPORTED_REGIONS } from '../../shared/regions';
import { INITIAL_JS_BUDGET_KB, initialJs } from '../helpers/initial-js';
import { awsTestEnv, startMoto } from '../helpers/moto';
import type { BenchRow } from './table';

const MIN = 60_000;
const DAY = 86_400_000;

/** Requests per retention tier, the tail-only refresh, and the event loop during provisioning and refresh — against moto. */
export async function benchRequests(rows: BenchRow[]): Promise<void> {
  const moto = await startMoto();
  try {
    const log = new RequestLog();
    const env = awsTestEnv(moto);
    const aws = await contextForProfile({ profile: 'default', region: 'us-east-1', env, requestLog: log });
    const metric = { kind: 'vcpu' as const, usageClass: 'Standard/OnDemand' };
    const now = Date.now();
    const tiers = [
      { label: '15 d at 1 min', days: 15, period: 60 },
      { label: '63 d at 5 min', days: 63, period: 300 },
      { label: '455 d at 1 h', days: 455, period: 3600 },
    ];
    for (const t of tiers) {
      log.reset();
      const h = await usageHistory(aws, { region: 'us-east-1', metric, stat: 'Maximum', durationSeconds: t.days * 86_400, period: t.period }, now);
      const snap = log.snapshot().cloudwatch;
      rows.push({ figure: `GetMetricData requests, ${t.label} (${Math.round((h.end - h.start) / (h.period * 1000))} points asked, period ${h.period} s)`, value: snap.getMetricData, unit: 'requests', budget: '= 1', pass: snap.getMetricData === 1 && h.period === t.period });
    }

    // A refresh ten minutes later asks only for the new tail (plus CloudWatch's revision window).
    const cache = { cache: new SeriesCache(null), scope: 'bench' };
    log.reset();
    await usageHistory(aws, { region: 'us-east-1', metric, stat: 'Maximum', durationSeconds: 63 * 86_400, period: 300 }, now, cache);
    const first = log.snapshot().cloudwatch.datapointsRequested;
    log.reset();
    await usageHistory(aws, { region: 'us-east-1', metric, stat: 'Maximum', durationSeconds: 63 * 86_400, period: 300 }, now + 10 * MIN, cache);
    const refresh = log.snapshot().cloudwatch;
    rows.push({ figure: `Refresh after 10 min of a 63 d series (first fetch asked ${first} points)`, value: refresh.datapointsRequested, unit: 'datapoints', budget: '≤ 6 (new tail + 15 min revision window)', pass: refresh.getMetricData === 1 && refresh.datapointsRequested <= 6 });

    // The four regions' dashboard: one GetMetricData per region.
    log.reset();
    await dashboardSummary(aws, SUPPORTED_REGIONS, 'Standard/OnDemand', now);
    const dash = log.snapshot().cloudwatch.getMetricData;
    rows.push({ figure: 'Dashboard refresh, 4 regions', value: dash, unit: 'GetMetricData', budget: '= 4 (one per region)', pass: dash === 4 });

    // Event loop: nothing blocks main for more than 50 ms during provisioning or refresh. As in the
    // app, the SDK clients were loaded right after connecting (session:connect prewarms them).
    await aws.prewarm();
    const h = monitorEventLoopDelay({ resolution: 5 });
    h.enable();
    await applySetup(aws, { name: 'bench', region: 'us-east-2', bucketName: `onramp-bench-${Date.now()}`, tableName: 'onramp-bench', roleName: 'OnrampBench', externalId: 'bench-external-id', platformAccountId: '481633624848' }, { pollMs: 50 });
    await dashboardSummary(aws, SUPPORTED_REGIONS, 'Standard/OnDemand', Date.now());
    await fetchSeries(aws, { region: 'us-east-1', metric, stat: 'Maximum', period: 60, start: now - 15 * DAY + 10 * MIN, end: now });
    h.disable();
    const maxMs = h.max / 1e6;
    rows.push({ figure: 'Longest main event-loop block during apply + refresh', value: Math.round(maxMs * 10) / 10, unit: 'ms', budget: '≤ 50', pass: maxMs <= 50 });
  } finally {
    await moto.stop();
  }
}

/** The renderer's initial JavaScript: the entry script and its modulepreloads, gzipped. */
export function benchRendererSize(rows: BenchRow[]): void {
  const { files, gzipBytes: bytes } = initialJs(join(process.cwd(), 'out', 'renderer'));
  rows.push({
    figure: `Renderer initial JS (${files.length} file${files.length === 1 ? '' : 's'}, gzip)`,
    value: Math.round(bytes / 102.4) / 10,
    unit: 'KB',
    budget: `≤ ${INITIAL_JS_BUDGET_KB}`,
    pass: bytes <= INITIAL_JS_BUDGET_KB * 1024,
  });
}

/** Main process start: require the built entry with `electron` mocked, then answer the first IPC call. */
export async function benchMainStart(rows: BenchRow[]): Promise<void> {
  const handlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
  let ready: () => void = () => undefined;
  const whenReady = new Promise<void>((r) => (ready = r));
  const electron = {
    app: { isPackaged: true, enableSandbox() {}, whenReady: () => whenReady, getPath: () => join(process.cwd(), '.tmp', 'bench-userdata'), getVersion: () => '0.0.0', getName: () => 'Onramp', on() {}, quit() {} },
    BrowserWindow: class { static getAllWindows = () => []; once() {} on() {} show() {} maximize() {} isMaximized() { return false; } getNormalBounds() { return { x: 0, y: 0, width: 1, height: 1 }; } loadURL() { return Promise.resolve(); } webContents = { on() {}, setWindowOpenHandler() {} }; },
    ipcMain: { handle: (c: string, fn: (e: unknown, p: unknown) => Promise<unknown>) => handlers.set(c, fn) },
    protocol: { registerSchemesAsPrivileged() {}, handle() {} },
    net: { fetch: async () => new Response('') },
    session: { defaultSession: { setPermissionRequestHandler() {}, setPermissionCheckHandler() {}, webRequest: { onHeadersReceived() {} } } },
    shell: { openExternal: async () => undefined, openPath: async () => '' },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    Menu: { buildFromTemplate: () => ({}), setApplicationMenu() {} },
    dialog: { showMessageBox: async () => ({ response: 0 }) },
    clipboard: { writeText() {} },
  };
  const load = (Module as unknown as { _load: (req: string, ...rest: unknown[]) => unknown })._load;
  (Module as unknown as { _load: unknown })._load = (req: string, ...rest: unknown[]) => (req === 'electron' ? electron : load(req, ...rest));
  try {
    const entry = join(process.cwd(), 'out', 'main', 'index.js');
    const t0 = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(entry);
    const required = performance.now() - t0;
    ready();
    for (let i = 0; i < 200 && !handlers.has('profiles:list'); i++) await new Promise((r) => setTimeout(r, 5));
    const res = (await handlers.get('profiles:list')!({ senderFrame: { url: 'app://onramp/index.html', parent: null } }, {})) as { ok: boolean };
    const answered = performance.now() - t0;
    rows.push({ figure: 'Main: require built entry (electron mocked)', value: Math.round(required), unit: 'ms', budget: 'report', pass: true });
    rows.push({ figure: 'Main: require + first IPC answered (profiles:list)', value: Math.round(answered), unit: 'ms', budget: '≤ 1000', pass: res.ok && answered <= 1000 });
  } finally {
    (Module as unknown as { _load: unknown })._load = load;
  }
}
