import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shot, startApp, type AppUnderTest } from './harness';

/** Waits until the ECharts canvas inside a chart card has been drawn. */
async function chartDrawn(page: Page, testId: string): Promise<void> {
  await page.locator(`[data-testid="${testId}-chart"] canvas`).first().waitFor({ timeout: 30_000 });
}

const count = async (page: Page) => Number((await page.getByTestId('records-count').locator('.ant-statistic-content-value').innerText()).replace(/[^\d]/g, ''));

describe('trends dashboard over the demo project', () => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await startApp({ demoRecords: 20_000 });
    await app.page.getByTestId('nav-trends').waitFor({ timeout: 120_000 });
  });
  afterAll(async () => { await app?.stop(); });

  it('overview: volume with moving average and year-over-year, calendar, hour × weekday, top lists', async () => {
    const { page } = app;
    await page.getByTestId('nav-trends').click();
    for (const id of ['chart-volume', 'chart-calendar', 'chart-cycle', 'chart-top-district', 'chart-top-department']) await chartDrawn(page, id);
    await expect.poll(() => count(page), { timeout: 20_000 }).toBe(20_000);
    await page.waitForTimeout(800);
    await shot(page, 'trends-overview');
    await page.getByTestId('chart-calendar').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await shot(page, 'trends-overview-calendar');
  });

  it('linked filtering: a click on a district bar sets the global filter; back undoes it', async () => {
    const { page } = app;
    const card = page.getByTestId('chart-top-district-chart');
    await card.scrollIntoViewIfNeeded();
    const box = (await card.boundingBox())!;
    // The largest district is the top bar; its bar spans most of the plot width.
    await page.mouse.click(box.x + box.width * 0.55, box.y + 20);
    await page.getByTestId('crumb-districts').waitFor({ timeout: 10_000 });
    // The crumb shows at once; the headline count follows when the dashboard's queries answer.
    await expect.poll(() => count(page), { timeout: 15_000 }).toBeLessThan(20_000);
    expect(await count(page)).toBeGreaterThan(0);
    await page.waitForTimeout(800);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'trends-linked-district');
    await page.getByTestId('nav-map').click();
    await page.getByTestId('screen-map').waitFor({ timeout: 15_000 });
    await page.getByTestId('crumb-districts').waitFor();
    await page.waitForTimeout(5000);
    await shot(page, 'trends-linked-map');
    await page.getByTestId('nav-trends').click();
    await page.getByTestId('filter-back').click();
    await expect.poll(() => page.getByTestId('crumb-districts').count()).toBe(0);
    await expect.poll(() => count(page), { timeout: 20_000 }).toBe(20_000);
    await page.getByTestId('filter-forward').click();
    await page.getByTestId('crumb-districts').waitFor();
    await page.getByTestId('filter-back').click();
  });

  it('categories: sunburst and drill-down bars', async () => {
    const { page } = app;
    await page.getByTestId('trends-tab-categories').click();
    await chartDrawn(page, 'chart-sunburst');
    await chartDrawn(page, 'chart-category-bars');
    await page.waitForTimeout(800);
    await shot(page, 'trends-categories');
  });

  it('cross-tab with XLSX export', async () => {
    const { page } = app;
    await page.getByTestId('trends-tab-pivot').click();
    await expect.poll(async () => page.locator('[data-testid="pivot-table"] tbody tr.ant-table-row').count(), { timeout: 20_000 }).toBeGreaterThan(3);
    await page.waitForTimeout(300);
    await shot(page, 'trends-pivot');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pivot-xlsx').click()]);
    const file = await download.path();
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(fs.readFileSync(file!).subarray(0, 2).toString()).toBe('PK');
  });

  it('service performance: rules, KPIs, distribution, backlog and groups', async () => {
    const { page } = app;
    await page.getByTestId('trends-tab-performance').click();
    await chartDrawn(page, 'chart-histogram');
    await chartDrawn(page, 'chart-backlog');
    await expect.poll(async () => page.locator('[data-testid="perf-table"] tbody tr.ant-table-row').count(), { timeout: 20_000 }).toBeGreaterThan(3);
    await page.waitForTimeout(800);
    await shot(page, 'trends-performance');
    await page.getByTestId('perf-table').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await shot(page, 'trends-performance-groups');
  });

  it('hotlines side by side', async () => {
    const { page } = app;
    await page.getByTestId('trends-tab-sources').click();
    await chartDrawn(page, 'chart-src-mix');
    await expect.poll(async () => page.locator('[data-testid="sources-table"] tbody tr.ant-table-row').count(), { timeout: 20_000 }).toBeGreaterThan(1);
    await page.waitForTimeout(800);
    await shot(page, 'trends-sources');
  });

  it('chart export as PNG and the records tab', async () => {
    const { page } = app;
    await page.getByTestId('trends-tab-overview').click();
    await chartDrawn(page, 'chart-volume');
    await page.getByTestId('chart-volume-export').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByText(/PNG/).first().click()]);
    const file = await download.path();
    expect(fs.readFileSync(file!).subarray(1, 4).toString()).toBe('PNG');
    await page.getByTestId('trends-tab-records').click();
    await expect.poll(async () => page.locator('[data-testid="records-table"] tbody tr').count(), { timeout: 15_000 }).toBeGreaterThan(5);
  });

  it('made no console errors or warnings', () => {
    // Software WebGL in headless Chromium reports GPU stalls when the map screen reads pixels; not an app problem.
    expect(app.consoleProblems.filter((m) => !m.includes('GL Driver Message'))).toEqual([]);
  });
});
