import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISTRICT_NAMES } from '../../shared/domain/demo/names';
import { tmpDir } from '../helpers/tmp';
import { shot, startApp, type AppUnderTest } from './harness';

/** The geocode panel's administrative gazetteer: a user's division list (the demo city's invented districts), the region choice, the figures. */
describe('browser mode: geocoding with the administrative gazetteer', () => {
  let app: AppUnderTest;
  const tmp = tmpDir('minsheng-gazetteer-e2e-');
  const list = path.join(tmp.dir, '宁川市区县.csv');

  beforeAll(async () => {
    // one bad row (no name) to show the per-row report
    fs.writeFileSync(list, `代码,名称,上级代码\n${DISTRICT_NAMES.map((n, i) => `NC${String(i + 1).padStart(2, '0')},${n}`).join('\n')}\nNC99,\n`);
    app = await startApp({ demoRecords: 3000 });
    await app.page.getByTestId('nav-import').waitFor({ timeout: 120_000 });
  });
  afterAll(async () => { await app?.stop(); tmp.cleanup(); });

  it('imports a division list, geocodes, and shows the codes recognised', async () => {
    const { page } = app;
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-tab-layers').click();
    const panel = page.getByTestId('layers-gazetteer');
    await panel.waitFor({ timeout: 60_000 });
    // the invented districts of the demo city are not guessed as any real city
    expect(await page.getByTestId('gazetteer-status').innerText()).toContain('未设定地区');
    await page.getByTestId('gazetteer-list-path').fill(list);
    await page.getByTestId('gazetteer-import').click();
    await expect.poll(() => page.getByTestId('gazetteer-status').innerText(), { timeout: 20_000 }).toContain(`${DISTRICT_NAMES.length} 条`);
    expect(await page.getByTestId('gazetteer-status').innerText()).toContain('1 行未导入');
    await page.getByTestId('layers-run-geocode').click();
    // the figures line appears when the geocoding job has finished and the panel reloads
    const line = page.getByTestId('layers-geocode-gazetteer');
    await line.waitFor({ timeout: 150_000 });
    const m = /识别出区划代码 (\d+) 条/.exec(await line.innerText());
    expect(Number(m?.[1])).toBeGreaterThan(0);
    await page.getByTestId('layers-geo').scrollIntoViewIfNeeded();
    await shot(page, 'layers-gazetteer');
  });

  it('chooses the region from the GB/T 2260 list', async () => {
    const { page } = app;
    await page.getByTestId('gazetteer-region').click();
    await page.keyboard.type('深圳');
    await page.locator('.ant-select-item-option').filter({ hasText: '广东省 › 深圳市' }).click();
    await expect.poll(() => page.getByTestId('gazetteer-status').innerText(), { timeout: 20_000 }).toContain('广东省 › 深圳市（选定）');
    await page.getByTestId('layers-gazetteer').scrollIntoViewIfNeeded();
    await shot(page, 'layers-gazetteer-region');
    expect(app.consoleProblems).toEqual([]);
  });
});
