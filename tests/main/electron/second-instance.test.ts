/** A second launch while Onramp runs: the lock is refused, so it quits at once and opens no window (the first shows its own). */
import { describe, expect, it, vi } from 'vitest';

const rec = await vi.hoisted(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join: j } = await import('node:path');
  const { electronRecorder } = await import('../../helpers/mock-electron');
  const r = electronRecorder({ dataDir: mkdtempSync(j(tmpdir(), 'onramp-second-')) });
  r.singleInstance = false;
  return r;
});
vi.mock('electron', async () => (await import('../../helpers/mock-electron')).mockElectron(rec));

describe('a second instance (Electron mocked)', () => {
  it('quits without a window or a tray', async () => {
    await import('../../../main/electron/index');
    await new Promise((r) => setTimeout(r, 200));
    expect(rec.quit).toBe(1);
    expect(rec.windows).toHaveLength(0);
    expect(rec.trays).toHaveLength(0);
  });
});
