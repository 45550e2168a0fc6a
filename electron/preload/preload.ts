/**
 * Sandboxed preload: exposes exactly one small object, `window.minsheng` (see shared/api/bridge.ts).
 * Never exposes ipcRenderer or any Node API. Bundled to CommonJS with only `electron` external.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { BridgeEvent, DesktopCommand, MinshengBridge, OpenFileOptions, OpenRequest, SaveFileOptions } from '../../shared/api/bridge';
import { IPC_DESKTOP, IPC_DIALOG_OPEN, IPC_DIALOG_SAVE } from '../../shared/api/bridge';
import { IPC_CALL, IPC_EVENT } from '../../shared/api/wire';

type Envelope = { ok: true; result: unknown } | { ok: false; error: { code: string; params: Record<string, string | number>; message: string } };

function internal(detail: string) {
  return { code: 'INTERNAL', params: { detail }, message: `Internal error: ${detail}` };
}

/** Turns the main process's envelope into a resolution, or a rejection with a plain ApiErrorPayload object. */
async function invoke(channel: string, ...args: unknown[]): Promise<unknown> {
  let envelope: unknown;
  try {
    envelope = await ipcRenderer.invoke(channel, ...args);
  } catch (e) {
    return Promise.reject(internal(e instanceof Error ? e.message : String(e)));
  }
  if (typeof envelope !== 'object' || envelope === null || typeof (envelope as Envelope).ok !== 'boolean') {
    return Promise.reject(internal('malformed IPC reply'));
  }
  const env = envelope as Envelope;
  if (env.ok) return env.result;
  const { code, params, message } = env.error;
  return Promise.reject({ code, params: params ?? {}, message });
}

const bridge: MinshengBridge = {
  host: 'electron',
  call(method: string, input: unknown): Promise<unknown> {
    if (typeof method !== 'string') return Promise.reject(internal('method must be a string'));
    return invoke(IPC_CALL, { method, input });
  },
  subscribe(listener: (e: BridgeEvent) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    const handler = (_e: IpcRendererEvent, payload: unknown) => {
      if (typeof payload !== 'object' || payload === null) return;
      const { event, data } = payload as { event?: unknown; data?: unknown };
      if (typeof event !== 'string') return;
      try {
        listener({ event, data });
      } catch (err) {
        console.error('[minsheng] event listener failed', err);
      }
    };
    ipcRenderer.on(IPC_EVENT, handler);
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      ipcRenderer.removeListener(IPC_EVENT, handler);
    };
  },
  pickOpenFile(options?: OpenFileOptions): Promise<string | null> {
    return invoke(IPC_DIALOG_OPEN, options ?? {}) as Promise<string | null>;
  },
  pickSaveFile(options?: SaveFileOptions): Promise<string | null> {
    return invoke(IPC_DIALOG_SAVE, options ?? {}) as Promise<string | null>;
  },
  pathForFile(file: unknown): string | null {
    if (!(file instanceof File)) return null;
    try {
      return webUtils.getPathForFile(file) || null;
    } catch {
      return null;
    }
  },
  takeOpenRequests: () => desktop('takeOpenRequests') as Promise<OpenRequest[]>,
  restartEngine: () => desktop('restartEngine') as Promise<boolean>,
  openLogsFolder: () => desktop('openLogsFolder') as Promise<boolean>,
};

function desktop(command: DesktopCommand): Promise<unknown> {
  return invoke(IPC_DESKTOP, command);
}

contextBridge.exposeInMainWorld('minsheng', Object.freeze(bridge));
