/** Native open/save dialogs for the renderer, on their own checked IPC channels. Replies are envelopes like the relay's. */
import { BrowserWindow, dialog } from 'electron';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { FileFilter } from '../../shared/api/bridge';
import { IPC_DIALOG_OPEN, IPC_DIALOG_SAVE, PROJECT_EXTENSION } from '../../shared/api/bridge';
import { errorEnvelope } from './relay';
import type { Envelope } from './relay';
import type { Log } from './log';

interface Labels { project: string; all: string }

function str(x: unknown, max: number): string | undefined {
  return typeof x === 'string' && x.length > 0 && x.length <= max && !x.includes('\0') ? x : undefined;
}

function filtersOf(x: unknown, labels: Labels, withAll: boolean): FileFilter[] {
  const out: FileFilter[] = [];
  if (Array.isArray(x)) {
    for (const f of x.slice(0, 10)) {
      const name = str((f as { name?: unknown })?.name, 100);
      const exts = (f as { extensions?: unknown })?.extensions;
      if (!name || !Array.isArray(exts)) continue;
      const extensions = exts.filter((e): e is string => typeof e === 'string' && /^(\*|[A-Za-z0-9_-]{1,16})$/.test(e)).slice(0, 20);
      if (extensions.length) out.push({ name, extensions });
    }
  }
  if (out.length === 0) out.push({ name: labels.project, extensions: [PROJECT_EXTENSION] });
  if (withAll && !out.some((f) => f.extensions.includes('*'))) out.push({ name: labels.all, extensions: ['*'] });
  return out;
}

export function registerDialogHandlers(ipcMain: IpcMain, isTrusted: (e: IpcMainInvokeEvent) => boolean, labels: Labels, log: Log): void {
  ipcMain.handle(IPC_DIALOG_OPEN, async (event, raw: unknown): Promise<Envelope<string | null>> => {
    if (!isTrusted(event)) {
      log('refused open-dialog request from an untrusted sender');
      return errorEnvelope('UNAUTHORIZED', {});
    }
    const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const options: Electron.OpenDialogOptions = {
      title: str(o.title, 200),
      defaultPath: str(o.defaultPath, 4096),
      filters: filtersOf(o.filters, labels, true),
      properties: ['openFile'],
    };
    const win = BrowserWindow.fromWebContents(event.sender);
    const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return { ok: true, result: r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0] };
  });

  ipcMain.handle(IPC_DIALOG_SAVE, async (event, raw: unknown): Promise<Envelope<string | null>> => {
    if (!isTrusted(event)) {
      log('refused save-dialog request from an untrusted sender');
      return errorEnvelope('UNAUTHORIZED', {});
    }
    const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const options: Electron.SaveDialogOptions = {
      title: str(o.title, 200),
      defaultPath: str(o.defaultPath, 4096),
      filters: filtersOf(o.filters, labels, false),
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const win = BrowserWindow.fromWebContents(event.sender);
    const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return { ok: true, result: r.canceled || !r.filePath ? null : r.filePath };
  });
}
