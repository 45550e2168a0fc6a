import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, startApp, type AppUnderTest } from './harness';

describe('text analysis screen', () => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await startApp({ demoRecords: 20_000 });
    await app.page.getByTestId('nav-import').waitFor({ timeout: 120_000 });
    await app.page.getByTestId('nav-text').click();
    await app.page.getByTestId('screen-text').waitFor({ timeout: 30_000 });
  }, 180_000);
  afterAll(async () => { await app?.stop(); });

  const tab = (name: RegExp) => app.page.getByRole('tab', { name }).click();

  it('draws the tag cloud and filters by a clicked word', async () => {
    const { page } = app;
    const words = page.getByTestId('tag-cloud').locator('text');
    await expect.poll(() => words.count(), { timeout: 60_000 }).toBeGreaterThan(20);
    await shot(page, 'text-cloud');
    const first = (await words.first().getAttribute('data-term')) ?? '';
    await words.first().click();
    await tab(/全文检索/);
    await expect.poll(() => page.locator('mark.ms-hit').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect((await page.locator('mark.ms-hit').first().textContent())?.toLowerCase()).toBe(first.toLowerCase());
  });

  it('searches a two-character word with highlights', async () => {
    const { page } = app;
    const input = page.getByTestId('text-search-input').locator('input');
    await input.fill('积水');
    await input.press('Enter');
    await expect.poll(async () => (await page.getByTestId('search-count').textContent()) ?? '', { timeout: 30_000 }).toMatch(/共 [1-9]/);
    await expect.poll(() => page.locator('mark.ms-hit').first().textContent(), { timeout: 30_000 }).toBe('积水');
    await shot(page, 'text-search');
    await page.getByTestId('text-search-input').locator('input').fill('');
    await page.getByTestId('text-search-input').locator('input').press('Enter');
  });

  it('shows the topic flow and emerging terms', async () => {
    const { page } = app;
    await tab(/话题流/);
    await page.getByTestId('topic-flow').locator('canvas').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('.ant-table-row').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(1500);
    await shot(page, 'text-flow');
  });

  it('finds repeat clusters and opens one with its handling history', async () => {
    const { page } = app;
    await tab(/重复诉求/);
    await page.getByTestId('find-repeats').click();
    const rows = page.getByTestId('repeat-clusters').locator('.ant-table-row');
    await expect.poll(() => rows.count(), { timeout: 90_000 }).toBeGreaterThan(0);
    await rows.first().click();
    await expect.poll(() => page.locator('.ant-timeline-item').count(), { timeout: 30_000 }).toBeGreaterThan(1);
    await shot(page, 'text-repeats');
    await page.keyboard.press('Escape');
  });

  it('trains the classifier, reports held-out metrics and lists suggestions', async () => {
    const { page } = app;
    await tab(/自动分类/);
    await page.getByTestId('train').click();
    await expect.poll(() => page.getByText('宏平均 F1').count(), { timeout: 110_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('suggestions').locator('.ant-table-row').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await shot(page, 'text-classify');
  }, 150_000);
});
