import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers/tmp';
import { shot, startApp, type AppUnderTest } from './harness';

/** The Fuzhou 台江 street polygons (MIT fixture) and a small layer with broken rings written here. */
const FIXTURE = path.resolve('tests/fixtures/geo/fuzhou-taijiang-streets.geojson');
const ring = (x: number, y: number) => [[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]];
const BROKEN = { type: 'FeatureCollection', features: [
  { type: 'Feature', properties: { 名称: '完好小区', 户数: 820 }, geometry: { type: 'Polygon', coordinates: [ring(118.78, 32.04)] } },
  { type: 'Feature', properties: { 名称: '自相交小区', 户数: 300 }, geometry: { type: 'Polygon', coordinates: [[[118.8, 32.0], [118.81, 32.01], [118.81, 32.0], [118.8, 32.01], [118.8, 32.0]]] } },
  { type: 'Feature', properties: { 名称: '未闭合小区', 户数: 410 }, geometry: { type: 'Polygon', coordinates: [[[118.82, 32.0], [118.83, 32.0], [118.83, 32.01]]] } },
  { type: 'Feature', properties: { 名称: '空几何', 户数: 0 }, geometry: null },
] };

describe('browser mode: reference layers', () => {
  let app: AppUnderTest;
  const tmp = tmpDir('minsheng-layers-e2e-');
  const broken = path.join(tmp.dir, '小区边界（有问题）.geojson');

  beforeAll(async () => {
    fs.writeFileSync(broken, JSON.stringify(BROKEN));
    app = await startApp({ demoRecords: 3000 });
    await app.page.getByTestId('nav-import').waitFor({ timeout: 120_000 });
  });
  afterAll(async () => { await app?.stop(); tmp.cleanup(); });

  const jobDone = async () => {
    const banner = app.page.getByTestId('layers-job');
    await expect.poll(async () => (await banner.count()) > 0 && (await banner.getAttribute('class'))?.includes('ant-alert-success'), { timeout: 120_000 }).toBe(true);
  };

  it('lists the demo layers with their roles and geocodes address-only records', async () => {
    const { page } = app;
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-tab-layers').click();
    const list = page.getByTestId('layers-list');
    await expect.poll(() => list.locator('tbody tr.ant-table-row').count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(4);
    await page.getByTestId('layers-run-geocode').click();
    await jobDone();
    const figures = page.getByTestId('layers-geocode-figures');
    await figures.waitFor({ timeout: 30_000 });
    expect(await figures.innerText()).toMatch(/\d+(\.\d)? %/);
    expect(await figures.innerText()).toMatch(/\d+ 米/);
  });

  it('imports a street layer from a GeoJSON file and shows its per-feature statistics', async () => {
    const { page } = app;
    await page.getByTestId('layers-path').fill(FIXTURE);
    await page.getByTestId('layers-preview').click();
    await page.getByTestId('layers-preview-result').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('layers-preview-result').innerText()).toContain('10');
    await page.getByTestId('layers-kind').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '自定义' }).click();
    await page.getByTestId('layers-submit').click();
    await jobDone();
    await expect.poll(() => page.getByTestId('layers-list').innerText(), { timeout: 20_000 }).toContain('fuzhou-taijiang-streets');
    // the demo community layer: statistics under the global filter
    await page.getByTestId('layers-list').locator('tbody tr.ant-table-row').filter({ hasText: '社区' }).first().click();
    const stats = page.getByTestId('layers-stats');
    await stats.waitFor({ timeout: 20_000 });
    await expect.poll(() => stats.locator('tbody tr.ant-table-row').count(), { timeout: 20_000 }).toBeGreaterThan(5);
    await page.getByTestId('layers-geo').scrollIntoViewIfNeeded();
    await shot(page, 'layers-overview');
    await stats.scrollIntoViewIfNeeded();
    await shot(page, 'layers-stats');
  });

  it('imports a layer with broken rings: valid features load, problems listed per feature', async () => {
    const { page } = app;
    await page.getByTestId('layers-add').scrollIntoViewIfNeeded();
    await page.getByTestId('layers-path').fill(broken);
    await page.getByTestId('layers-preview').click();
    await page.getByTestId('layers-preview-result').waitFor({ timeout: 20_000 });
    await page.getByTestId('layers-kind').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '自定义' }).click();
    await page.getByTestId('layers-submit').click();
    await jobDone();
    const row = page.getByTestId('layers-list').locator('tbody tr.ant-table-row').filter({ hasText: '有问题' });
    await row.waitFor({ timeout: 20_000 });
    await row.click();
    await page.getByTestId('layers-tab-problems').click();
    const problems = page.getByTestId('layers-problems');
    await problems.waitFor({ timeout: 20_000 });
    const text = await problems.innerText();
    expect(text).toContain('空几何');
    expect(text).toContain('自相交');
    expect(text).toContain('环未闭合');
    await problems.scrollIntoViewIfNeeded();
    await shot(page, 'layers-problems');
    expect(app.consoleProblems.filter((p) => !/DevTools|React Router/.test(p))).toEqual([]);
  });
});
