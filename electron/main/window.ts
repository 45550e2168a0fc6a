/** The main window: secure webPreferences, loads app://minsheng/index.html, shows when ready. */
import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL, webPreferencesFor } from './policy';
import type { Log } from './log';

export function createMainWindow(opts: { preloadPath: string; devTools: boolean; title: string; log: Log }): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: opts.title,
    backgroundColor: '#ffffff',
    webPreferences: webPreferencesFor(opts.preloadPath, { devTools: opts.devTools }),
  });
  const show = () => { if (!win.isDestroyed() && !win.isVisible()) win.show(); };
  win.once('ready-to-show', show);
  setTimeout(show, 5000); // never stay invisible if the renderer fails to paint
  win.webContents.on('render-process-gone', (_e, details) => opts.log(`renderer gone: ${details.reason} (exit ${details.exitCode})`));
  win.webContents.on('did-fail-load', (_e, code, description, url) => opts.log(`failed to load ${url}: ${code} ${description}`));
  win.webContents.on('preload-error', (_e, preloadPath, error) => opts.log(`preload ${preloadPath} failed: ${error.message}`));
  void win.loadURL(APP_ENTRY_URL);
  return win;
}
