/**
 * The user dictionary and stopwords screen: a new word changes the segmentation preview at once and
 * asks for re-indexing (a job with progress), default stopwords switch off and back on, a word list
 * file imports and the list exports.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers/tmp';
import { shot, startApp, type AppUnderTest } from './harness';

describe('text: user dictionary and stopwords', () => {
  let app: AppUnderTest;
  const tmp = tmpDir('minsheng-words-');
  beforeAll(async () => {
    app = await startApp({ demoRecords: 3000 });
    await app.page.getByTestId('nav-import').waitFor({ timeout: 120_000 });
    await app.page.getByTestId('nav-text').click();
    await app.page.getByTestId('screen-text').waitFor({ timeout: 30_000 });
    await app.page.getByRole('tab', { name: /词典与停用词/ }).click();
    await app.page.getByTestId('words-preview').waitFor({ timeout: 30_000 });
  }, 180_000);
  afterAll(async () => { await app?.stop(); tmp.cleanup(); });

  const tokens = async () => (await app.page.getByTestId('words-tokens').locator('.ant-tag').allTextContents());

  it('a new word is segmented whole at once and the index asks to be rebuilt; the rebuild runs as a job', async () => {
    const { page } = app;
    const sample = page.getByTestId('words-preview').locator('textarea');
    await sample.fill('反映路口僵尸车长期占用车位，还是没人管');
    await expect.poll(tokens, { timeout: 30_000 }).toContain('僵尸');
    expect(await tokens()).not.toContain('僵尸车');
    await page.getByTestId('words-dict-input').fill('僵尸车 群租房');
    await page.getByTestId('words-dict-add').click();
    await expect.poll(tokens, { timeout: 30_000 }).toContain('僵尸车');
    await expect.poll(() => page.getByTestId('words-dict').locator('.ant-table-row').count()).toBe(2);
    await page.getByTestId('words-stale').waitFor({ timeout: 30_000 });
    await shot(page, 'text-words-dictionary');
    await page.getByTestId('words-reindex').click();
    await page.getByTestId('words-stale').waitFor({ state: 'detached', timeout: 120_000 });
  });

  it('imports a word list file and exports the dictionary', async () => {
    const { page } = app;
    const file = path.join(tmp.dir, '词表.txt');
    fs.writeFileSync(file, '\uFEFF# 本地说法\n电瓶车 5 n\n群租房\n学区房,教育\n' + '很'.repeat(31) + '\n');
    await page.getByTestId('words-dict').locator('input[type=file]').setInputFiles(file);
    await expect.poll(() => page.getByTestId('words-dict').locator('.ant-table-row').count(), { timeout: 30_000 }).toBe(4);
    await expect.poll(() => page.locator('.ant-message').textContent()).toMatch(/读取 3 个词，新增 2 个，忽略 1 个/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('words-dict-export').click()]);
    const text = fs.readFileSync(await download.path(), 'utf8');
    expect(text.trim().split('\n').sort()).toEqual(['学区房', '电瓶车', '僵尸车', '群租房'].sort());
  });

  it('switches a default stopword off and on, adds one, and the preview strikes stopwords through', async () => {
    const { page } = app;
    await page.getByTestId('words-kind').getByText('停用词').click();
    const list = page.getByTestId('words-stop');
    await list.getByTestId('words-stop-input').fill('长期');
    await list.getByTestId('words-stop-add').click();
    const struck = page.getByTestId('words-tokens').locator('.ant-tag[style*="line-through"]');
    await expect.poll(() => struck.allTextContents(), { timeout: 30_000 }).toContain('长期');
    await list.getByTestId('words-stop-search').locator('input').fill('还是');
    const row = list.locator('.ant-table-row').filter({ hasText: /^还是默认/ }).first();
    await row.getByRole('button', { name: /删除/ }).click();
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toContain('已停用');
    await shot(page, 'text-words-stopwords');
    await row.getByRole('button', { name: /恢复/ }).click();
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).not.toContain('已停用');
  });
});
