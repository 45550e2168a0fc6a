import { createApiClient, type ApiClient } from '../../../shared/api/client';
import { getBridge } from './bridge';
import { createHttpTransport } from './http-transport';
import { createIpcTransport } from './ipc-transport';

const bridge = getBridge();

/** Which host the renderer runs in: Electron (preload bridge) or a plain browser (HTTP). */
export const host: 'electron' | 'browser' = bridge ? 'electron' : 'browser';

/** The one API client of the renderer, created once at start. */
export const api: ApiClient = createApiClient(bridge ? createIpcTransport(bridge) : createHttpTransport());

/** Native file dialogs exist only in Electron. */
export const dialogs = {
  available: Boolean(bridge),
  pickOpenFile: (): Promise<string | null> => (bridge ? bridge.pickOpenFile() : Promise.resolve(null)),
  pickSaveFile: (defaultPath?: string): Promise<string | null> =>
    (bridge ? bridge.pickSaveFile(defaultPath ? { defaultPath } : undefined) : Promise.resolve(null)),
};
