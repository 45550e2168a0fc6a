/**
 * Package files on their own: the incremental Arrow writer and the CSV writer read back exactly
 * (types, nulls, Chinese text, quotes and line breaks), the manifest check names each kind of problem,
 * and the taxonomy merge reuses a path and never steals a code already taken.
 */
import fs from 'node:fs';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_COLUMNS, type PackageRecord } from '../../../shared/domain/anonymise';
import { ArrowRecordsWriter, readArrowRecords } from '../../../electron/engine/services/package/arrow-io';
import { CsvRecordsWriter, isoShanghai, readCsvRecords } from '../../../electron/engine/services/package/csv-io';
import { inspectPackage } from '../../../electron/engine/services/package/manifest';
import { createProjectFile } from '../../../electron/engine/db/project-file';
import { openConnection } from '../../../electron/engine/db/connection';
import { CategoryResolver } from '../../../electron/engine/db/repos/package-taxonomy';
import { recordWithPii } from '../domain/anonymise/pii-fixtures';
import { tmpDir } from '../../helpers/tmp';

const records = (n: number): PackageRecord[] => Array.from({ length: n }, (_, i) => recordWithPii({
  external_id: `T${i}`, closed_at: i % 3 ? null : Date.UTC(2024, 0, 1) + i, lon: i % 5 ? 118.7 + i / 1e4 : null, lat: i % 5 ? 32 + i / 1e4 : null,
  title: i % 4 ? `标题 "${i}", 换行\r\n第二行` : null, satisfaction: i % 2 ? 0.5 : null, transfers: i % 7, synthetic: i % 2 === 0, origin_batch: i % 3 ? 4 : null,
}));

describe('package record files', () => {
  let dir: string; let cleanup: () => void;
  beforeAll(() => ({ dir, cleanup } = tmpDir('minsheng-pkg-io-')));
  afterAll(() => cleanup());

  it('Arrow: written in several batches, read back value for value (apache-arrow and our reader)', async () => {
    const file = path.join(dir, 'r.arrow');
    const rows = records(2500);
    const w = new ArrowRecordsWriter(file, PACKAGE_COLUMNS, 1000);
    for (const r of rows) await w.push(r);
    expect(await w.close()).toBe(2500);
    const t = tableFromIPC(fs.readFileSync(file));
    expect(t.numRows).toBe(2500);
    expect(t.batches.length).toBe(3);
    const back: Record<string, unknown>[] = [];
    for await (const b of readArrowRecords(file)) back.push(...b.rows);
    expect(back).toEqual(rows);
    expect(() => new ArrowRecordsWriter(file, PACKAGE_COLUMNS)).toThrow(/EEXIST/);
  });

  it('CSV: BOM, CRLF, quoting; times in Shanghai time; read back typed by the columns', async () => {
    const file = path.join(dir, 'r.csv');
    const rows = records(300);
    const w = new CsvRecordsWriter(file, PACKAGE_COLUMNS);
    for (const r of rows) w.push(r);
    expect(w.close()).toBe(300);
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFFsource_code,external_id,received_at')).toBe(true);
    expect(text).toContain(isoShanghai(rows[0].received_at));
    expect(isoShanghai(Date.UTC(2024, 2, 5, 1, 30))).toBe('2024-03-05T09:30:00.000+08:00');
    const back: Record<string, unknown>[] = [];
    for await (const b of readCsvRecords(file, PACKAGE_COLUMNS, 128)) back.push(...b);
    expect(back).toEqual(rows);
  });

  it('the manifest check names a missing manifest, an unreadable one, a missing file and a changed one', async () => {
    const pkg = path.join(dir, 'pkg');
    fs.mkdirSync(pkg);
    expect((await inspectPackage(pkg)).problems).toEqual([{ code: 'manifest_missing', file: 'manifest.json' }]);
    fs.writeFileSync(path.join(pkg, 'manifest.json'), '{ not json');
    expect((await inspectPackage(pkg)).problems[0].code).toBe('manifest_invalid');
    fs.writeFileSync(path.join(pkg, 'manifest.json'), JSON.stringify({ format: 'other' }));
    expect((await inspectPackage(pkg)).problems[0]).toMatchObject({ code: 'manifest_invalid', detail: expect.stringContaining('format') });
  });
});

describe('taxonomy merge', () => {
  let dir: string; let cleanup: () => void;
  beforeAll(() => ({ dir, cleanup } = tmpDir('minsheng-pkg-tax-')));
  afterAll(() => cleanup());

  it('same path → same node; a code taken by another node gets a fresh one; records resolve by code or by names', () => {
    const file = path.join(dir, 't.minsheng');
    createProjectFile(file, 'test');
    const db = openConnection(file);
    db.prepare("INSERT INTO categories(id, parent_id, level, code, name) VALUES (1, NULL, 1, '01', '城乡建设'), (2, NULL, 1, '02', '教育')").run();
    const r = new CategoryResolver(db);
    r.mergeTree([
      { code: '01', name: '城乡建设', level: 1, parentCode: null },
      { code: '02', name: '交通运输', level: 1, parentCode: null },
      { code: '0201', name: '公交', level: 2, parentCode: '02' },
    ]);
    expect(r.idOf('01')).toBe(1);
    const transport = r.idOf('02')!;
    expect(transport).not.toBe(2);
    expect((db.prepare('SELECT code FROM categories WHERE id = ?').get(transport) as { code: string }).code).not.toBe('02');
    expect(r.added).toBe(2);
    expect(r.resolve([['02', '交通运输'], ['0201', '公交'], [null, null]])).toEqual([transport, r.idOf('0201'), null]);
    // without the tree: by names, nodes created once and reused
    const a = r.resolve([[null, '环境保护'], [null, '噪音'], [null, null]]);
    const b = new CategoryResolver(db).resolve([[null, '环境保护'], [null, '噪音'], [null, null]]);
    expect(a).toEqual(b);
    expect(a[0]).not.toBeNull();
    db.close();
  });
});
