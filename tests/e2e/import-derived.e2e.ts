import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers/tmp';
import { shot, startApp, type AppUnderTest } from './harness';

/**
 * A large import leaves the full-text index and alert detection to a follow-up job; the header says
 * "索引更新中" until that job has committed. The threshold is lowered to one row here so a small
 * fixture stands for a large file (the engine process inherits the variable).
 */
const FIXTURE = path.resolve('tests/fixtures/import/nanjing-12345-sample.csv');

describe('browser mode: the header shows pending derived data after a large import', () => {
  let app: AppUnderTest;
  const tmp = tmpDir('minsheng-import-derived-e2e-');
  const file = path.join(tmp.dir, '12345-大文件.csv');
  const saved = process.env.MINSHENG_DERIVED_DEFER_MIN_ROWS;

  beforeAll(async () => {
    fs.copyFileSync(FIXTURE, file);
    process.env.MINSHENG_DERIVED_DEFER_MIN_ROWS = '1';
    app = await startApp({ demoRecords: 2000 });
    await app.page.getByTestId('nav-import').waitFor({ timeout: 120_000 });
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.MINSHENG_DERIVED_DEFER_MIN_ROWS; else process.env.MINSHENG_DERIVED_DEFER_MIN_ROWS = saved;
    await app?.stop();
    tmp.cleanup();
  });

  it('imports, shows 索引更新中 while the index is brought up to date, then clears it', async () => {
    const { page } = app;
    // With the threshold at one row the demo itself queues its index and alerts (as a large demo does):
    // the header clears once that refresh has committed.
    await expect.poll(() => page.getByTestId('derived-pending').count(), { timeout: 120_000 }).toBe(0);
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-path').fill(file);
    await page.getByTestId('import-preview-btn').click();
    await page.getByTestId('import-preview-table').waitFor({ timeout: 20_000 });
    await page.getByTestId('import-source-mode').getByText('新建来源').click();
    await page.getByTestId('import-source-code').fill('big12345');
    await page.getByTestId('import-next-mapping').click();
    await page.getByTestId('import-mapping').waitFor();
    await page.getByTestId('import-next-run').click();
    await page.getByTestId('import-start').click();
    const tag = page.getByTestId('derived-pending');
    await tag.waitFor({ timeout: 60_000 });
    expect(await tag.innerText()).toContain('索引更新中');
    await shot(page, 'import-derived-pending');
    await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
    // the refresh job commits, the project info follows and the marker goes
    await tag.waitFor({ state: 'detached', timeout: 120_000 });
  });

  it('made no console errors or warnings', () => {
    expect(app.consoleProblems).toEqual([]);
  });
});
