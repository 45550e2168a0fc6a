import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, startApp, type AppUnderTest } from './harness';

/** Picks an option of an antd Select by its visible label. */
async function choose(page: Page, testId: string, label: string): Promise<void> {
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await expect.poll(() => open.count()).toBe(0);
  await page.getByTestId(testId).click();
  await expect.poll(() => open.count()).toBe(1);
  const option = open.locator(`.ant-select-item-option[title="${label}"]`);
  await option.scrollIntoViewIfNeeded();
  await option.click();
  await expect.poll(() => open.count()).toBe(0);
}

describe('browser mode: build an evaluation scheme, run it, open the evidence', () => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await startApp({ demoRecords: 20_000 });
    await app.page.getByTestId('nav-evaluation').waitFor({ timeout: 120_000 });
  });
  afterAll(async () => { await app?.stop(); });

  it('builds a scheme in the editor: AHP judgements with CR flagged, a new indicator bound to a metric, saved as a version', async () => {
    const { page } = app;
    await page.getByTestId('nav-evaluation').click();
    await page.getByTestId('scheme-tree').waitFor({ timeout: 30_000 });
    await page.getByTestId('scheme-key').fill('e2e-scheme');
    await page.getByTestId('scheme-name-zh').fill('端到端测试方案');
    // the satisfaction dimension: weight its three indicators by AHP
    await page.getByTestId('tree-satisfaction').click();
    await choose(page, 'weight-method', '层次分析法（AHP）');
    await page.getByTestId('ahp-matrix').waitFor();
    await choose(page, 'ahp-0-1', '9');
    await choose(page, 'ahp-1-2', '9');
    await choose(page, 'ahp-0-2', '1/9');
    await page.getByTestId('ahp-flag').waitFor();
    expect(await page.getByTestId('ahp-cr').innerText()).toMatch(/CR = (0\.[2-9]|[1-9])/);
    await expect.poll(() => page.getByTestId('scheme-problems').innerText()).toMatch(/CR = .* > 0\.1/);
    await page.getByTestId('ahp-matrix').scrollIntoViewIfNeeded();
    await shot(page, 'evaluation-ahp-flagged');
    await choose(page, 'ahp-0-2', '5');
    await choose(page, 'ahp-0-1', '3');
    await choose(page, 'ahp-1-2', '2');
    await page.getByTestId('ahp-ok').waitFor();
    // a new indicator in the policy-execution dimension, bound to the transfer rate
    await page.getByTestId('tree-policyExecution').click();
    await page.getByTestId('add-indicator').click();
    await page.getByTestId('indicator-form').waitFor();
    await choose(page, 'metric-select', '转办率');
    await expect.poll(() => page.getByTestId('scheme-tree').innerText()).toContain('转办率');
    await page.getByTestId('scheme-dirty').waitFor();
    await page.getByTestId('scheme-save').click();
    await expect.poll(() => page.getByTestId('scheme-note').innerText()).toContain('v1');
    await page.getByTestId('tree-satisfaction').click();
    await page.getByTestId('ahp-ok').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'evaluation-scheme-editor');
  });

  it('runs the scheme on the demo project and shows the ranking, charts and provenance', async () => {
    const { page } = app;
    await page.getByTestId('run-start').click();
    const table = page.getByTestId('ranking-table');
    await table.waitFor({ timeout: 120_000 });
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count(), { timeout: 30_000 }).toBeGreaterThan(5);
    const first = await table.locator('tbody tr.ant-table-row').first().innerText();
    expect(first.startsWith('1')).toBe(true);
    await page.getByTestId('radar-chart').locator('canvas').waitFor();
    await page.getByTestId('distribution-chart').locator('canvas').waitFor();
    expect(await page.getByTestId('provenance').innerText()).toContain('e2e-scheme v1');
    expect(await page.getByTestId('unavailable').innerText()).toContain('万人诉求量');
    await page.waitForTimeout(800);
    await shot(page, 'evaluation-results');
    await page.getByTestId('sensitivity-chart').scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    await shot(page, 'evaluation-sensitivity');
  });

  it('re-running gives the identical result', async () => {
    const { page } = app;
    await page.getByTestId('provenance').scrollIntoViewIfNeeded();
    const before = await page.getByTestId('result-hash').innerText();
    await page.getByTestId('rerun').click();
    await expect.poll(() => page.getByTestId('rerun-outcome').innerText(), { timeout: 60_000 }).toContain('完全一致');
    await expect.poll(() => page.getByTestId('result-hash').innerText()).toBe(before);
  });

  it('opens a department\'s evidence: indicator values, then the records and a record\'s trail', async () => {
    const { page } = app;
    const table = page.getByTestId('ranking-table');
    await table.scrollIntoViewIfNeeded();
    const row = table.locator('tbody tr.ant-table-row').nth(4);
    await row.getByRole('button').click();
    const drawer = page.getByTestId('evidence-drawer');
    await drawer.waitFor();
    await page.getByTestId('evidence-ind-ontime').click();
    const records = page.getByTestId('evidence-records');
    await records.waitFor();
    await expect.poll(() => records.locator('tbody tr.ant-table-row').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    await shot(page, 'evaluation-evidence');
    await records.locator('tbody tr.ant-table-row').first().click();
    const tl = page.getByTestId('record-timeline');
    await tl.waitFor();
    expect(await tl.innerText()).toContain('受理');
    await page.waitForTimeout(300);
    await shot(page, 'evaluation-timeline');
    expect(app.consoleProblems.filter((p) => !/Download the React DevTools/.test(p))).toEqual([]);
  });
});
