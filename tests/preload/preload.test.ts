import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/contract/channels';

const exposed = vi.hoisted(() => ({ key: '', api: null as unknown, invoked: [] as [string, unknown][] }));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => {
      exposed.key = key;
      exposed.api = api;
    },
  },
  ipcRenderer: {
    invoke: async (channel: string, payload: unknown) => {
      exposed.invoked.push([channel, payload]);
      return { ok: true, value: null };
    },
  },
}));

describe('preload', () => {
  it('exposes only a frozen domain API of functions, one per channel, and no ipcRenderer', async () => {
    await import('../../preload/index');
    expect(exposed.key).toBe('api');
    const api = exposed.api as Record<string, Record<string, unknown>>;
    expect(Object.isFrozen(api)).toBe(true);
    const methods = Object.entries(api).flatMap(([domain, group]) => {
      expect(Object.isFrozen(group)).toBe(true);
      return Object.entries(group).map(([name, fn]) => {
        expect(typeof fn).toBe('function');
        return `${domain}.${name}`;
      });
    });
    expect(methods).toHaveLength(CHANNELS.length);
    for (const forbidden of ["ipcRenderer", "invoke", "send", "on", "removeListener"]) expect(api).not.toHaveProperty(forbidden);

    await (api.setup!.plan as (r: unknown) => Promise<unknown>)({ name: 'x' });
    await (api.configs!.list as (r?: unknown) => Promise<unknown>)();
    expect(exposed.invoked).toEqual([
      ['setup:plan', { name: 'x' }],
      ['configs:list', {}],
    ]);
  });
});
