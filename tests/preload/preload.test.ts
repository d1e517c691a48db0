import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/contract/channels';

const exposed = vi.hoisted(() => ({
  keys: [] as string[],
  api: null as unknown,
  events: null as unknown,
  invoked: [] as [string, unknown][],
  listeners: new Map<string, (event: unknown, payload: unknown) => void>(),
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => {
      exposed.keys.push(key);
      if (key === 'api') exposed.api = value;
      else exposed.events = value;
    },
  },
  ipcRenderer: {
    invoke: async (channel: string, payload: unknown) => {
      exposed.invoked.push([channel, payload]);
      return { ok: true, value: null };
    },
    on: (channel: string, fn: (event: unknown, payload: unknown) => void) => void exposed.listeners.set(channel, fn),
    removeListener: (channel: string) => void exposed.listeners.delete(channel),
  },
}));

describe('preload', () => {
  it('exposes only a frozen domain API of functions, one per channel, and no ipcRenderer', async () => {
    await import('../../preload/index');
    expect(exposed.keys).toEqual(['api', 'onrampEvents']);
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

  it('passes on only a known screen from a notification click, without the event object, and unsubscribes', () => {
    const events = exposed.events as { onNavigate: (l: (screen: string) => void) => () => void };
    expect(Object.isFrozen(events)).toBe(true);
    expect(Object.keys(events)).toEqual(['onNavigate']);
    const seen: unknown[][] = [];
    const off = events.onNavigate((...args: unknown[]) => void seen.push(args));
    const send = exposed.listeners.get('watch:navigate')!;
    send({ sender: 'main' }, 'cost');
    send({ sender: 'main' }, 'javascript:alert(1)');
    send({ sender: 'main' }, { screen: 'cost' });
    expect(seen).toEqual([['cost']]);
    off();
    expect(exposed.listeners.has('watch:navigate')).toBe(false);
  });
});
