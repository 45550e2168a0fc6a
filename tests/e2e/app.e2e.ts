import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLocalRequest, shot, startApp, type AppUnderTest } from './harness';

const SCREENS = ['import', 'map', 'trends', 'text', 'alerts', 'evaluation', 'reports', 'audit', 'settings'] as const;

describe('browser mode: first start, every screen, language, offline', () => {
  let app: AppUnderTest;
  beforeAll(async () => { app = await startApp({ demoRecords: 20_000 }); });
  afterAll(async () => { await app?.stop(); });

  it('opens the synthetic demo project on first start', async () => {
    const { page } = app;
    // Generation runs as a job with progress; the shell appears when it is done.
    await page.getByTestId('screen-start').or(page.getByTestId('nav-import')).first().waitFor({ timeout: 30_000 });
    await page.getByTestId('nav-import').waitFor({ timeout: 90_000 });
    await expect.poll(async () => page.getByText(/合成/).count(), { timeout: 30_000 }).toBeGreaterThan(0);
  });

  it('renders every screen of the closed loop and saves a screenshot of each', async () => {
    const { page } = app;
    for (const name of SCREENS) {
      await page.getByTestId(`nav-${name}`).click();
      await page.getByTestId(`screen-${name}`).waitFor({ timeout: 15_000 });
      await page.waitForTimeout(name === 'trends' ? 1500 : 300);
      await shot(page, `screen-${name}`);
    }
    await page.getByTestId('nav-trends').click();
    await page.getByTestId('trends-tab-records').click();
    await page.getByTestId('records-table').waitFor();
    await expect.poll(async () => page.locator('[data-testid="records-table"] tbody tr').count(), { timeout: 15_000 }).toBeGreaterThan(5);
    await expect(page.getByTestId('filter-bar').isVisible()).resolves.toBe(true);
  });

  it('switches the language to English and back', async () => {
    const { page } = app;
    const nav = page.getByTestId('nav-import');
    await expect.poll(() => nav.innerText()).toContain('数据导入');
    await page.getByTestId('lang-switch').click();
    const en = page.getByText('English', { exact: false });
    if (await en.count()) await en.first().click().catch(() => {});
    await expect.poll(() => nav.innerText(), { timeout: 10_000 }).toMatch(/Import/);
    await shot(page, 'screen-trends-en');
    await page.getByTestId('lang-switch').click();
    const zh = page.getByText('中文', { exact: false });
    if (await zh.count()) await zh.first().click().catch(() => {});
    await expect.poll(() => nav.innerText(), { timeout: 10_000 }).toContain('数据导入');
  });

  it('closes the project to the start page and reopens the demo from there', async () => {
    const { page } = app;
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('close-project').click();
    await page.getByTestId('screen-start').waitFor({ timeout: 15_000 });
    await expect.poll(async () => page.getByTestId('screen-start').innerText()).toMatch(/demo/);
    await shot(page, 'screen-start');
    await page.getByTestId('open-demo').click();
    await page.getByTestId('nav-import').waitFor({ timeout: 60_000 });
  });

  it('made no console errors or warnings', () => {
    expect(app.consoleProblems).toEqual([]);
  });

  it('never requested anything beyond the machine (offline guarantee)', () => {
    expect(app.requests.length).toBeGreaterThan(5);
    const external = app.requests.filter((u) => !isLocalRequest(u, app.origin));
    expect(external).toEqual([]);
  });
});
