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
export const MENU_COMMANDS = [
  'project.new', 'project.open', 'project.openDemo', 'project.close', 'import.file', 'export.open', 'view.settings',
  'help.manual', 'help.shortcuts', 'help.logs', 'help.checkUpdate', 'help.about',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
export interface MenuCommandEvent { event: typeof MENU_COMMAND_EVENT; data: { command: MenuCommand } }

/** Desktop commands from the renderer to the main process (restart the engine, pending opens, logs folder). */
export const IPC_DESKTOP = 'minsheng:desktop';
export const DESKTOP_COMMANDS = ['takeOpenRequests', 'restartEngine', 'openLogsFolder'] as const;
export type DesktopCommand = (typeof DESKTOP_COMMANDS)[number];

/** Main → renderer: a file to open (command-line argument, second instance, file association, recent menu). */
export const DESKTOP_OPEN_EVENT = 'desktop.open';
/** Main → renderer: the engine process crashed (`crashed`) or runs again (`restarted`). */
export const ENGINE_STATE_EVENT = 'desktop.engine';

/** A Minsheng project to open, or a data file to import. */
export interface OpenRequest { kind: 'project' | 'data'; path: string }
export interface EngineStateEvent { state: 'crashed' | 'restarted'; code?: number | null }

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
  /* Desktop extras (optional: test fakes and older preloads may lack them). */
  /** The real path of a dropped `File` (Electron's webUtils), or null when it has none. */
  pathForFile?(file: unknown): string | null;
  /** Files the app was asked to open before the renderer was listening (command line, file association). */
  takeOpenRequests?(): Promise<OpenRequest[]>;
  /** Starts the engine again after a crash. Resolves true when a new engine was started. */
  restartEngine?(): Promise<boolean>;
  /** Opens the log folder in the system file manager. */
  openLogsFolder?(): Promise<boolean>;
}

/** Extension of Minsheng project files. */
export const PROJECT_EXTENSION = 'minsheng';
/** Data files the import wizard reads (drag and drop, "open with", command line). */
export const DATA_EXTENSIONS = ['csv', 'tsv', 'txt', 'xlsx', 'json', 'jsonl', 'ndjson'] as const;

/** What a file name is to Minsheng: a project, a data file to import, or neither. */
export function classifyFileName(name: string): OpenRequest['kind'] | null {
  const m = /\.([A-Za-z0-9]+)$/.exec(name);
  const ext = m ? m[1].toLowerCase() : '';
  if (ext === PROJECT_EXTENSION) return 'project';
  return (DATA_EXTENSIONS as readonly string[]).includes(ext) ? 'data' : null;
}
