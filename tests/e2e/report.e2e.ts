/**
 * Reports › report builder: charts and the map go into the basket from their screens, a report is built
 * from a template plus added sections (trend, map, text, commentary, the basket item), previewed in a
 * sandboxed iframe and exported as PDF, DOCX, HTML and XLSX. The PDF's first pages become PNGs
 * (pdftoppm) in docs/screenshots/ — the test fails, never skips, when pdftoppm is missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { tmpDir } from '../helpers/tmp';
import { SCREENSHOT_DIR, shot, startApp, type AppUnderTest } from './harness';

const COMMENTARY = '本季度诉求总量平稳，供水、噪声类诉求上升较快。\n\n建议相关部门加强夜间施工管理，并在下季度复盘办理时效。';

async function mapIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const m = (window as unknown as { __minshengMap?: { loaded(): boolean; areTilesLoaded(): boolean; isMoving(): boolean } }).__minshengMap;
    return Boolean(m && m.loaded() && m.areTilesLoaded() && !m.isMoving());
  }, null, { timeout: 30_000 });
  await page.waitForTimeout(700);
}

async function added(page: Page): Promise<void> {
  await page.locator('.ant-message').getByText('已加入报告素材').last().waitFor({ timeout: 15_000 });
}

async function addSection(page: Page, kind: string): Promise<void> {
  await page.getByTestId('report-add-section').click();
  await page.locator('.ant-dropdown:visible .ant-dropdown-menu-item').filter({ hasText: kind }).first().click();
}

describe('reports: the report builder', () => {
  let app: AppUnderTest;
  let out: { dir: string; cleanup: () => void };

  beforeAll(async () => {
    out = tmpDir('minsheng-e2e-report-');
    app = await startApp({ demoRecords: 20_000 });
    await app.page.getByTestId('nav-trends').waitFor({ timeout: 120_000 });
  });
  afterAll(async () => { await app?.stop(); out?.cleanup(); });

  it('adds a trends chart, the map and the tag cloud to the report basket (persisted in the project)', async () => {
    const { page } = app;
    await page.getByTestId('nav-trends').click();
    await page.locator('[data-testid="chart-volume-chart"] canvas').first().waitFor({ timeout: 30_000 });
    // the button is disabled while the chart loads: a snapshot is never of a loading spinner
    await expect.poll(() => page.getByTestId('chart-volume-add').isEnabled(), { timeout: 30_000 }).toBe(true);
    await page.waitForTimeout(1500);
    await page.getByTestId('chart-volume-add').click();
    await added(page);
    await page.getByTestId('nav-map').click();
    await page.getByTestId('screen-map').waitFor();
    await expect.poll(() => page.getByTestId('map-located').innerText(), { timeout: 30_000 }).toMatch(/\d/);
    await mapIdle(page);
    await page.getByTestId('map-add-report').click();
    await added(page);
    // the text screen's tag cloud (an SVG drawn into a PNG)
    await page.getByTestId('nav-text').click();
    await expect.poll(() => page.getByTestId('tag-cloud').locator('text').count(), { timeout: 60_000 }).toBeGreaterThan(10);
    await page.getByTestId('tag-cloud-add-report').click();
    await added(page);
  }, 180_000);

  it('builds a report: template, details, sections of six kinds with the basket item, reordered', async () => {
    const { page } = app;
    // a reload empties the renderer: what the basket shows next comes from the project
    await page.reload();
    await page.getByTestId('nav-reports').waitFor({ timeout: 60_000 });
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('report-builder').waitFor();
    // the basket shows both items with thumbnails
    await expect.poll(() => page.getByTestId('report-basket-item').count(), { timeout: 15_000 }).toBe(3);
    await expect.poll(() => page.locator('[data-testid="report-basket"] img').count(), { timeout: 15_000 }).toBe(3);
    // the brief template is applied on the first visit: overview, trend, categories, commentary
    await page.getByTestId('report-section-overview').waitFor({ timeout: 15_000 });
    await page.getByTestId('report-meta-title').fill('宁川市12345热线运行情况简报（合成数据）');
    await page.getByTestId('report-meta-organisation').fill('宁川市政务服务热线管理办公室');
    await page.getByTestId('report-meta-author').fill('数据分析组');
    // commentary text
    await page.getByTestId('report-section-commentary').click();
    await page.getByTestId('report-commentary').fill(COMMENTARY);
    // add map (choropleth by street) after the trend and a text section after it
    await page.getByTestId('report-section-trend').click();
    await addSection(page, '地图');
    await page.getByTestId('report-section-map').waitFor();
    await page.getByTestId('report-editor').getByText('街道').click();
    await addSection(page, '文本分析');
    await page.getByTestId('report-section-text').waitFor();
    // the map from the basket as its own section
    await page.getByTestId('report-basket-item').filter({ hasText: '地图' }).getByTestId('report-basket-insert').click();
    await page.getByTestId('report-section-item').waitFor();
    // reorder: keyboard on the drag handle moves the basket item up one place
    const order = () => page.locator('[data-testid="report-section-list"] > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    const before = await order();
    const i = before.indexOf('item');
    await page.locator('[data-handle="item"]').focus();
    await page.keyboard.press('ArrowUp');
    await expect.poll(order).toEqual([...before.slice(0, i - 1), 'item', before[i - 1], ...before.slice(i + 1)]);
    // and the down button moves it back
    await page.getByTestId('report-section-item').getByRole('button', { name: '下移' }).click();
    await expect.poll(order).toEqual(before);
    const kinds = new Set(await order());
    for (const k of ['overview', 'trend', 'categories', 'map', 'text', 'commentary', 'item']) expect(kinds.has(k)).toBe(true);
    await page.getByTestId('screen-reports').evaluate((el) => el.scrollIntoView());
    await page.waitForTimeout(500);
    await shot(page, 'report-builder');
    await page.getByTestId('report-sections').evaluate((el) => el.scrollIntoView());
    await page.waitForTimeout(300);
    await shot(page, 'report-sections');
  }, 120_000);

  it('previews the report in a sandboxed iframe without scripts', async () => {
    const { page } = app;
    await page.getByTestId('report-preview-build').click();
    const frame = page.getByTestId('report-preview-frame');
    await frame.waitFor({ timeout: 120_000 });
    expect(await frame.getAttribute('sandbox')).not.toContain('allow-scripts');
    const text = await page.frameLocator('[data-testid="report-preview-frame"]').locator('body').innerText({ timeout: 30_000 });
    expect(text).toContain('宁川市12345热线运行情况简报');
    expect(text).toContain('建议相关部门加强夜间施工管理');
    expect(await page.frameLocator('[data-testid="report-preview-frame"]').locator('img, svg').count()).toBeGreaterThan(2);
    await page.getByTestId('report-preview').evaluate((el) => el.scrollIntoView());
    await page.waitForTimeout(800);
    await shot(page, 'report-preview');
  }, 180_000);

  it('exports PDF, DOCX, HTML and XLSX with sizes and SHA-256; the PDF pages become PNGs', async () => {
    const { page } = app;
    const pdftoppm = spawnSync('pdftoppm', ['-v']);
    if (pdftoppm.error) throw new Error('pdftoppm is missing: install it with `apt-get install -y poppler-utils`');
    await page.getByTestId('report-export').scrollIntoViewIfNeeded();
    await page.getByTestId('report-printer').waitFor({ timeout: 15_000 });
    await page.getByTestId('report-outdir').fill(out.dir);
    await page.getByTestId('report-basename').fill('宁川简报');
    await page.getByTestId('report-export-start').click();
    const result = page.getByTestId('report-result');
    await result.waitFor({ timeout: 240_000 });
    await page.getByTestId('screen-reports').evaluate((el) => el.scrollIntoView());
    await page.waitForTimeout(500);
    await shot(page, 'report-exported');
    const files = Object.fromEntries(['pdf', 'docx', 'html', 'xlsx'].map((f) => [f, path.join(out.dir, `宁川简报.${f}`)]));
    for (const f of Object.values(files)) expect(fs.statSync(f).size).toBeGreaterThan(1000);
    const shown = await page.getByTestId('report-files').innerText();
    for (const f of Object.values(files)) expect(shown).toContain(f);
    expect((await page.getByTestId('report-hash').innerText()).trim()).toMatch(/^[0-9a-f]{16,}/);
    expect(fs.readFileSync(files.pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(fs.readFileSync(files.docx).subarray(0, 2).toString()).toBe('PK');
    const html = fs.readFileSync(files.html, 'utf8');
    expect(html).toContain('宁川市12345热线运行情况简报');
    expect(html).toContain('建议相关部门加强夜间施工管理');
    // the basket item (the map snapshot) is embedded under its section title
    expect(html.slice(html.indexOf('民声地图'))).toMatch(/data:image\/png;base64,/);
    // the PDF's first pages as PNG screenshots
    for (const f of fs.readdirSync(SCREENSHOT_DIR).filter((n) => /^report-pdf-p.*\.png$/.test(n))) fs.rmSync(path.join(SCREENSHOT_DIR, f));
    execFileSync('pdftoppm', ['-r', '70', '-png', '-f', '1', '-l', '4', files.pdf, path.join(SCREENSHOT_DIR, 'report-pdf-p')]);
    const pngs = fs.readdirSync(SCREENSHOT_DIR).filter((n) => /^report-pdf-p-?\d+\.png$/.test(n));
    expect(pngs.length).toBeGreaterThanOrEqual(2);
    // the history lists the render
    await expect.poll(() => page.getByTestId('report-history').innerText(), { timeout: 10_000 }).toContain('宁川市12345热线运行情况简报');
  }, 300_000);
});
