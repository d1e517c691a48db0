import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32 } from 'node:zlib';

/** One file of a zip: its name, bytes and Unix mode. */
export interface ZipEntry {
  name: string;
  data: Buffer;
  mode: number;
}

/** A stored (uncompressed) zip with Unix permissions, enough for Electron's extractor. */
export function makeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0, 6); // flags
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(0, 10); // time, date
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, e.data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(0, 30); // extra
    central.writeUInt16LE(0, 32); // comment
    central.writeUInt16LE(0, 34); // disk
    central.writeUInt16LE(0, 36); // internal attrs
    central.writeUInt32LE(((0o100000 | e.mode) << 16) >>> 0, 38); // external attrs: regular file + mode
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/**
 * The stand-in Electron: a shell script named `electron` that records how it was started (working
 * folder, arguments, the renderer URL electron-vite passes) into $ONRAMP_STANDIN_RECORD and exits 0.
 */
export function standInElectronZip(version: string): Buffer {
  const script = [
    '#!/bin/sh',
    `# stand-in for Electron ${version}: records how it was started`,
    'out="${ONRAMP_STANDIN_RECORD:-/dev/null}"',
    '{',
    '  printf "cwd=%s\\n" "$PWD"',
    '  for a in "$@"; do printf "arg=%s\\n" "$a"; done',
    '  printf "renderer=%s\\n" "$ELECTRON_RENDERER_URL"',
    '} > "$out"',
    'exit 0',
    '',
  ].join('\n');
  return makeZip([
    { name: 'electron', data: Buffer.from(script), mode: 0o755 },
    { name: 'version', data: Buffer.from(version), mode: 0o644 },
  ]);
}

/** A loopback HTTP server that serves files by path and records every request path. */
export interface Mirror {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/** Serve `files` (URL path → bytes) on 127.0.0.1 at a free port. */
export async function startMirror(files: Record<string, Buffer>): Promise<Mirror> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(path);
    const body = files[path];
    if (!body) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** The files of an Electron release mirror holding only the stand-in for one platform. */
export function standInReleaseFiles(version: string, platform: string, arch: string): Record<string, Buffer> {
  const file = `electron-v${version}-${platform}-${arch}.zip`;
  const zip = standInElectronZip(version);
  const sha = createHash('sha256').update(zip).digest('hex');
  return {
    [`/v${version}/${file}`]: zip,
    [`/v${version}/SHASUMS256.txt`]: Buffer.from(`${sha} *${file}\n`),
  };
}

/** A port on 127.0.0.1 that nothing listens on (bound, then closed). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}
