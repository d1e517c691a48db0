import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS, type IpcResult } from '../../shared/contract';
import { AppError } from '../../shared/errors';
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

/** Register one ipcMain handler per contract channel, each checking the sender then dispatching. */
export function registerIpc(table: HandlerTable, devServerUrl?: string): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, payload: unknown): Promise<IpcResult<unknown>> => {
      if (!isTrustedSender(event, devServerUrl)) {
        return { ok: false, error: new AppError('AccessDenied', 'IPC from an untrusted frame was refused.').toShape() };
      }
      return dispatch(table, channel, payload);
    });
  }
}
