import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import { redact } from '../core/logging/redact';

/** One flag of a command: its parser type and what `--help` says about it. */
export interface FlagSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  /** One line for `--help`. */
  description: string;
  /** The value's placeholder in `--help` (`--region REGION`); strings only. */
  value?: string;
  /** Shown as required in `--help`; the command still checks it. */
  required?: boolean;
}

/** A command's flags by name (without the leading `--`). */
export type OptionSpec = Record<string, FlagSpec>;

/** The flags every command accepts besides its own. */
export const COMMON_FLAGS: OptionSpec = {
  json: { type: 'boolean', description: 'Print one JSON document on stdout; messages go to stderr.' },
  help: { type: 'boolean', short: 'h', description: 'Show this help and exit.' },
};

/** A positional argument of a command (`onramp profile add NAME`), for `--help`. */
export interface ArgSpec {
  name: string;
  description: string;
}

/** Flags as parsed. */
export type ParsedFlags = Record<string, string | boolean | string[] | undefined>;

/** Parse flags strictly: unknown flags and stray positionals are invalid input (exit 2). */
export function parseFlags(argv: string[], options: OptionSpec): ParsedFlags {
  return parseCommandLine(argv, options, []).flags;
}

/**
 * Parse a command line with up to `args.length` positional arguments besides the flags. A stray
 * argument is echoed (redacted: it may be a pasted secret) in the exit-2 message.
 */
export function parseCommandLine(argv: string[], options: OptionSpec, args: readonly ArgSpec[]): { flags: ParsedFlags; positionals: string[] } {
  const config = Object.fromEntries(
    Object.entries({ ...options, ...COMMON_FLAGS }).map(([name, f]) => [
      name,
      { type: f.type, ...(f.multiple ? { multiple: true } : {}), ...(f.short ? { short: f.short } : {}) },
    ]),
  );
  try {
    const { values, positionals } = parseArgs({ args: argv, options: config, strict: true, allowPositionals: true });
    if (positionals.length > args.length) {
      const extra = redact(positionals[args.length]!).slice(0, 60);
      throw new AppError('InvalidInput', `Unexpected argument "${extra}".`, extra);
    }
    return { flags: values as ParsedFlags, positionals };
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
 * that supplied the field. fieldToFlag maps schema keys to flag names; the longest mapped prefix of
 * the problem's path wins, so `topic.emails` can name --email while `topic` names --topic-arn.
 */
export function validateWith<T>(schema: z.ZodType<T>, value: unknown, fieldToFlag: Record<string, string>): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = (issue?.path ?? []).map(String);
  let flag = path[0] ?? '';
  for (let n = path.length; n > 0; n--) {
    const mapped = fieldToFlag[path.slice(0, n).join('.')];
    if (mapped !== undefined) {
      flag = mapped;
      break;
    }
  }
  if (path.length === 0) flag = fieldToFlag[''] ?? '';
  throw new AppError('InvalidInput', `--${flag}: ${issue?.message ?? 'invalid value'}`, `--${flag}`);
}

/** The usage text of one command, listing every argument and flag it accepts. */
export function commandHelp(words: string, summary: string, flags: OptionSpec, args: readonly ArgSpec[] = []): string {
  const all = { ...flags, ...COMMON_FLAGS };
  const left = (name: string, f: FlagSpec) =>
    `${f.short ? `-${f.short}, ` : ''}--${name}${f.type === 'string' ? ` ${f.value ?? 'VALUE'}` : ''}`;
  const width = Math.max(...Object.entries(all).map(([n, f]) => left(n, f).length)) + 2;
  const lines = Object.entries(all).map(([name, f]) => {
    const notes = [f.required ? 'required' : null, f.multiple ? 'repeatable' : null].filter(Boolean).join(', ');
    return `  ${left(name, f).padEnd(width)}${f.description}${notes ? ` (${notes})` : ''}`;
  });
  const required = Object.entries(flags)
    .filter(([, f]) => f.required)
    .map(([n, f]) => `--${n}${f.type === 'string' ? ` ${f.value ?? 'VALUE'}` : ''}`);
  const argLines = args.length ? ['Arguments:', ...args.map((a) => `  ${a.name.padEnd(width)}${a.description}`), ''] : [];
  const usage = [`onramp ${words}`, ...args.map((a) => a.name), ...required].join(' ');
  return [`Usage: ${usage} [flags]`, '', summary, '', ...argLines, 'Flags:', ...lines].join('\n');
}
