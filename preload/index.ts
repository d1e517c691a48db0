import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../shared/contract/api';
import { CHANNELS } from '../shared/contract/channels';
import { WATCH_NAVIGATE_EVENT, WATCH_NAVIGATE_SCREENS } from '../shared/contract/watch.channels';

// The renderer sees only `window.api`: one function per contract channel, each returning a
// `{ ok, value | error }` result. No ipcRenderer and no event objects cross the bridge.
contextBridge.exposeInMainWorld(
  'api',
  buildApi(CHANNELS, (channel, request) => ipcRenderer.invoke(channel, request)),
);

// The one message main sends unasked (a desktop notification was clicked: open this screen). Only a
// known screen's name is passed on, never the event object.
contextBridge.exposeInMainWorld(
  'onrampEvents',
  Object.freeze({
    onNavigate(listener: (screen: string) => void): () => void {
      const handler = (_event: unknown, screen: unknown) => {
        if (typeof screen === 'string' && (WATCH_NAVIGATE_SCREENS as readonly string[]).includes(screen)) listener(screen);
      };
      ipcRenderer.on(WATCH_NAVIGATE_EVENT, handler);
      return () => void ipcRenderer.removeListener(WATCH_NAVIGATE_EVENT, handler);
    },
  }),
);
