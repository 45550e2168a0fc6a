/** The value-label editors' engine side: distinct values of a column, and overrides applied by the import. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../shared/api/client';
import { tmpDir } from '../helpers/tmp';
import { inProcess, type TransportHarness } from './transports';

// A source with its own satisfaction scale (好评/中评/差评) and status words (已反馈, 挂起).
const CSV = [
  '编号,受理时间,内容,状态,评价',
  'A1,2024-05-01 08:00:00,路灯不亮,已反馈,好评',
  'A2,2024-05-01 09:00:00,噪音扰民,已反馈,差评',
  'A3,2024-05-02 10:00:00,垃圾清运,挂起,中评',
  'A4,2024-05-02 11:00:00,占道经营,已反馈,好评',
  'A5,2024-05-03 12:00:00,积水,已办结,',
  'A6,2024-05-03 13:00:00,停车难,挂起,好评',
].join('\n');

describe('import value labels', () => {
  let h: TransportHarness; let api: ApiClient; let cleanup: () => void; let dir: string; let file: string; let project: string;
  beforeAll(async () => {
    ({ dir, cleanup } = tmpDir());
    h = await inProcess(path.join(dir, 'data'));
    api = createApiClient(h.transport);
    project = path.join(dir, 'labels.minsheng');
    await api.call('project.create', { path: project });
    file = path.join(dir, 'labels.csv');
    fs.writeFileSync(file, CSV);
  });
  afterAll(async () => { await h.close(); cleanup(); });

  it('counts the distinct values of a column, most frequent first, blanks apart', async () => {
    const out = await api.call('import.distinctValues', { path: file, column: 4 });
    expect(out).toEqual({
      values: [{ value: '好评', count: 3 }, { value: '中评', count: 1 }, { value: '差评', count: 1 }],
      rowsScanned: 6, blank: 1, distinct: 3, complete: true,
    });
    const capped = await api.call('import.distinctValues', { path: file, column: 3, maxRows: 4 });
    expect(capped.complete).toBe(false);
    expect(capped.rowsScanned).toBe(4);
    expect(capped.values).toEqual([{ value: '已反馈', count: 3 }, { value: '挂起', count: 1 }]);
  });

  it('the import reads values through the overrides', async () => {
    const mapping = {
      columns: [
        { column: 0, header: '编号', field: 'externalId' as const }, { column: 1, header: '受理时间', field: 'receivedAt' as const },
        { column: 2, header: '内容', field: 'content' as const }, { column: 3, header: '状态', field: 'status' as const },
        { column: 4, header: '评价', field: 'satisfaction' as const },
      ],
      timezone: 'Asia/Shanghai', crs: 'wgs84' as const,
      satisfactionLabels: { 好评: 1, 中评: 0.5, 差评: 0 },
      statusLabels: { 已反馈: 'closed' as const, 挂起: 'in_progress' as const },
    };
    const done = new Promise<{ job: { status: string } }>((r) => { const off = api.on('job.done', (d) => { off(); r(d as never); }); });
    await api.call('import.start', { path: file, sourceCode: 'labels', options: { format: 'csv' }, mapping, onDuplicate: 'skip' });
    expect((await done).job.status).toBe('succeeded');
    const db = new Database(project, { readonly: true });
    const rows = db.prepare('SELECT external_id AS id, status, satisfaction, satisfaction_label AS label FROM records ORDER BY external_id').all();
    db.close();
    expect(rows).toEqual([
      { id: 'A1', status: 'closed', satisfaction: 1, label: '好评' },
      { id: 'A2', status: 'closed', satisfaction: 0, label: '差评' },
      { id: 'A3', status: 'in_progress', satisfaction: 0.5, label: '中评' },
      { id: 'A4', status: 'closed', satisfaction: 1, label: '好评' },
      { id: 'A5', status: 'closed', satisfaction: null, label: null },
      { id: 'A6', status: 'in_progress', satisfaction: 1, label: '好评' },
    ]);
  });
});
