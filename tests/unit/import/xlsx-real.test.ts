/**
 * The streaming XLSX reader on the real Teddy Cup workbooks (../shared/data; skipped, with a message,
 * when absent). The message text is compared with totals read independently with Python (zipfile +
 * ElementTree, `_xHHHH_` escapes decoded): exceljs, the reader used before, turned characters cut
 * at its chunk boundaries into U+FFFD in 19 rows of 附件2 and 188 rows of 附件3.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED_DATA, readAll, SHARED_DATA } from '../engine/readers/helpers';

if (!HAS_SHARED_DATA) console.warn(`[import] skipping the real XLSX tests: ${SHARED_DATA} is absent`);

describe.skipIf(!HAS_SHARED_DATA)('real workbooks, every character intact', () => {
  it.each([
    ['附件2.xlsx', 495, 210_650],
    ['附件3.xlsx', 4_326, 1_642_595],
  ])('%s: %i messages whose 留言详情 total %i characters, none replaced', async (file, rows, chars) => {
    const r = await readAll(path.join(SHARED_DATA, 'teddycup2020-c', file), { format: 'xlsx' });
    const col = r.headers.indexOf('留言详情');
    const texts = r.rows.map((x) => x.cells[col]).filter((c): c is string => typeof c === 'string');
    expect(texts).toHaveLength(rows);
    expect(texts.reduce((n, t) => n + t.length, 0)).toBe(chars);
    expect(r.rows.some((x) => x.cells.some((c) => typeof c === 'string' && c.includes('\uFFFD')))).toBe(false);
  });
});
