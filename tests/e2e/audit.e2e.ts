/** The audit screen: the chain verifies on the demo project, a tampered entry is named, entries filter. */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, shot, startApp, type AppUnderTest } from './harness';

describe('audit trail screen', () => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await startApp({ demoRecords: 2000 });
    await app.page.getByTestId('nav-audit').waitFor({ timeout: 120_000 });
  });
  afterAll(async () => { await app?.stop(); });

  it('shows the trail of the demo project as intact', async () => {
    const { page } = app;
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('screen-audit').waitFor();
    await page.getByTestId('audit-intact').waitFor({ timeout: 15_000 });
    const rows = page.getByTestId('audit-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);
    const text = await page.getByTestId('audit-table').innerText();
    expect(text).toContain('新建项目');
    expect(text).toContain('生成合成示例');
    await shot(page, 'screen-audit');
  });

  it('names the first broken entry after someone edits the file behind the app’s back', async () => {
    const { page } = app;
    const file = path.join(app.dataDir, 'demo.minsheng');
    const db = new Database(file);
    const first = db.prepare('SELECT id FROM audit_log ORDER BY id LIMIT 1').get() as { id: number };
    db.prepare("UPDATE audit_log SET actor = 'intruder' WHERE id = ?").run(first.id);
    db.close();
    await page.getByTestId('audit-verify').click();
    const broken = page.getByTestId('audit-broken');
    await broken.waitFor({ timeout: 15_000 });
    expect(await broken.innerText()).toContain(`#${first.id}`);
    await broken.getByRole('button', { name: /定位到该记录/ }).click();
    await expect.poll(() => page.getByTestId('audit-table').locator('tbody tr.ant-table-row').count()).toBe(1);
    expect(await page.getByTestId('audit-table').innerText()).toContain('intruder');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'audit-broken.png') });
  });

  it('made no console errors or warnings', () => {
    expect(app.consoleProblems).toEqual([]);
  });
});
