import { appendFileSync, chmodSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** Default log size before rotation, and how many rotated files are kept. */
export const DEFAULT_MAX_BYTES = 1024 * 1024;
export const DEFAULT_KEEP = 3;

/**
 * An append-only log file that rotates at `maxBytes`: `onramp.log` → `onramp.log.1` → … →
 * `onramp.log.<keep>`, the oldest dropped. Files are created readable by the user only (0600).
 * Appends are synchronous so lines stay in order and survive a crash right after them.
 */
export class RotatingLogFile {
  private size: number | null = null;

  constructor(
    readonly path: string,
    readonly maxBytes = DEFAULT_MAX_BYTES,
    readonly keep = DEFAULT_KEEP,
  ) {}

  /** Append text (one or more whole lines), rotating first if it would overflow the file. */
  append(text: string): void {
    if (this.size === null) this.open();
    const bytes = Buffer.byteLength(text);
    if ((this.size ?? 0) > 0 && (this.size ?? 0) + bytes > this.maxBytes) this.rotate();
    appendFileSync(this.path, text, { mode: 0o600 });
    this.size = (this.size ?? 0) + bytes;
  }

  /** The current file and its rotated predecessors, newest first. */
  files(): string[] {
    const all = [this.path, ...Array.from({ length: this.keep }, (_, i) => `${this.path}.${i + 1}`)];
    return all.filter((f) => existsSync(f));
  }

  private open(): void {
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    try {
      this.size = statSync(this.path).size;
      // A file left by an older build or another tool may be world-readable: tighten it.
      chmodSync(this.path, 0o600);
    } catch {
      this.size = 0;
    }
  }

  private rotate(): void {
    rmSync(`${this.path}.${this.keep}`, { force: true });
    for (let i = this.keep - 1; i >= 1; i--) {
      if (existsSync(`${this.path}.${i}`)) renameSync(`${this.path}.${i}`, `${this.path}.${i + 1}`);
    }
    if (this.keep >= 1) renameSync(this.path, `${this.path}.1`);
    else rmSync(this.path, { force: true });
    this.size = 0;
  }
}
