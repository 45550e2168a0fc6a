import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers/tmp';
import { isLocalRequest, shot, startApp, type AppUnderTest } from './harness';

/** The Nanjing 12345 sample (30 data rows, UTF-8) — dropped on the window as a browser would hand it over. */
const FIXTURE = path.resolve('tests/fixtures/import/nanjing-12345-sample.csv');

describe('browser mode: drag and drop, settings, help', () => {
  let app: AppUnderTest;
  const tmp = tmpDir('minsheng-desktop-e2e-');
  const failed: string[] = [];

  beforeAll(async () => {
    app = await startApp({ demoRecords: 2000 });
    app.page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
    await app.page.getByTestId('nav-import').waitFor({ timeout: 120_000 });
  });
  afterAll(async () => {
    await app?.stop();
    tmp.cleanup();
  });

  /** Waits until no toast message is left on screen (clean screenshots). */
  const quiet = () => expect.poll(async () => {
    const notices = app.page.locator('.ant-message-notice');
    return (await notices.count()) ? await notices.allInnerTexts() : [];
  }, { timeout: 10_000 }).toEqual([]);

  /** Dispatches dragenter (and optionally drop) with a DataTransfer holding one file, like a file manager would. */
  async function dragFile(name: string, content: string, drop: boolean) {
    const dt = await app.page.evaluateHandle(({ name: n, content: c }) => {
      const d = new DataTransfer();
      d.items.add(new File([c], n, { type: 'text/csv' }));
      return d;
    }, { name, content });
    await app.page.dispatchEvent('body', 'dragenter', { dataTransfer: dt });
    await app.page.dispatchEvent('body', 'dragover', { dataTransfer: dt });
    if (drop) await app.page.dispatchEvent('body', 'drop', { dataTransfer: dt });
  }

  it('shows the drop target while a file is dragged over the window', async () => {
    const { page } = app;
    await page.getByTestId('nav-trends').click();
    await dragFile('南京12345.csv', fs.readFileSync(FIXTURE, 'utf8'), false);
    await page.getByTestId('drop-overlay').waitFor({ timeout: 5000 });
    await shot(page, 'desktop-drop-overlay');
    await page.dispatchEvent('body', 'dragleave');
    await page.getByTestId('drop-overlay').waitFor({ state: 'hidden' });
  });

  it('starts an import when a data file is dropped: copied into the data folder and previewed', async () => {
    const { page } = app;
    const csv = fs.readFileSync(FIXTURE, 'utf8');
    await dragFile('南京12345-拖入.csv', csv, true);
    await page.getByTestId('screen-import').waitFor({ timeout: 10_000 });
    const table = page.getByTestId('import-preview-table');
    await table.waitFor({ timeout: 30_000 });
    await expect.poll(() => table.innerText(), { timeout: 15_000 }).toContain('NJ202400001');
    const dropped = fs.readdirSync(path.join(app.dataDir, 'dropped'));
    expect(dropped).toHaveLength(1);
    expect(dropped[0]).toMatch(/^\d{8}-\d{6}-南京12345-拖入\.csv$/);
    expect(fs.readFileSync(path.join(app.dataDir, 'dropped', dropped[0]), 'utf8')).toBe(csv);
    await shot(page, 'desktop-drop-import');
  });

  it('explains a file it cannot read instead of doing anything', async () => {
    const { page } = app;
    await dragFile('报告.pdf', '%PDF-1.4', true);
    await expect.poll(() => page.locator('.ant-message').innerText(), { timeout: 5000 }).toMatch(/无法识别的文件类型：报告\.pdf/);
    expect(fs.readdirSync(path.join(app.dataDir, 'dropped'))).toHaveLength(1);
  });

  it('changes theme, import defaults and privacy in settings and keeps them after a reload', async () => {
    const { page } = app;
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-appearance').waitFor();
    await quiet();
    await shot(page, 'desktop-settings');
    await page.getByTestId('settings-theme').getByText('深色').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.getByTestId('settings-crs').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'GCJ-02' }).click();
    await page.getByTestId('settings-mask-pii').click();
    await expect.poll(() => page.getByTestId('settings-mask-pii').getAttribute('aria-checked')).toBe('false');
    const saved = () => JSON.parse(fs.readFileSync(path.join(app.dataDir, 'settings.json'), 'utf8'));
    await expect.poll(() => saved()).toMatchObject({ theme: 'dark', importCrs: 'gcj02', maskPii: false });
    await quiet();
    await shot(page, 'desktop-settings-dark');

    await page.reload();
    await page.getByTestId('nav-settings').waitFor({ timeout: 30_000 });
    await page.getByTestId('nav-settings').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await expect.poll(() => page.getByTestId('settings-crs').innerText()).toContain('GCJ-02');
    expect(await page.getByTestId('settings-mask-pii').getAttribute('aria-checked')).toBe('false');
  });

  it('refuses a relative data folder with a clear message and keeps the old value', async () => {
    const { page } = app;
    await page.getByTestId('settings-data-folder-input').fill('相对/路径');
    await page.getByTestId('settings-data-folder-save').click();
    await expect.poll(() => page.locator('.ant-message').innerText(), { timeout: 5000 }).toContain('“相对/路径”不能用作数据文件夹');
    expect(JSON.parse(fs.readFileSync(path.join(app.dataDir, 'settings.json'), 'utf8')).dataFolder).toBe('');
    await page.getByTestId('settings-theme').getByText('浅色').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  });

  it('opens the manual page of the current screen from its context-help button', async () => {
    const { page } = app;
    await page.getByTestId('nav-import').click();
    await page.getByTestId('context-help-import').click();
    await page.getByTestId('help-page-import').waitFor();
    await expect.poll(() => page.getByTestId('help-content').innerText()).toContain('导入真实数据');
    await quiet();
    await shot(page, 'desktop-help-import');
  });

  it('shows method pages with formulas, follows links between pages and searches', async () => {
    const { page } = app;
    await page.getByTestId('help-nav-alerts').click();
    await page.getByTestId('help-page-alerts').waitFor();
    await expect.poll(() => page.getByTestId('help-content').innerText()).toMatch(/Kulldorff/);
    await shot(page, 'desktop-help-alerts');
    await page.getByTestId('help-nav-start').click();
    await page.locator('[data-help-link="glossary"]').first().click();
    await page.getByTestId('help-page-glossary').waitFor();
    await expect.poll(() => page.getByTestId('help-content').innerText()).toContain('caller_hash');
    await page.getByTestId('help-search').locator('input').fill('SimHash');
    await expect.poll(() => page.locator('[data-testid^="help-nav-"]').allInnerTexts()).toContain('文本分析');
    expect(await page.getByTestId('help-nav-import').count()).toBe(0);
    await page.getByTestId('help-search').locator('input').fill('');
  });

  it('shows the manual in English', async () => {
    const { page } = app;
    await page.getByTestId('help-nav-evaluation').click();
    await page.getByTestId('lang-switch').getByText('English').click();
    await expect.poll(() => page.getByTestId('help-content').innerText(), { timeout: 10_000 }).toContain('Evaluation: indicators, weights, scores and ranks');
    await shot(page, 'desktop-help-evaluation-en');
    await page.getByTestId('lang-switch').getByText('中文').click();
    await expect.poll(() => page.getByTestId('help-content').innerText()).toContain('评估：指标、权重');
  });

  it('checks an update file on disk and verifies the installer beside it', async () => {
    const { page } = app;
    const dir = path.join(tmp.dir, '民声-9.0.0');
    fs.mkdirSync(dir, { recursive: true });
    const installer = 'installer bytes';
    fs.writeFileSync(path.join(dir, 'Minsheng-9.0.0-linux-x64.AppImage'), installer);
    fs.writeFileSync(path.join(dir, 'minsheng-update.json'), JSON.stringify({
      product: 'minsheng', version: '9.0.0', date: '2030-01-01', notes: { 'zh-CN': '新增：离线更新检查。' },
      files: [{ name: 'Minsheng-9.0.0-linux-x64.AppImage', sha256: crypto.createHash('sha256').update(installer).digest('hex'), platform: process.platform, arch: process.arch }],
    }));
    await page.getByTestId('help-nav-update').click();
    await page.getByTestId('help-update-path').fill(dir);
    await page.getByTestId('help-update-check').click();
    const result = page.getByTestId('help-update-result');
    await result.waitFor({ timeout: 10_000 });
    expect(await result.innerText()).toMatch(/有新版本 9\.0\.0[\s\S]*SHA-256 一致[\s\S]*离线更新检查/);
    await shot(page, 'desktop-help-update');
  });

  it('lists shortcuts and shows the log page (empty in test browser mode)', async () => {
    const { page } = app;
    await page.getByTestId('help-nav-shortcuts').click();
    await expect.poll(() => page.getByTestId('help-shortcuts').innerText()).toContain('Alt+1');
    await page.getByTestId('help-nav-logs').click();
    await expect.poll(() => page.getByTestId('help-logs').innerText()).toContain('还没有日志');
    // F1 opens the help of the current screen in browser mode
    await page.getByTestId('nav-map').click();
    await page.keyboard.press('F1');
    await page.getByTestId('help-page-map').waitFor();
  });

  it('made no console errors and no non-local requests', () => {
    expect(failed).toEqual([]);
    expect(app.consoleProblems.filter((p) => !/Download the React DevTools/.test(p))).toEqual([]);
    expect(app.requests.filter((u) => !isLocalRequest(u, app.origin))).toEqual([]);
  });
});
