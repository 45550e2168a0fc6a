/**
 * The object the Electron preload exposes as `window.minsheng` (contextBridge). It is the ONLY
 * thing the renderer gets from the host: no ipcRenderer, no Node. The renderer declares it with
 *
 *   import type { MinshengBridge } from '<shared>/api/bridge';
 *   declare global { interface Window { minsheng?: MinshengBridge } }
 */

/** Dialog channels (the API call/event channels are IPC_CALL / IPC_EVENT in wire.ts). */
export const IPC_DIALOG_OPEN = 'minsheng:dialog-open';
export const IPC_DIALOG_SAVE = 'minsheng:dialog-save';

/** Event name the main process uses for application-menu commands (sent through IPC_EVENT). */
export const MENU_COMMAND_EVENT = 'menu.command';
export const MENU_COMMANDS = ['project.new', 'project.open', 'project.openDemo', 'project.close'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
export interface MenuCommandEvent { event: typeof MENU_COMMAND_EVENT; data: { command: MenuCommand } }

export interface FileFilter { name: string; extensions: string[] }

export interface OpenFileOptions {
  title?: string;
  /** Defaults to Minsheng project files (`*.minsheng`) plus "all files". */
  filters?: FileFilter[];
  defaultPath?: string;
}

export interface SaveFileOptions {
  title?: string;
  /** Suggested file name or full path. */
  defaultPath?: string;
  /** Defaults to Minsheng project files (`*.minsheng`). */
  filters?: FileFilter[];
}

export interface BridgeEvent { event: string; data: unknown }

export interface MinshengBridge {
  readonly host: 'electron';
  /** Calls an API method. Resolves with the result (Arrow results as Uint8Array); rejects with an ApiErrorPayload `{code, params, message}`. */
  call(method: string, input: unknown): Promise<unknown>;
  /** Receives every engine event and main-process event (e.g. `menu.command`). Returns an unsubscribe function. */
  subscribe(listener: (e: BridgeEvent) => void): () => void;
  /** Native "open file" dialog. Resolves with the chosen path, or null when cancelled. */
  pickOpenFile(options?: OpenFileOptions): Promise<string | null>;
  /** Native "save file" dialog. Resolves with the chosen path, or null when cancelled. */
  pickSaveFile(options?: SaveFileOptions): Promise<string | null>;
}

/** Extension of Minsheng project files. */
export const PROJECT_EXTENSION = 'minsheng';
