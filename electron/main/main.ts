/**
 * Electron main process of Minsheng 民声: thin glue. Decisions live in pure, tested modules
 * (policy, open-requests, menu-template, window-state, job-tracker, settings-file, strings).
 * Serves renderer/dist on app://minsheng/, runs the engine in a utilityProcess and relays IPC to it.
 * Environment (dev/test only): MINSHENG_USER_DATA_DIR overrides userData; MINSHENG_DEVTOOLS=1 enables DevTools when packaged.
 */
import { app, BrowserWindow, ipcMain, Menu, session, shell } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { DESKTOP_OPEN_EVENT, MENU_COMMAND_EVENT, MENU_COMMANDS } from '../../shared/api/bridge';
import type { MenuCommand } from '../../shared/api/bridge';
import { guardClose } from './close-guard';
import { registerDesktopHandlers } from './desktop-ipc';
import { registerDialogHandlers } from './dialogs';
import { startEngine } from './engine-process';
import type { EngineHandle } from './engine-process';
import { JobTracker, NO_PROGRESS, INDETERMINATE } from './job-tracker';
import { createLog, openLogFile } from './log';
import { buildMenu } from './menu';
import type { MainCommand } from './menu-template';
import { classifyPath, OpenQueue, openRequestsFromArgv } from './open-requests';
import { isTrustedSender } from './policy';
import { registerAppScheme, serveRenderer } from './protocol';
import { createRelay } from './relay';
import { hardenAllWebContents, hardenSession } from './security';
import { parseMainSettings } from './settings-file';
import { MAIN_STRINGS, pickLocale } from './strings';
import { createMainWindow, windowStateFile } from './window';

if (process.env.MINSHENG_USER_DATA_DIR) app.setPath('userData', path.resolve(process.env.MINSHENG_USER_DATA_DIR));
const logsDir = path.join(app.getPath('userData'), 'logs');
openLogFile(logsDir);
const log = createLog('main');

app.enableSandbox();
registerAppScheme();
hardenAllWebContents(app, log);

function isTrustedEvent(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame != null && frame.parent === null && isTrustedSender(frame.url);
}

let mainWindow: BrowserWindow | null = null;
let engine: EngineHandle | null = null;
const tracker = new JobTracker();
let broadcast: (event: string, data: unknown) => void = () => {};
const openQueue = new OpenQueue((r) => broadcast(DESKTOP_OPEN_EVENT, r));

function focusWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

if (!app.requestSingleInstanceLock()) {
  app.quit(); // the first instance receives our argv in 'second-instance'
} else {
  openQueue.push(openRequestsFromArgv(process.argv, { cwd: process.cwd(), skip: 1 }));
  app.on('second-instance', (_e, argv, workingDirectory) => {
    openQueue.push(openRequestsFromArgv(argv, { cwd: workingDirectory, skip: 1 }));
    focusWindow();
  });
  // macOS: double-clicked .minsheng files and files dropped on the dock icon (may come before 'ready')
  app.on('open-file', (event, file) => {
    event.preventDefault();
    const kind = classifyPath(file);
    if (kind) openQueue.push([{ kind, path: file }]);
    focusWindow();
  });
  app.whenReady().then(start).catch((e: unknown) => {
    log(`startup failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    app.exit(1);
  });
}

function readSettings() {
  const file = path.join(app.getPath('userData'), 'settings.json');
  let text: string | null = null;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch { /* first start */ }
  return parseMainSettings(text);
}

function start(): void {
  const appRoot = app.getAppPath();
  const rendererDir = path.join(appRoot, 'renderer/dist');
  const enginePath = path.join(appRoot, 'dist/engine/main.cjs');
  const preloadPath = path.join(__dirname, 'preload.cjs');
  const devTools = !app.isPackaged || process.env.MINSHENG_DEVTOOLS === '1';
  const isMac = process.platform === 'darwin';
  let settings = readSettings();
  let projectOpen = false;
  const locale = () => pickLocale(settings.locale, app.getLocale());
  const strings = () => MAIN_STRINGS[locale()];
  log(`Minsheng ${app.getVersion()} (Electron ${process.versions.electron}) starting; user data ${app.getPath('userData')}`);

  hardenSession(session.defaultSession, log);
  serveRenderer(rendererDir, log);

  const setProgress = () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    const v = tracker.progressValue();
    mainWindow.setProgressBar(v, { mode: v === NO_PROGRESS ? 'none' : v === INDETERMINATE ? 'indeterminate' : 'normal' });
  };
  const refreshMenu = () => {
    settings = readSettings();
    Menu.setApplicationMenu(buildMenu({ strings: strings(), isMac, devTools, recent: settings.recent, projectOpen }, onCommand));
  };

  const relay = createRelay<IpcMainInvokeEvent>({
    ipcMain, isTrustedSender: isTrustedEvent, log: createLog('relay'),
    onEngineEvent: (event, data) => {
      if (tracker.onEvent(event, data)) setProgress();
      if (event === 'project.changed') {
        projectOpen = (data as { project?: unknown } | null)?.project != null;
        refreshMenu();
      }
    },
    onCallSucceeded: (method) => { if (method === 'settings.set' || method === 'project.forgetRecent') refreshMenu(); },
  });
  broadcast = (event, data) => relay.broadcast(event, data);

  function onCommand(id: MainCommand): void {
    focusWindow();
    if (id.startsWith('recent:')) {
      const entry = settings.recent[Number(id.slice('recent:'.length))];
      if (entry) openQueue.push([{ kind: 'project', path: entry.path }]);
    } else if (id === 'recent.clear') {
      void Promise.all(settings.recent.map((r) => relay.callEngine('project.forgetRecent', { path: r.path }))).then(refreshMenu);
    } else if (id === 'help.openLogsFolder') {
      void shell.openPath(logsDir);
    } else if ((MENU_COMMANDS as readonly string[]).includes(id)) {
      relay.broadcast(MENU_COMMAND_EVENT, { command: id as MenuCommand });
    }
  }

  engine = startEngine(relay, {
    enginePath, dataDir: app.getPath('userData'), log: createLog('engine'),
    onExit: () => { tracker.clear(); setProgress(); },
  });
  registerDialogHandlers(ipcMain, isTrustedEvent, { project: strings().projectFiles, all: strings().allFiles }, log);
  registerDesktopHandlers(ipcMain, isTrustedEvent, {
    takeOpenRequests: () => openQueue.take(),
    restartEngine: () => engine?.restart() ?? false,
    logsDir,
  }, log);
  refreshMenu();

  const openWindow = () => {
    const icon = path.join(appRoot, 'resources/icons/icon.png');
    const win = createMainWindow({ preloadPath, devTools, title: '民声 Minsheng', log, stateFile: windowStateFile(app.getPath('userData')), icon });
    const removeTarget = relay.addTarget(win.webContents);
    guardClose(win, { tracker, relay, log, strings, locale });
    win.webContents.on('did-start-loading', () => openQueue.pause()); // a reload asks for pending files again
    win.on('closed', () => {
      removeTarget();
      if (mainWindow === win) mainWindow = null;
    });
    mainWindow = win;
  };
  openWindow();

  app.on('activate', () => { if (BrowserWindow.getAllWindows().length === 0) openWindow(); });
  app.on('window-all-closed', () => { if (!isMac) app.quit(); });
  app.on('before-quit', () => {
    engine?.stop();
    engine = null;
    relay.dispose();
  });
}
