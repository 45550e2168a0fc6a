/**
 * Imports every real sample with records in ../shared/data through the same calls the UI makes
 * (import.preview → import.start → job → import.batches / records.*) and checks counts, parsed times
 * and categories against values read independently from the files (Python's csv module and a plain
 * XML read of the XLSX sheets, noted beside each constant). Skips when ../shared/data is absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../shared/api/client';
import type { ImportResult } from '../../shared/api/areas/import';
import { tmpDir } from '../helpers/tmp';
import { inProcess, type TransportHarness } from './transports';

const DATA = path.resolve(__dirname, '../../../shared/data');
const present = fs.existsSync(DATA);
if (!present) console.warn(`SKIP import-samples: ${DATA} is absent (the public samples live beside the repository)`);

async function runJob(api: ApiClient, start: () => Promise<{ jobId: string }>): Promise<unknown> {
  let resolve!: (v: { job: { status: string; message: string | null }; result?: unknown }) => void;
  const done = new Promise<{ job: { status: string; message: string | null }; result?: unknown }>((r) => { resolve = r; });
  const off = api.on('job.done', (d) => resolve(d as never));
  const { jobId } = await start();
  const d = await done;
  off();
  expect(d.job.status, `${jobId}: ${d.job.message}`).toBe('succeeded');
  return d.result;
}

async function importFile(api: ApiClient, file: string, sourceCode: string, extra: { timezone?: string } = {}): Promise<ImportResult> {
  const pv = await api.call('import.preview', { path: file });
  const options = { format: pv.sniffed.format, encoding: pv.sniffed.encoding ?? undefined, delimiter: (pv.sniffed.delimiter ?? undefined) as never, sheet: pv.sniffed.sheet ?? undefined };
  const mapping = { columns: pv.suggestions.map(({ column, header, field }) => ({ column, header, field })), timezone: extra.timezone ?? 'Asia/Shanghai', crs: 'wgs84' as const };
  return await runJob(api, () => api.call('import.start', { path: file, sourceCode, options, mapping, onDuplicate: 'skip' })) as ImportResult;
}

const sum = (r: ImportResult) => r.imported + r.updated + r.duplicates + r.rejected;

describe.skipIf(!present)('real public samples through the import path', () => {
  let h: TransportHarness; let api: ApiClient; let cleanup: () => void; let dir: string;
  beforeAll(async () => {
    ({ dir, cleanup } = tmpDir());
    h = await inProcess(path.join(dir, 'data'));
    api = createApiClient(h.transport);
    await api.call('project.create', { path: path.join(dir, 'samples.minsheng') });
  });
  afterAll(async () => { await h.close(); cleanup(); });

  it('LA 311 2017 subset: 9,999 rows, US date-times in Los Angeles time', async () => {
    const file = path.join(DATA, 'la-myla311/MyLA311_Service_Request_Data_2017_Subset.csv');
    const pv = await api.call('import.preview', { path: file });
    const fieldOf = (h: string) => pv.suggestions.find((s) => s.header === h)?.field;
    expect(fieldOf('SRNumber')).toBe('externalId');
    expect(fieldOf('CreatedDate')).toBe('receivedAt');
    expect(fieldOf('ClosedDate')).toBe('closedAt');
    expect(fieldOf('Latitude')).toBe('lat');
    const r = await importFile(api, file, 'la311', { timezone: 'America/Los_Angeles' });
    // python3 csv: 9,999 data rows, no blank rows, no duplicate SRNumber
    expect(r).toMatchObject({ rowsRead: 9999, blankRows: 0, imported: 9999, duplicates: 0, rejected: 0 });
    // first row: SRNumber 1-870704831, CreatedDate "12/31/2017 11:59:58 PM" (PST, UTC-8)
    const page = tableFromIPC(await api.call('records.page', { filter: { q: '1-870704831' }, offset: 0, limit: 5 }));
    expect(page.numRows).toBe(1);
    expect(page.get(0)!.toJSON().receivedAt).toBe(Date.UTC(2018, 0, 1, 7, 59, 58));
  });

  it('LA 311 2018 mini and requests.csv (lower-case ISO schema): 10,000 rows each', async () => {
    const a = await importFile(api, path.join(DATA, 'la-myla311/2018_mini.csv'), 'la311', { timezone: 'America/Los_Angeles' });
    expect(a.rowsRead).toBe(10000);
    expect(sum(a)).toBe(a.rowsRead);
    expect(a.rejected).toBe(0);
    const b = await importFile(api, path.join(DATA, 'la-myla311/requests.csv'), 'la311-2020', { timezone: 'America/Los_Angeles' });
    expect(b).toMatchObject({ rowsRead: 10000, imported: 10000, rejected: 0 });
    // first row: srnumber 1-1523590121, createddate "2020-01-01 00:05:00" local
    const t = tableFromIPC(await api.call('records.page', { filter: { q: '1-1523590121' }, offset: 0, limit: 5 }));
    expect(t.get(0)!.toJSON().receivedAt).toBe(Date.UTC(2020, 0, 1, 8, 5, 0));
  });

  it('Teddy Cup: taxonomy (517 rows → 15/118/517 nodes), 495 messages with one repeated id and 64,707 blank rows, 4,326 messages', async () => {
    const tax = await runJob(api, () => api.call('taxonomy.import', { path: path.join(DATA, 'teddycup2020-c/附件1.xlsx') })) as { nodes: number; added: number };
    expect(tax.added).toBe(15 + 118 + 517);
    const tree = await api.call('taxonomy.tree', {});
    expect(tree.filter((n) => n.level === 1)).toHaveLength(15);
    expect(tree.filter((n) => n.level === 3)).toHaveLength(517);

    const m2 = await importFile(api, path.join(DATA, 'teddycup2020-c/附件2.xlsx'), 'teddy');
    // XML read: 495 data rows, 留言编号 37042 appears twice, then 64,707 empty rows in the sheet
    expect(m2).toMatchObject({ rowsRead: 495, blankRows: 64707, imported: 494, duplicates: 1, rejected: 0 });
    // 留言编号 24: 留言时间 "2020/1/6 12:09:38" (Asia/Shanghai), 一级分类 城乡建设
    const row = tableFromIPC(await api.call('records.page', { filter: { q: '24', sources: ['teddy'] }, offset: 0, limit: 5 })).toArray().map((x) => x.toJSON()).find((x) => x.externalId === '24');
    expect(row?.receivedAt).toBe(Date.UTC(2020, 0, 6, 4, 9, 38));
    expect(row?.cat1).toBe('城乡建设');
    // 一级分类 counts (XML read): 劳动和社会保障 104, 城乡建设 101, 教育文体 96 … (the repeated id keeps its first row)
    const facets = await api.call('records.facets', { filter: { sources: ['teddy'] } });
    const byName = new Map(facets.categories.filter((c) => c.level === 1).map((c) => [c.name, c.count]));
    expect(byName.get('劳动和社会保障')! + byName.get('城乡建设')! + byName.get('教育文体')!).toBeGreaterThanOrEqual(300);
    expect([...byName.values()].reduce((s, n) => s + n, 0)).toBe(494);

    const m3 = await importFile(api, path.join(DATA, 'teddycup2020-c/附件3.xlsx'), 'teddy-hot');
    expect(m3).toMatchObject({ rowsRead: 4326, imported: 4326, rejected: 0 });
    const hist = await api.call('import.batches', {});
    expect(hist.find((b) => b.id === m2.batchId)).toMatchObject({ fileName: '附件2.xlsx', rowsRead: 495, blankRows: 64707, records: 494 });
    expect(hist.find((b) => b.id === m2.batchId)?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
