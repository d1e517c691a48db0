import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger, createLogger, LOG_FILE } from '../../../main/core/logging/logger';
import { RingBuffer } from '../../../main/core/logging/ring-buffer';
import { RotatingLogFile } from '../../../main/core/logging/rotating-file';
import { SECRETS, secretBearingLines } from './secrets';

const tempDir = () => mkdtempSync(join(tmpdir(), 'onramp-log-'));
const allLogText = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.startsWith(LOG_FILE))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('');

describe('logger', () => {
  it('never writes a known test secret to the log file, at any level', () => {
    const dir = tempDir();
    const log = createFileLogger(dir);
    for (const line of secretBearingLines()) {
      log.info(line);
      log.warn(`warning: ${line}`);
      log.error(`failed: ${line}`);
    }
    const text = allLogText(dir);
    expect(text.split('\n').filter(Boolean)).toHaveLength(secretBearingLines().length * 3);
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
    for (const e of log.recentErrors()) for (const secret of Object.values(SECRETS)) expect(e.message).not.toContain(secret);
  });

  it('writes one line per entry with time and level; newlines cannot forge entries', () => {
    const dir = tempDir();
    const log = createFileLogger(dir, { now: () => new Date('2026-01-02T03:04:05.000Z') });
    log.info('hello');
    log.error('bad\n2026-01-01T00:00:00.000Z INFO forged');
    const lines = readFileSync(join(dir, LOG_FILE), 'utf8').trimEnd().split('\n');
    expect(lines).toEqual([
      '2026-01-02T03:04:05.000Z INFO hello',
      '2026-01-02T03:04:05.000Z ERROR bad\\n2026-01-01T00:00:00.000Z INFO forged',
    ]);
  });

  it('creates the log readable by the user only, and tightens an existing world-readable one', () => {
    if (process.platform === 'win32') return;
    const dir = tempDir();
    createFileLogger(dir).info('x');
    expect(statSync(join(dir, LOG_FILE)).mode & 0o777).toBe(0o600);
    const dir2 = tempDir();
    writeFileSync(join(dir2, LOG_FILE), 'old\n');
    chmodSync(join(dir2, LOG_FILE), 0o644);
    createFileLogger(dir2).info('y');
    expect(statSync(join(dir2, LOG_FILE)).mode & 0o777).toBe(0o600);
  });

  it('keeps the most recent errors only, oldest first', () => {
    const log = createLogger({ recentErrorLimit: 3 });
    for (let i = 1; i <= 5; i++) log.error(`e${i}`);
    log.warn('not an error');
    expect(log.recentErrors().map((e) => e.message)).toEqual(['e3', 'e4', 'e5']);
  });

  it('never throws when the file cannot be written', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'blocker'), '');
    const log = createLogger({ file: new RotatingLogFile(join(dir, 'blocker', 'onramp.log')) });
    expect(() => log.error('still fine')).not.toThrow();
    expect(log.recentErrors()).toHaveLength(1);
  });
});

describe('RotatingLogFile', () => {
  it('rotates at the size limit and keeps only `keep` old files', () => {
    const dir = tempDir();
    const file = new RotatingLogFile(join(dir, 'onramp.log'), 100, 3);
    const line = `${'x'.repeat(49)}\n`; // 50 bytes: two lines fill a file
    for (let i = 0; i < 11; i++) file.append(line);
    expect(readdirSync(dir).sort()).toEqual(['onramp.log', 'onramp.log.1', 'onramp.log.2', 'onramp.log.3']);
    for (const f of readdirSync(dir)) expect(statSync(join(dir, f)).size).toBeLessThanOrEqual(100);
    expect(statSync(join(dir, 'onramp.log')).size).toBe(50); // the 11th line started a new file
    expect(file.files()).toHaveLength(4);
  });

  it('continues an existing file across restarts', () => {
    const dir = tempDir();
    new RotatingLogFile(join(dir, 'onramp.log'), 100, 3).append(`${'a'.repeat(59)}\n`);
    new RotatingLogFile(join(dir, 'onramp.log'), 100, 3).append(`${'b'.repeat(59)}\n`);
    expect(readFileSync(join(dir, 'onramp.log.1'), 'utf8')).toMatch(/^a+\n$/);
    expect(readFileSync(join(dir, 'onramp.log'), 'utf8')).toMatch(/^b+\n$/);
  });
});

describe('RingBuffer', () => {
  it('drops the oldest item once full', () => {
    const rb = new RingBuffer<number>(2);
    [1, 2, 3].forEach((n) => rb.push(n));
    expect(rb.toArray()).toEqual([2, 3]);
    expect(() => new RingBuffer(0)).toThrow(RangeError);
  });
});
