/**
 * Reports › data package: the live preview of what anonymisation removes (personal information planted
 * in the demo project behind the app's back), an export that writes a verified package, and the import
 * dialog refusing a tampered copy and accepting the original.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLANTED } from '../unit/domain/anonymise/pii-fixtures';
import { tmpDir } from '../helpers/tmp';
import { shot, startApp, type AppUnderTest } from './harness';

describe('reports: data packages', () => {
  let app: AppUnderTest;
  let out: { dir: string; cleanup: () => void };
  const pkg = () => path.join(out.dir, '2024-数据包');

  beforeAll(async () => {
    out = tmpDir('minsheng-e2e-package-');
    app = await startApp({ demoRecords: 2000 });
    await app.page.getByTestId('nav-reports').waitFor({ timeout: 120_000 });
    // plant personal information in the newest requests (as a real extract would carry)
    const db = new Database(path.join(app.dataDir, 'demo.minsheng'));
    db.prepare(`UPDATE records SET content = content || ?, reply = coalesce(reply, '') || ? WHERE id IN (SELECT id FROM records ORDER BY received_at DESC LIMIT 4)`)
      .run(`联系人手机${PLANTED.mobile}，身份证${PLANTED.idCard}。`, `已回电${PLANTED.landline}，退款至${PLANTED.bankCard}。`);
    db.close();
  });
  afterAll(async () => { await app?.stop(); out?.cleanup(); });

  it('previews what the standard preset removes: PII found and masked, the k-anonymity check, sample rows', async () => {
    const { page } = app;
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('screen-reports').waitFor();
    await page.getByTestId('reports-tab-package').click(); // the report builder is the first tab
    await page.getByTestId('package-kcheck').waitFor({ timeout: 30_000 });
    const pii = page.getByTestId('package-pii');
    await pii.waitFor({ timeout: 15_000 });
    expect(await pii.innerText()).toMatch(/手机号 4 处/);
    expect(await pii.innerText()).toMatch(/身份证号 4 处/);
    const sample = await page.getByTestId('package-sample').innerText();
    expect(sample).toContain(PLANTED.idCard);
    expect(sample).toContain('139****5678');
    expect(await page.getByTestId('package-total').innerText()).toContain('2,000');
    await shot(page, 'reports-package');
    await page.getByTestId('package-sample').scrollIntoViewIfNeeded();
    await shot(page, 'reports-package-sample');
    await page.getByTestId('screen-reports').evaluate((el) => el.scrollIntoView());
  });

  it('switching to the strict preset changes the preview (content dropped, places to community centres)', async () => {
    const { page } = app;
    await page.getByTestId('package-preset').getByText('严格').click();
    await expect.poll(async () => page.getByTestId('package-preview').innerText(), { timeout: 15_000 }).toContain('content');
    await expect.poll(async () => page.getByTestId('package-sample').innerText(), { timeout: 15_000 }).toContain('（不导出）');
    await page.getByTestId('package-preset').getByText('标准').click();
  });

  it('exports a package into a new folder and shows its files with their SHA-256', async () => {
    const { page } = app;
    await page.getByTestId('package-outdir').fill(pkg());
    await page.getByTestId('package-start').click();
    await page.getByTestId('package-result').waitFor({ timeout: 60_000 });
    const manifest = JSON.parse(fs.readFileSync(path.join(pkg(), 'manifest.json'), 'utf8')) as { records: { rows: number }; files: { path: string }[] };
    expect(manifest.records.rows).toBe(2000);
    expect(await page.getByTestId('package-result').innerText()).toContain('records.arrow');
    const csv = fs.readFileSync(path.join(pkg(), 'records.csv'), 'utf8');
    for (const v of Object.values(PLANTED)) expect(csv).not.toContain(v);
    await page.getByTestId('package-result').scrollIntoViewIfNeeded();
    await shot(page, 'reports-package-result');
  });

  it('the import dialog refuses a tampered copy and checks the original file by file', async () => {
    const { page } = app;
    const bad = path.join(out.dir, 'tampered');
    fs.cpSync(pkg(), bad, { recursive: true });
    const f = path.join(bad, 'records.csv');
    const bytes = fs.readFileSync(f);
    bytes[bytes.length - 3] ^= 1; // one bit of one byte near the end
    fs.writeFileSync(f, bytes);
    await page.getByTestId('package-import-open').click();
    await page.getByTestId('package-import-path').fill(bad);
    await page.getByTestId('package-import-check').click();
    const insp = page.getByTestId('package-inspection');
    await insp.waitFor({ timeout: 15_000 });
    expect(await insp.innerText()).toContain('records.csv');
    expect(await insp.innerText()).toMatch(/篡改/);
    expect(await page.getByTestId('package-import-start').isDisabled()).toBe(true);
    await shot(page, 'reports-package-tampered');
    await page.getByTestId('package-import-path').fill(pkg());
    await page.getByTestId('package-import-check').click();
    await expect.poll(async () => page.getByTestId('package-inspection').innerText(), { timeout: 15_000 }).toMatch(/与清单一致/);
    await page.getByTestId('package-import-start').click();
    const done = page.getByTestId('package-import-done');
    await done.waitFor({ timeout: 60_000 });
    expect(await done.innerText()).toContain('已存在 2000 条'); // the same project already holds every record
  });

  it('reads in English too', async () => {
    const { page } = app;
    await page.getByRole('button', { name: /关闭|Close/ }).last().click().catch(() => {});
    await page.getByTestId('lang-switch').click();
    const en = page.getByText('English', { exact: false });
    if (await en.count()) await en.first().click().catch(() => {});
    await expect.poll(() => page.getByTestId('reports-tab-package').innerText(), { timeout: 10_000 }).toBe('Data package');
    await expect.poll(() => page.getByTestId('package-preview').innerText(), { timeout: 15_000 }).toMatch(/k-anonymity check/);
    await page.getByTestId('screen-reports').evaluate((el) => el.scrollIntoView());
    await shot(page, 'reports-package-en');
    await page.getByTestId('lang-switch').click();
    const zh = page.getByText('中文', { exact: false });
    if (await zh.count()) await zh.first().click().catch(() => {});
  });

  it('made no console errors or warnings', () => {
    expect(app.consoleProblems).toEqual([]);
  });
});
