import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, startApp, type AppUnderTest } from './harness';

const RANK: Record<string, number> = { 高: 3, 中: 2, 低: 1 };
/** The top alert's last day (an injected event): the scan is run as of that day. */
let topLastDay = '';

/** Alerts screen end to end on the synthetic demo (which has injected surge events). */
describe('browser mode: alerts — detect, work an alert through its workflow, hot spots, backtest', () => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await startApp({ demoRecords: 20_000 });
    await app.page.getByTestId('nav-alerts').waitFor({ timeout: 120_000 });
  });
  afterAll(async () => { await app?.stop(); });

  it('runs detection and lists alerts ranked by severity', async () => {
    const { page } = app;
    await page.getByTestId('nav-alerts').click();
    await page.getByTestId('screen-alerts').waitFor();
    await page.getByTestId('alerts-run').click();
    const rows = page.locator('[data-testid="alerts-table"] tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), { timeout: 90_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('alerts-run').innerText(), { timeout: 60_000 }).toMatch(/运行检测/);
    const severities = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')?.textContent?.trim() ?? ''));
    const ranks = severities.map((s) => RANK[s]);
    expect(ranks.every((r) => r !== undefined)).toBe(true);
    for (let i = 1; i < ranks.length; i++) expect(ranks[i]).toBeLessThanOrEqual(ranks[i - 1]);
    expect(await rows.first().innerText()).toContain('新预警');
    await shot(page, 'alerts-inbox');
  });

  it('opens the top alert with its series, keywords and sample requests', async () => {
    const { page } = app;
    await page.locator('[data-testid="alerts-table"] tbody tr.ant-table-row').first().click();
    const detail = page.getByTestId('alert-detail');
    await detail.waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByTestId('alert-status').innerText()).toBe('新预警');
    topLastDay = (await detail.innerText()).match(/\d{4}-\d{2}-\d{2} — (\d{4}-\d{2}-\d{2})/)?.[1] ?? '';
    expect(topLastDay).not.toBe('');
    await expect.poll(() => page.locator('[data-testid="alert-series-chart"] canvas').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-testid="alert-samples"] tbody tr.ant-table-row').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('alert-action-confirmed').count()).toBe(1);
    expect(await page.getByTestId('alert-action-in_progress').count()).toBe(0);
    await page.waitForTimeout(800);
    await shot(page, 'alerts-detail');
  });

  it('confirms, assigns with department and due date, starts and resolves it', async () => {
    const { page } = app;
    const status = page.getByTestId('alert-status');
    await page.getByTestId('alert-action-confirmed').click();
    await expect.poll(() => status.innerText()).toBe('已确认');

    await page.getByTestId('alert-action-assigned').click();
    const form = page.getByTestId('alert-assign-form');
    await form.waitFor();
    // Without a department the form refuses.
    await page.getByTestId('alert-assign-ok').click();
    await expect.poll(() => form.innerText()).toContain('请填写责任部门');
    await form.locator('#department').fill('市生态环境局');
    await form.locator('#due').fill('2030-06-30');
    await form.locator('#due').press('Enter');
    await form.locator('#note').fill('请三日内现场核查');
    await page.getByTestId('alert-assign-ok').click();
    await expect.poll(() => status.innerText()).toBe('已交办');
    const trail = page.getByTestId('alert-trail');
    await expect.poll(() => trail.innerText()).toContain('市生态环境局');
    expect(await trail.innerText()).toContain('2030-06-30');
    expect(await trail.innerText()).toContain('请三日内现场核查');
    await trail.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await shot(page, 'alerts-assigned');

    await page.getByTestId('alert-action-in_progress').click();
    await expect.poll(() => status.innerText()).toBe('处置中');
    await page.getByTestId('alert-action-resolved').click();
    await expect.poll(() => status.innerText()).toBe('已办结');
    // Resolved waits for the follow-up check: no manual action, and every step is in the trail.
    expect(await page.getByTestId('alert-actions').count()).toBe(0);
    expect(await trail.locator('.ant-timeline-item').count()).toBeGreaterThanOrEqual(4);
    const text = await trail.innerText();
    for (const s of ['新预警 → 已确认', '已确认 → 已交办', '已交办 → 处置中', '处置中 → 已办结']) expect(text).toContain(s);
    await page.getByTestId('alert-trail').scrollIntoViewIfNeeded();
    await shot(page, 'alerts-resolved');

    await page.locator('.ant-drawer-close').click();
    await page.getByTestId('alert-detail').waitFor({ state: 'detached' });
    await page.getByTestId('alerts-status-resolved').click();
    const rows = page.locator('[data-testid="alerts-table"] tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(1);
    expect(await rows.first().innerText()).toContain('市生态环境局');
    await page.getByTestId('alerts-status-resolved').click();
    await page.getByTestId('alerts-status-new').click();
    await expect.poll(async () => (await rows.allInnerTexts()).every((r) => r.includes('新预警')), { timeout: 15_000 }).toBe(true);
    expect(await rows.count()).toBeGreaterThan(0);
    await page.getByTestId('alerts-status-new').click();
  });

  it('computes street hot spots and colours the map by class', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: '热点分析' }).click();
    await page.getByTestId('alerts-hotspots').waitFor();
    await page.getByTestId('hotspot-level').getByText('街道').click();
    await page.getByTestId('hotspot-run').click();
    await page.getByTestId('hotspot-global').waitFor({ timeout: 60_000 });
    const rows = page.locator('[data-testid="hotspot-table"] tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const paths = page.locator('[data-testid="hotspot-map"] path');
    await expect.poll(() => paths.count(), { timeout: 15_000 }).toBeGreaterThan(3);
    // The top row (largest z) is drawn with its class.
    const classes = await paths.evaluateAll((ps) => ps.map((p) => p.getAttribute('data-cls')));
    const topClass = await rows.first().locator('td').last().innerText();
    if (topClass !== '不显著') expect(classes.some((c) => c !== 'ns')).toBe(true);
    await shot(page, 'alerts-hotspots');
  });

  it('labels emerging hot spots per area and period, on the map and in the table, with the parameters', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: '新兴热点' }).click();
    await page.getByTestId('alerts-emerging').waitFor();
    await page.getByTestId('emerging-level').getByText('街道').click();
    await page.getByTestId('emerging-run').click();
    await page.getByTestId('emerging-params').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('emerging-params').innerText()).toContain('12 个周期 × 7 天');
    const rows = page.locator('[data-testid="emerging-table"] tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    // one square per period in each row, and the map drawn
    expect(await rows.first().locator('[data-testid="emerging-strip"] span').count()).toBe(12);
    await expect.poll(() => page.locator('[data-testid="emerging-map"] path').count(), { timeout: 15_000 }).toBeGreaterThan(3);
    const labels = await page.locator('[data-testid="emerging-map"] path').evaluateAll((ps) => ps.map((p) => p.getAttribute('data-cls')));
    expect(labels.every((c) => ['new', 'consecutive', 'intensifying', 'persistent', 'diminishing', 'sporadic', 'historical', 'none'].includes(c ?? ''))).toBe(true);
    // one period's Gi* classes on the map: the last period, then the one before it (slider)
    await page.getByTestId('emerging-mode').getByText('按周期').click();
    const title = page.locator('.ant-card-head-title').filter({ hasText: 'Gi* 分类' });
    await expect.poll(() => title.count()).toBe(1);
    const lastTitle = await title.innerText();
    await page.locator('[data-testid="alerts-emerging"] .ant-slider-handle').focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => title.innerText()).not.toBe(lastTitle);
    const mapClasses = () => page.locator('[data-testid="emerging-map"] path').evaluateAll((ps) => ps.map((p) => p.getAttribute('data-cls')));
    let classes = await mapClasses();
    expect(classes.every((c) => c === 'hot' || c === 'cold' || c === 'ns')).toBe(true);
    // step back through the periods until one has hot spots (the table shows some: red squares)
    const anyHot = (await rows.evaluateAll((trs) => trs.some((tr) => Array.from(tr.querySelectorAll('[data-testid="emerging-strip"] span')).some((s) => s.getAttribute('title')?.includes(': hot')))));
    for (let k = 0; k < 10 && !classes.includes('hot'); k++) {
      const before = await title.innerText();
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => title.innerText()).not.toBe(before);
      classes = await mapClasses();
    }
    if (anyHot) expect(classes).toContain('hot');
    await shot(page, 'alerts-emerging');
  });

  it('runs the space-time scan with chosen parameters and stores significant clusters as alerts', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: '时空扫描' }).click();
    await page.getByTestId('alerts-scan').waitFor();
    const reps = page.getByTestId('scan-replications');
    await reps.fill('199');
    await page.getByTestId('scan-study-days').fill('180');
    await page.locator('#scan-end').fill(topLastDay);
    await page.locator('#scan-end').press('Enter');
    await page.getByTestId('scan-run').click();
    await expect.poll(() => page.getByTestId('scan-summary').count(), { timeout: 90_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('scan-summary').innerText(), { timeout: 90_000 }).toContain('199 次蒙特卡罗');
    const rows = page.locator('[data-testid="scan-table"] tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-testid="scan-map"] path').count(), { timeout: 15_000 }).toBeGreaterThan(3);
    const texts = await rows.allInnerTexts();
    // the parameters chosen are the ones reported with the result
    expect(await page.getByTestId('scan-summary').innerText()).toContain('180 天');
    await shot(page, 'alerts-scan');
    const stored = texts.filter((t) => t.includes('已入库'));
    if (stored.length > 0) {
      await page.getByRole('tab', { name: '预警收件箱' }).click();
      await page.getByTestId('alerts-table').waitFor();
      const inbox = page.locator('[data-testid="alerts-table"] tbody tr.ant-table-row');
      await expect.poll(async () => (await inbox.allInnerTexts()).some((t) => t.includes('时空扫描')), { timeout: 15_000 }).toBe(true);
      // the scan alert's drawer names every member area of the cluster, and its samples cover them
      await inbox.filter({ hasText: '时空扫描' }).first().click();
      await page.getByTestId('alert-detail').waitFor();
      const areas = page.getByTestId('alert-areas').locator('.ant-tag');
      await expect.poll(() => areas.count(), { timeout: 15_000 }).toBeGreaterThan(0);
      await expect.poll(() => page.getByTestId('alert-series-chart').getAttribute('data-loading'), { timeout: 30_000 }).toBe('0');
      await shot(page, 'alerts-scan-detail');
      await page.keyboard.press('Escape');
      await page.getByTestId('alert-detail').waitFor({ state: 'detached' });
    }
  });

  it('saves the alert settings in the project and restores the documented defaults', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: '预警设置' }).click();
    const card = page.getByTestId('alerts-settings');
    await card.waitFor();
    const minCount = page.getByTestId('settings-minCount');
    await expect.poll(() => minCount.inputValue(), { timeout: 15_000 }).toBe('4');
    expect(await card.innerText()).toContain('默认：4');
    await minCount.fill('6');
    await page.getByTestId('settings-save').click();
    await expect.poll(() => page.getByText('预警设置已保存').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await shot(page, 'alerts-settings');
    // saved in the project: a fresh tab reads it back
    await page.getByRole('tab', { name: '回测' }).click();
    await page.getByRole('tab', { name: '预警设置' }).click();
    await expect.poll(() => page.getByTestId('settings-minCount').inputValue(), { timeout: 15_000 }).toBe('6');
    await page.getByTestId('settings-reset').click();
    await page.getByTestId('settings-save').click();
    await page.getByRole('tab', { name: '回测' }).click();
    await page.getByRole('tab', { name: '预警设置' }).click();
    await expect.poll(() => page.getByTestId('settings-minCount').inputValue(), { timeout: 15_000 }).toBe('4');
  });

  it('backtests the detectors against the injected events', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: '回测' }).click();
    const card = page.getByTestId('alerts-backtest');
    await card.waitFor();
    await card.getByRole('button').first().click();
    await page.getByTestId('backtest-summary').waitFor({ timeout: 90_000 });
    const events = card.locator('tbody tr.ant-table-row');
    await expect.poll(() => events.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await card.innerText()).toContain('是');
    await shot(page, 'alerts-backtest');
    expect(app.consoleProblems).toEqual([]);
  });
});
