import { join } from 'node:path';
import { redact } from './redact';
import { RingBuffer } from './ring-buffer';
import { RotatingLogFile } from './rotating-file';

/** The log file's name inside the data folder. */
export const LOG_FILE = 'onramp.log';

/** Log levels, least to most severe. */
export type LogLevel = 'info' | 'warn' | 'error';

/** One remembered error, already redacted. */
export interface RecentError {
  time: string;
  message: string;
}

/** What the app logs through. Every line is redacted before it is stored anywhere. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** The latest errors (oldest first), for the diagnostics report. */
  recentErrors(): RecentError[];
}

/** How to build a logger: a file (optional: tests and the CLI may log only to memory), a clock, a buffer size. */
export interface LoggerOptions {
  file?: RotatingLogFile | null;
  now?: () => Date;
  recentErrorLimit?: number;
}

/**
 * A logger writing redacted, single-line entries (`<ISO time> <LEVEL> <message>`) to a rotating file
 * and keeping the last errors in memory. Writing never throws: a full disk must not stop the app.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const now = options.now ?? (() => new Date());
  const recent = new RingBuffer<RecentError>(options.recentErrorLimit ?? 50);
  const file = options.file ?? null;

  const write = (level: LogLevel, message: string) => {
    // One entry per line: newlines inside a message cannot forge extra entries.
    const clean = redact(message).replace(/\r?\n/g, '\\n');
    const time = now().toISOString();
    if (level === 'error') recent.push({ time, message: clean.slice(0, 1000) });
    try {
      file?.append(`${time} ${level.toUpperCase()} ${clean}\n`);
    } catch {
      // Logging is best effort.
    }
  };

  return {
    info: (m) => write('info', m),
    warn: (m) => write('warn', m),
    error: (m) => write('error', m),
    recentErrors: () => recent.toArray(),
  };
}

/** The app's logger: `<dataDir>/onramp.log`, rotated at 1 MB keeping 3 old files. */
export function createFileLogger(dataDir: string, options: Omit<LoggerOptions, 'file'> = {}): Logger {
  return createLogger({ ...options, file: new RotatingLogFile(join(dataDir, LOG_FILE)) });
}
