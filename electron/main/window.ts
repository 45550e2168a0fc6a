/** The main window: secure webPreferences, remembered size/position, loads app://minsheng/index.html, shows when ready. */
import { BrowserWindow, screen } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { APP_ENTRY_URL, webPreferencesFor } from './policy';
import type { Log } from './log';
import { DEFAULT_SIZE, parseWindowState, restoreBounds, type WindowState } from './window-state';

function readState(file: string): WindowState | null {
  try {
    return parseWindowState(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

function saveState(win: BrowserWindow, file: string, log: Log): void {
  if (win.isDestroyed()) return;
  const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized(), fullScreen: win.isFullScreen() };
  try {
    fs.writeFileSync(file, JSON.stringify(state));
  } catch (e) {
    log(`could not save the window state: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function createMainWindow(opts: { preloadPath: string; devTools: boolean; title: string; log: Log; stateFile: string; icon?: string }): BrowserWindow {
  const restored = restoreBounds(readState(opts.stateFile), screen.getAllDisplays().map((d) => d.workArea));
  const win = new BrowserWindow({
    ...restored.bounds,
    minWidth: DEFAULT_SIZE.minWidth,
    minHeight: DEFAULT_SIZE.minHeight,
    show: false,
    title: opts.title,
    ...(opts.icon && fs.existsSync(opts.icon) ? { icon: opts.icon } : {}),
    backgroundColor: '#ffffff',
    webPreferences: webPreferencesFor(opts.preloadPath, { devTools: opts.devTools }),
  });
  const show = () => {
    if (win.isDestroyed() || win.isVisible()) return;
    if (restored.maximized) win.maximize();
    if (restored.fullScreen) win.setFullScreen(true);
    win.show();
  };
  win.once('ready-to-show', show);
  setTimeout(show, 5000); // never stay invisible if the renderer fails to paint
  let timer: ReturnType<typeof setTimeout> | null = null;
  const saveSoon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => saveState(win, opts.stateFile, opts.log), 500);
  };
  for (const e of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(e as 'resize', saveSoon);
  win.on('close', () => {
    if (timer) clearTimeout(timer);
    saveState(win, opts.stateFile, opts.log);
  });
  win.webContents.on('render-process-gone', (_e, details) => opts.log(`renderer gone: ${details.reason} (exit ${details.exitCode})`));
  win.webContents.on('did-fail-load', (_e, code, description, url) => opts.log(`failed to load ${url}: ${code} ${description}`));
  win.webContents.on('preload-error', (_e, preloadPath, error) => opts.log(`preload ${preloadPath} failed: ${error.message}`));
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

export function windowStateFile(userData: string): string {
  return path.join(userData, 'window-state.json');
}
