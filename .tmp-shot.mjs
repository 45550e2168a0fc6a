import { chromium } from 'playwright-core';
import fs from 'node:fs';
const url = 'http://127.0.0.1:5190/#token=B3zYSZSfMjGJWOK9Jr6bCEmA82xWaqt_', token = 'B3zYSZSfMjGJWOK9Jr6bCEmA82xWaqt_';
const call = async (m, input) => { const r = await fetch('http://127.0.0.1:5190/api/call/' + m, { method: 'POST', headers: { 'content-type': 'application/json', 'x-minsheng-token': token }, body: JSON.stringify(input) }); return [r.status, await r.json()]; };
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 860 }, locale: 'zh-CN', acceptDownloads: true });
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.goto(url);
await page.waitForTimeout(12000);
const [, sources] = await call('sources.list', {});
console.log('sources', JSON.stringify(sources).slice(0, 300));
const code = sources[0]?.code ?? 'demo';
let [, list] = await call('templates.list', {});
if (!list.length) {
  console.log(await call('templates.save', { sourceCode: code, name: '南京12345 工单导出（标准格式）', headers: ['工单编号','受理时间','办结时间','一级分类','二级分类','诉求内容','所在区','处理部门','满意度'], readOptions: { format: 'csv', encoding: 'gb18030' }, mapping: { columns: [ { column: 0, header: '工单编号', field: 'externalId' }, { column: 1, header: '受理时间', field: 'receivedAt' }, { column: 2, header: '办结时间', field: 'closedAt' }, { column: 3, header: '一级分类', field: 'cat1' }, { column: 5, header: '诉求内容', field: 'content' }, { column: 6, header: '所在区', field: 'district' } ], timezone: 'Asia/Shanghai', crs: 'wgs84' } }));
  console.log(await call('templates.save', { sourceCode: code, name: '区级热线 月报 xlsx', headers: ['编号','时间','内容'], readOptions: { format: 'xlsx', sheet: 'Sheet1' }, mapping: { columns: [ { column: 0, header: '编号', field: 'externalId' }, { column: 1, header: '时间', field: 'receivedAt' }, { column: 2, header: '内容', field: 'content' } ], timezone: 'Asia/Shanghai', crs: 'wgs84' } }));
}
await page.getByText('数据导入', { exact: true }).first().click();
await page.waitForTimeout(1500);
await page.getByTestId('import-tab-templates').click();
await page.getByTestId('templates-table').waitFor();
await page.waitForTimeout(1000);
// export all -> download
const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('templates-export').click()]);
console.log('download', dl.suggestedFilename());
const p = '/tmp/ms-tpl-export.json'; await dl.saveAs(p);
const json = fs.readFileSync(p, 'utf8'); console.log('export bytes', json.length);
// import it back
await page.locator('[data-testid=templates-tab] input[type=file]').setInputFiles(p);
await page.waitForTimeout(1500);
console.log('msgs', await page.locator('.ant-message').innerText().catch(() => ''));
// bad file
fs.writeFileSync('/tmp/ms-tpl-bad.json', 'not json');
await page.locator('[data-testid=templates-tab] input[type=file]').setInputFiles('/tmp/ms-tpl-bad.json');
await page.waitForTimeout(1500);
console.log('msgs2', await page.locator('.ant-message').innerText().catch(() => ''));
await page.waitForTimeout(3500);
await page.locator('[data-testid=templates-table] .ant-typography code').first().hover();
await page.waitForTimeout(700);
fs.mkdirSync('docs/screenshots', { recursive: true });
await page.screenshot({ path: 'docs/screenshots/import-templates.png' });
console.log('rows', await page.locator('[data-testid=templates-table] tbody tr.ant-table-row').count());
await browser.close();
