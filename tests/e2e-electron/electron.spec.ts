/**
 * Electron end-to-end smoke test (plain Node, not vitest):
 *   npm run build && node --import tsx tests/e2e-electron/electron.spec.ts
 * or `import { runElectronE2E } from './tests/e2e-electron/electron.spec'`.
 *
 * Launches the real app with playwright-core's `_electron`, waits for the start page and checks the
 * security boundary from inside the renderer. Prints "SKIP electron e2e: <reason>" and succeeds when
 * no Electron binary is available (it is never downloaded from here).
 * Env: MINSHENG_E2E_START_SELECTOR overrides the start-page selector.
 */
import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { _electron } from 'playwright-core';
import type { ElectronApplication } from 'playwright-core';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import type { MinshengBridge } from '../../shared/api/bridge';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEFAULT_START_SELECTOR = '[data-testid="start-page"], #root > *';
const REQUIRED_BUILD = ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/engine/main.cjs', 'renderer/dist/index.html'];

export interface ElectronE2EResult {
  status: 'passed' | 'failed' | 'skipped';
  reason?: string;
  checks: { name: string; ok: boolean; detail?: string }[];
}

type BridgeWindow = Window & { minsheng?: MinshengBridge };

export async function runElectronE2E(opts: { rootDir?: string; log?: (line: string) => void } = {}): Promise<ElectronE2EResult> {
  const root = opts.rootDir ?? ROOT;
  const log = opts.log ?? ((line: string) => console.log(line));
  const checks: ElectronE2EResult['checks'] = [];
  const check = (name: string, ok: boolean, detail?: string) => {
    checks.push({ name, ok, detail });
    log(`${ok ? '  ok  ' : '  FAIL'} ${name}${detail && !ok ? ` — ${detail}` : ''}`);
  };

  const bin = findElectronBinary(root);
  if (!bin.path) {
    log(`SKIP electron e2e: ${bin.reason}`);
    return { status: 'skipped', reason: bin.reason, checks };
  }
  const missing = REQUIRED_BUILD.filter((f) => !existsSync(path.join(root, f)));
  if (missing.length) {
    const reason = `build outputs missing (${missing.join(', ')}); run "npm run build" first`;
    log(`FAIL electron e2e: ${reason}`);
    return { status: 'failed', reason, checks };
  }

  const userData = mkdtempSync(path.join(os.tmpdir(), 'minsheng-e2e-electron-'));
  let app: ElectronApplication | null = null;
  try {
    log(`electron e2e: launching ${bin.path}`);
    app = await _electron.launch({
      executablePath: bin.path,
      args: [root],
      cwd: root,
      env: { ...(process.env as Record<string, string>), MINSHENG_USER_DATA_DIR: userData, ELECTRON_ENABLE_LOGGING: '1' },
      timeout: 60_000,
    });
    app.process().stdout?.on('data', (d: Buffer) => process.stdout.write(`[app] ${d}`));
    app.process().stderr?.on('data', (d: Buffer) => process.stderr.write(`[app] ${d}`));

    const page = await app.firstWindow({ timeout: 60_000 });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.waitForLoadState('domcontentloaded');
    check('window loads app://minsheng/', page.url().startsWith('app://minsheng/'), page.url());

    const selector = process.env.MINSHENG_E2E_START_SELECTOR || DEFAULT_START_SELECTOR;
    const started = await page.waitForSelector(selector, { timeout: 30_000 }).then(() => true, (e: Error) => e.message);
    check(`start page rendered (${selector})`, started === true, String(started));

    const env = await page.evaluate(() => {
      const w = window as BridgeWindow;
      return {
        bridgeType: typeof w.minsheng,
        host: w.minsheng?.host,
        keys: Object.keys(w.minsheng ?? {}).sort(),
        frozen: Object.isFrozen(w.minsheng),
        processType: typeof (globalThis as { process?: unknown }).process,
        requireType: typeof (globalThis as { require?: unknown }).require,
        moduleType: typeof (globalThis as { module?: unknown }).module,
        bufferType: typeof (globalThis as { Buffer?: unknown }).Buffer,
        electronType: typeof (globalThis as { electron?: unknown }).electron,
        ipcType: typeof (globalThis as { ipcRenderer?: unknown }).ipcRenderer,
      };
    });
    check('window.minsheng exists', env.bridgeType === 'object', env.bridgeType);
    check('window.minsheng.host is "electron"', env.host === 'electron', String(env.host));
    const expectedKeys = ['call', 'host', 'openLogsFolder', 'pathForFile', 'pickOpenFile', 'pickSaveFile', 'restartEngine', 'subscribe', 'takeOpenRequests'];
    check(`window.minsheng exposes only ${expectedKeys.join('/')}`, JSON.stringify(env.keys) === JSON.stringify(expectedKeys), env.keys.join(','));
    check('process is undefined in the renderer', env.processType === 'undefined', env.processType);
    check('require/module/Buffer are undefined in the renderer',
      env.requireType === 'undefined' && env.moduleType === 'undefined' && env.bufferType === 'undefined', JSON.stringify(env));
    check('no ipcRenderer/electron globals', env.ipcType === 'undefined' && env.electronType === 'undefined', JSON.stringify(env));

    const ping = await page.evaluate(async () => {
      try {
        return { ok: true, value: await (window as BridgeWindow).minsheng!.call('app.ping', {}) };
      } catch (e) {
        return { ok: false, value: e };
      }
    });
    check('app.ping round-trips through preload → main → engine', ping.ok && (ping.value as { ok?: unknown })?.ok === true, JSON.stringify(ping));

    const err = await page.evaluate(() => (window as BridgeWindow).minsheng!.call('no.such.method', {}).then(
      () => null,
      (e: unknown) => (typeof e === 'object' && e !== null ? { ...(e as object), isError: e instanceof Error } : { raw: String(e) }),
    ));
    const payload = err as { code?: unknown; message?: unknown; params?: unknown } | null;
    check('errors reject with an ApiErrorPayload {code, params, message}',
      !!payload && payload.code === 'UNKNOWN_METHOD' && typeof payload.message === 'string' && typeof payload.params === 'object', JSON.stringify(err));

    const network = await page.evaluate(async () => {
      try {
        await fetch('https://example.com/');
        return 'loaded';
      } catch {
        return 'blocked';
      }
    });
    check('remote network requests are blocked', network === 'blocked', network);

    const popup = await page.evaluate(() => window.open('https://example.com/') === null);
    check('window.open is denied', popup, String(popup));

    const before = page.url();
    await page.evaluate(() => { window.location.href = 'https://example.com/'; });
    await page.waitForTimeout(500);
    check('navigation away from the app is blocked', page.url() === before, page.url());
    const menu = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((i) => i.label) ?? []);
    check('application menu has File, Edit, View, Window, Help (zh or en)',
      ['文件,编辑,视图,窗口,帮助', 'File,Edit,View,Window,Help'].some((l) => menu.filter((x) => x !== 'Minsheng' && x !== 'Electron').join(',') === l), menu.join(','));
    const pending = await page.evaluate(() => (window as BridgeWindow).minsheng!.takeOpenRequests?.());
    check('no pending open requests without a file argument', Array.isArray(pending) && pending.length === 0, JSON.stringify(pending));
    check('the log file is written to the user data folder', existsSync(path.join(userData, 'logs', 'minsheng.log')));
    check('no uncaught page errors', pageErrors.length === 0, pageErrors.join(' | '));
  } catch (e) {
    check('electron e2e ran to completion', false, e instanceof Error ? e.stack ?? e.message : String(e));
  } finally {
    await app?.close().catch(() => {});
    if (app) check('the window state is remembered on close', existsSync(path.join(userData, 'window-state.json')));
    rmSync(userData, { recursive: true, force: true });
  }
  const failed = checks.filter((c) => !c.ok);
  log(failed.length ? `electron e2e: ${failed.length} of ${checks.length} checks FAILED` : `electron e2e: all ${checks.length} checks passed`);
  return { status: failed.length ? 'failed' : 'passed', checks };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  runElectronE2E().then((r) => process.exit(r.status === 'failed' ? 1 : 0), (e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
