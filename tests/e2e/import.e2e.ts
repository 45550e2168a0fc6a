import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers/tmp';
import { SCREENSHOT_DIR, shot, startApp, type AppUnderTest } from './harness';

/**
 * 30 data rows (Nanjing 12345, UTF-8): two unreadable received times (rows 8 and 20 of the file)
 * and one request ID repeated (row 26 repeats row 11). Expected: read 30 = 27 + 0 + 1 + 2.
 */
const FIXTURE = path.resolve('tests/fixtures/import/nanjing-12345-sample.csv');

describe('browser mode: import a hotline CSV end to end', () => {
  let app: AppUnderTest;
  const tmp = tmpDir('minsheng-import-e2e-');
  // A copy under a Chinese folder name: paths with CJK characters must work too.
  const file = path.join(tmp.dir, '南京数据', '12345-2024年3月.csv');

  beforeAll(async () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.copyFileSync(FIXTURE, file);
    app = await startApp({ demoRecords: 2000 });
    await app.page.getByTestId('nav-import').waitFor({ timeout: 120_000 });
  });
  afterAll(async () => {
    await app?.stop();
    tmp.cleanup();
  });

  it('previews the file with the right encoding and sample rows', async () => {
    const { page } = app;
    await page.getByTestId('nav-import').click();
    await page.getByTestId('screen-import').waitFor();
    await page.getByTestId('import-path').fill(file);
    await page.getByTestId('import-preview-btn').click();
    const table = page.getByTestId('import-preview-table');
    await table.waitFor({ timeout: 20_000 });
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count(), { timeout: 15_000 }).toBe(20);
    await expect.poll(() => table.innerText()).toContain('工单编号');
    await expect.poll(() => table.innerText()).toContain('NJ202400001');
    expect(await page.getByTestId('import-encoding').innerText()).toContain('UTF-8');
    expect(await page.getByTestId('import-garbled').count()).toBe(0);
  });

  it('takes a new hotline source and suggests the mapping', async () => {
    const { page } = app;
    await page.getByTestId('import-source-mode').getByText('新建来源').click();
    await page.getByTestId('import-source-code').fill('nj12345');
    await page.getByTestId('import-source-name').fill('南京12345（测试）');
    await page.getByTestId('import-next-mapping').click();
    const mapping = page.getByTestId('import-mapping');
    await mapping.waitFor();
    const expected = ['工单编号', '受理时间', '诉求内容', '一级分类', '区县', '地址', '经度', '纬度', '承办单位', '办结时间', '满意度'];
    for (const [i, label] of expected.entries()) {
      expect(await page.getByTestId(`import-map-${i}`).innerText(), `column ${i}`).toContain(label);
    }
    expect(await page.getByTestId('import-issue-noReceivedAt').count()).toBe(0);
    await page.getByTestId('import-mapped-count').scrollIntoViewIfNeeded();
    await shot(page, 'import-mapping');
    // The satisfaction column's distinct values, counted by the engine, with how each is read.
    const values = page.getByTestId('import-values-satisfaction');
    await values.scrollIntoViewIfNeeded();
    const sat = fs.readFileSync(FIXTURE, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').at(-1)!.trim()).filter(Boolean);
    const top = [...new Set(sat)].map((v) => [v, sat.filter((x) => x === v).length] as const).sort((a, b) => b[1] - a[1])[0];
    await expect.poll(() => values.locator('tbody tr.ant-table-row').count(), { timeout: 15_000 }).toBe(new Set(sat).size);
    expect(await values.locator('tbody tr.ant-table-row').first().innerText()).toContain(`${top[0]}\t${top[1]}`);
    await page.getByTestId('import-values').screenshot({ path: path.join(SCREENSHOT_DIR, 'import-value-labels.png') });
    await page.getByTestId('import-save-template').check();
    await page.getByTestId('import-template-name').fill('南京12345 工单导出');
  });

  it('runs the import and shows counts that add up to the rows read', async () => {
    const { page } = app;
    await page.getByTestId('import-next-run').click();
    await page.getByTestId('import-start').click();
    const result = page.getByTestId('import-result');
    await result.waitFor({ timeout: 60_000 });
    const count = async (k: string) => Number((await page.getByTestId(`import-count-${k}`).innerText()).replace(/[^\d]/g, ''));
    expect(await count('read')).toBe(30);
    expect(await count('imported')).toBe(27);
    expect(await count('updated')).toBe(0);
    expect(await count('duplicates')).toBe(1);
    expect(await count('rejected')).toBe(2);
    await shot(page, 'import-result');
  });

  it('lists the two rejected rows with their reasons and exports them', async () => {
    const { page } = app;
    await page.getByTestId('import-view-rejected').click();
    const table = page.getByTestId('rejected-table');
    await table.waitFor({ timeout: 15_000 });
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count(), { timeout: 15_000 }).toBe(2);
    const text = await table.innerText();
    expect(text).toContain('昨天下午');
    expect(text).toContain('2024-13-45');
    expect(text).toMatch(/时间/);
    await shot(page, 'import-rejected');

    await page.getByTestId('rejected-export').click();
    const out = path.join(tmp.dir, '拒收行.csv');
    const input = page.getByTestId('export-rejected-path');
    await input.fill(out);
    await expect.poll(() => input.inputValue()).toBe(out);
    // Enter runs the export like the OK button, without aiming at a button that may still be zooming in
    await input.press('Enter');
    // success closes the dialog; a failure keeps it open with its message, which the assertion then shows
    await expect.poll(async () => (fs.existsSync(out) ? 'written' : await page.locator('.ant-modal .ant-alert').allInnerTexts().then((t) => t.join(' | ') || 'pending')), { timeout: 15_000 }).toBe('written');
    const csv = fs.readFileSync(out, 'utf8');
    expect(csv.split(/\r?\n/).filter(Boolean)).toHaveLength(3);
    await page.getByTestId('export-rejected-path').waitFor({ state: 'hidden' });
    await page.locator('.ant-drawer-close').click();
    await page.getByTestId('rejected-table').waitFor({ state: 'hidden' });
  });

  it('applies the saved template to the same header and skips every known request on re-import', async () => {
    const { page } = app;
    await page.getByTestId('import-another').click();
    await page.getByTestId('import-path').fill(file);
    await page.getByTestId('import-preview-btn').click();
    await page.getByTestId('import-preview-table').waitFor({ timeout: 20_000 });
    // the template brings its source along
    await expect.poll(() => page.getByTestId('import-source').innerText()).toContain('nj12345');
    await page.getByTestId('import-next-mapping').click();
    await expect.poll(() => page.getByTestId('import-template-applied').innerText()).toContain('南京12345 工单导出');
    expect(await page.getByTestId('import-map-1').innerText()).toContain('受理时间');
    await page.getByTestId('import-next-run').click();
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
    const count = async (k: string) => Number((await page.getByTestId(`import-count-${k}`).innerText()).replace(/[^\d]/g, ''));
    expect(await count('read')).toBe(30);
    expect(await count('imported')).toBe(0);
    expect(await count('duplicates')).toBe(28);
    expect(await count('rejected')).toBe(2);
  });

  it('shows the batch in the import history and the source in the crosswalk', async () => {
    const { page } = app;
    await page.getByTestId('import-tab-history').click();
    const history = page.getByTestId('history-table');
    await history.waitFor();
    await expect.poll(() => history.innerText(), { timeout: 15_000 }).toContain('12345-2024年3月.csv');
    // demo batch + two imports of the fixture
    await expect.poll(() => history.locator('tbody tr.ant-table-row').count()).toBe(3);
    await page.getByTestId('import-tab-taxonomy').click();
    await page.getByTestId('crosswalk-table').waitFor();
  });

  it('made no console errors or warnings', () => {
    expect(app.consoleProblems).toEqual([]);
  });
});
