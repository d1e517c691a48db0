import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { AppError } from '../../shared/errors';

/** Option specs for node:util parseArgs. */
export type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;

/** Parse flags strictly: unknown flags and stray positionals are invalid input (exit 2). */
export function parseFlags(argv: string[], options: OptionSpec): Record<string, string | boolean | string[] | undefined> {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { ...options, json: { type: 'boolean' } }, strict: true, allowPositionals: true });
    if (positionals.length > 0) {
      throw new AppError('InvalidInput', `Unexpected argument "${positionals[0]}".`, positionals[0]);
    }
    return values as Record<string, string | boolean | string[] | undefined>;
  } catch (err) {
    if (err instanceof AppError) throw err;
    const message = (err as Error).message.replace(/\. To specify.*$/s, '.');
    throw new AppError('InvalidInput', message);
  }
}

/** A required string flag. */
export function requireFlag(values: Record<string, unknown>, flag: string): string {
  const v = values[flag];
  if (typeof v !== 'string' || v === '') throw new AppError('InvalidInput', `--${flag} is required.`, `--${flag}`);
  return v;
}

/**
 * Validate an object with a contract schema and report the first problem against the CLI flag
 * that supplied the field (fieldToFlag maps schema keys to flag names).
 */
export function validateWith<T>(schema: z.ZodType<T>, value: unknown, fieldToFlag: Record<string, string>): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const key = String(issue?.path[0] ?? '');
  const flag = fieldToFlag[key] ?? key;
  throw new AppError('InvalidInput', `--${flag}: ${issue?.message ?? 'invalid value'}`, `--${flag}`);
}
