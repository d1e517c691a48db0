import { CHANNELS, contract, type Channel, type IpcResult } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { toAppError } from '../core/aws/errors';
import type { HandlerTable } from './types';

/** Requests larger than this (as JSON) are refused before parsing: no legitimate request comes close. */
export const MAX_REQUEST_BYTES = 64 * 1024;

/** True when `value` names a contract channel. */
export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

/** A readable "field: problem" message from a zod error, naming the field. */
function describeIssue(issues: readonly { path: PropertyKey[]; message: string }[]): { field?: string; message: string } {
  const first = issues[0];
  if (!first) return { message: 'Invalid request.' };
  const field = first.path.map(String).join('.') || undefined;
  const msg = first.message;
  return { field, message: field && !msg.toLowerCase().includes(field.toLowerCase()) ? `${field}: ${msg}` : msg };
}

/**
 * Validate and run one IPC request against the handler table. Every failure becomes a typed
 * `{ ok: false, error: { code, message } }`; responses are parsed through their schema so nothing
 * outside the contract (such as key material) can cross.
 */
export async function dispatch(table: HandlerTable, channel: unknown, payload: unknown): Promise<IpcResult<unknown>> {
  try {
    if (!isChannel(channel)) throw new AppError('InvalidInput', `Unknown channel "${String(channel).slice(0, 60)}".`, 'channel');
    let size: number;
    try {
      size = JSON.stringify(payload ?? {}).length;
    } catch {
      throw new AppError('InvalidInput', 'Request is not plain data.', 'request');
    }
    if (size > MAX_REQUEST_BYTES) {
      throw new AppError('InvalidInput', `Request is too large (${size} bytes; at most ${MAX_REQUEST_BYTES}).`, 'request');
    }
    const entry = contract[channel];
    const parsed = entry.request.safeParse(payload ?? {});
    if (!parsed.success) {
      const { field, message } = describeIssue(parsed.error.issues);
      throw new AppError('InvalidInput', message, field);
    }
    const handler = table[channel] as (req: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    const checked = entry.response.safeParse(value);
    if (!checked.success) {
      throw new AppError('Internal', `Response for ${channel} did not match the contract: ${describeIssue(checked.error.issues).message}`);
    }
    return { ok: true, value: checked.data };
  } catch (err) {
    return { ok: false, error: toAppError(err).toShape() };
  }
}
