import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS, type IpcResult } from '../../shared/contract';
import { AppError, type AppErrorShape } from '../../shared/errors';
import type { Logger } from '../core/logging/logger';
import { dispatch } from '../handlers/dispatch';
import type { HandlerTable } from '../handlers/types';
import { isAppUrl } from './origin';

/**
 * True when an IPC message comes from the app's own top-level frame. Every handler checks this
 * before acting (Electron security checklist: validate the sender of all IPC messages).
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, devServerUrl?: string): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent) return false;
  return isAppUrl(frame.url, devServerUrl);
}

// Answers the user caused and can fix from the UI are warnings; everything else is an error worth a bug report.
const EXPECTED = new Set<AppErrorShape['code']>(['InvalidInput', 'NotConnected', 'MfaRequired', 'MfaCancelled']);

/** Log a failed IPC answer (the logger redacts; the message is already free of raw SDK detail). */
function logFailure(logger: Logger | undefined, channel: string, error: AppErrorShape): void {
  const line = `IPC ${channel} failed: ${error.code}${error.field ? ` (${error.field})` : ''}: ${error.message}`;
  if (EXPECTED.has(error.code)) logger?.warn(line);
  else logger?.error(line);
}

/** Register one ipcMain handler per contract channel, each checking the sender then dispatching; failures are logged. */
export function registerIpc(table: HandlerTable, devServerUrl?: string, logger?: Logger): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, payload: unknown): Promise<IpcResult<unknown>> => {
      if (!isTrustedSender(event, devServerUrl)) {
        const error = new AppError('AccessDenied', 'IPC from an untrusted frame was refused.').toShape();
        logFailure(logger, channel, error);
        return { ok: false, error };
      }
      const result = await dispatch(table, channel, payload);
      if (!result.ok) logFailure(logger, channel, result.error);
      return result;
    });
  }
}
