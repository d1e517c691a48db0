import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../shared/contract/api';
import { CHANNELS } from '../shared/contract/channels';

// The renderer sees only `window.api`: one function per contract channel, each returning a
// `{ ok, value | error }` result. No ipcRenderer, no event objects, no callbacks cross the bridge.
contextBridge.exposeInMainWorld(
  'api',
  buildApi(CHANNELS, (channel, request) => ipcRenderer.invoke(channel, request)),
);
