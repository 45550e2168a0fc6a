import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { tmpDir } from '../helpers/tmp';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.resolve('docs/screenshots');
const CHROMIUM_GL_NOISE = /GL Driver Message|GPU stall due to ReadPixels/;

export interface AppUnderTest {
  url: string; origin: string; dataDir: string; proc: ChildProcess;
  browser: Browser; context: BrowserContext; page: Page;
  consoleProblems: string[];
  /** Every URL the page requested. */
  requests: string[];
  stop(): Promise<void>;
}

/** Starts browser mode exactly as `npm start` does (a separate Node process) and opens it in Debian's Chromium. */
export async function startApp(opts: { demoRecords?: number; dataDir?: string } = {}): Promise<AppUnderTest> {
  const tmp = tmpDir('minsheng-e2e-');
  const dataDir = opts.dataDir ?? path.join(tmp.dir, 'data');
  const proc = spawn(process.execPath, ['--import', 'tsx', 'electron/engine/main.ts', '--transport=http', `--data-dir=${dataDir}`], {
    env: { ...process.env, MINSHENG_DEMO_RECORDS: String(opts.demoRecords ?? 20_000) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr!.on('data', (d) => { stderr += String(d); });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`browser mode did not start: ${stderr}`)), 30_000);
    proc.stdout!.on('data', (d) => {
      out += String(d);
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    proc.on('exit', (code) => reject(new Error(`browser mode exited ${code}: ${stderr}`)));
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1', '--lang=zh-CN'],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const consoleProblems: string[] = [];
  const requests: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() !== 'error' && m.type() !== 'warning') return;
    // Chromium's software WebGL (no GPU here) reports pixel read-backs as performance notes; not app problems.
    if (CHROMIUM_GL_NOISE.test(m.text())) return;
    consoleProblems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => consoleProblems.push(`pageerror: ${e.message}`));
  context.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  return {
    url, origin: new URL(url).origin, dataDir, proc, browser, context, page, consoleProblems, requests,
    async stop() {
      await browser.close().catch(() => {});
      proc.kill('SIGTERM');
      await new Promise((r) => { if (proc.exitCode !== null) r(null); else proc.once('exit', r); });
      tmp.cleanup();
    },
  };
}

export async function shot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** A request is local when it goes to the app's own origin or stays inside the page (data:, blob:). */
export function isLocalRequest(url: string, origin: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  try {
    const u = new URL(url);
    return u.origin === origin || ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
  } catch {
    return false;
  }
}
