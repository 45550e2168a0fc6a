/**
 * Electron main process of Minsheng 民声.
 * Serves renderer/dist on app://minsheng/, runs the engine in a utilityProcess and relays IPC to it.
 * Environment (dev/test only): MINSHENG_USER_DATA_DIR overrides userData; MINSHENG_DEVTOOLS=1 enables DevTools when packaged.
 */
import { app, BrowserWindow, ipcMain, Menu, session } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import { MENU_COMMAND_EVENT } from '../../shared/api/bridge';
import { createLog } from './log';
import { isTrustedSender } from './policy';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenAllWebContents, hardenSession } from './security';
import { createRelay } from './relay';
import { startEngine } from './engine-process';
import type { EngineHandle } from './engine-process';
import { buildMenu, MENU_STRINGS } from './menu';
import { registerDialogHandlers } from './dialogs';
import { createMainWindow } from './window';

const log = createLog('main');

if (process.env.MINSHENG_USER_DATA_DIR) app.setPath('userData', path.resolve(process.env.MINSHENG_USER_DATA_DIR));
app.enableSandbox();
registerAppScheme();
hardenAllWebContents(app, log);

function isTrustedEvent(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame != null && frame.parent === null && isTrustedSender(frame.url);
}

let mainWindow: BrowserWindow | null = null;
let engine: EngineHandle | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.whenReady().then(start).catch((e: unknown) => {
    log(`startup failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    app.exit(1);
  });
}

function start(): void {
  const appRoot = app.getAppPath();
  const rendererDir = path.join(appRoot, 'renderer/dist');
  const enginePath = path.join(appRoot, 'dist/engine/main.cjs');
  const preloadPath = path.join(__dirname, 'preload.cjs');
  const devTools = !app.isPackaged || process.env.MINSHENG_DEVTOOLS === '1';
  const strings = MENU_STRINGS[app.getLocale().toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'];

  hardenSession(session.defaultSession, log);
  serveRenderer(rendererDir, log);

  const relay = createRelay<IpcMainInvokeEvent>({ ipcMain, isTrustedSender: isTrustedEvent, log: createLog('relay') });
  engine = startEngine(relay, { enginePath, dataDir: app.getPath('userData'), log: createLog('engine') });
  registerDialogHandlers(ipcMain, isTrustedEvent, { project: strings.projectFiles, all: strings.allFiles }, log);

  Menu.setApplicationMenu(buildMenu({
    strings,
    devTools,
    isMac: process.platform === 'darwin',
    send: (command) => relay.broadcast(MENU_COMMAND_EVENT, { command }),
  }));

  const openWindow = () => {
    const win = createMainWindow({ preloadPath, devTools, title: '民声 Minsheng', log });
    const removeTarget = relay.addTarget(win.webContents);
    win.on('closed', () => {
      removeTarget();
      if (mainWindow === win) mainWindow = null;
    });
    mainWindow = win;
  };
  openWindow();

  app.on('activate', () => { if (BrowserWindow.getAllWindows().length === 0) openWindow(); });
  app.on('window-all-closed', () => { if (process.platform !== 'darwin') app.quit(); });
  app.on('before-quit', () => {
    engine?.stop();
    engine = null;
    relay.dispose();
  });
}
