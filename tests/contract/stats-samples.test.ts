/**
 * Statistics after real imports: (1) re-imports that update records and batch removal keep the
 * dashboard's numbers equal to the records; (2) the LA 311 sample — median days to close per request
 * type as reported by the engine equals a computation this test makes itself from the raw CSV
 * (its own CSV parser and its own Los Angeles time-zone rule). Part 2 skips when ../shared/data is absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../shared/api/client';
import { tmpDir } from '../helpers/tmp';
import { inProcess, type TransportHarness } from './transports';

const DATA = path.resolve(__dirname, '../../../shared/data');
const LA = path.join(DATA, 'la-myla311/MyLA311_Service_Request_Data_2017_Subset.csv');
const present = fs.existsSync(LA);
if (!present) console.warn(`SKIP LA 311 median test: ${LA} is absent (the public samples live beside the repository)`);

/** RFC 4180: quoted fields with commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = []; let cell = ''; let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows.filter((r) => r.some((x) => x !== ''));
}

/** "MM/DD/YYYY hh:mm:ss AM" in Los Angeles → UTC ms (US rule since 2007: DST from the 2nd Sunday of March to the 1st Sunday of November, 02:00). */
function laInstant(s: string): number | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2}) (AM|PM)$/.exec(s.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, se] = [Number(m[3]), Number(m[1]), Number(m[2]), Number(m[4]) % 12 + (m[7] === 'PM' ? 12 : 0), Number(m[5]), Number(m[6])];
  const wall = Date.UTC(y, mo - 1, d, h, mi, se);
  const sunday = (month: number, nth: number) => { const first = new Date(Date.UTC(y, month, 1)).getUTCDay(); return 1 + ((7 - first) % 7) + 7 * (nth - 1); };
  const start = Date.UTC(y, 2, sunday(2, 2), 2);
  const end = Date.UTC(y, 10, sunday(10, 1), 2);
  const inGap = wall >= start && wall < start + 3600_000;
  const dst = wall >= start + (inGap ? 3600_000 : 0) && wall < end;
  return wall + (dst ? 7 : 8) * 3600_000;
}

function medianOf(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
}

async function runJob(api: ApiClient, start: () => Promise<{ jobId: string }>): Promise<unknown> {
  let resolve!: (v: { job: { status: string; message: string | null }; result?: unknown }) => void;
  const done = new Promise<{ job: { status: string; message: string | null }; result?: unknown }>((r) => { resolve = r; });
  const off = api.on('job.done', (d) => resolve(d as never));
  await start();
  const d = await done;
  off();
  expect(d.job.status, String(d.job.message)).toBe('succeeded');
  return d.result;
}

async function importCsv(api: ApiClient, file: string, sourceCode: string, timezone: string, onDuplicate: 'skip' | 'update' = 'skip'): Promise<{ batchId: number; updated: number }> {
  const pv = await api.call('import.preview', { path: file });
  const options = { format: pv.sniffed.format, encoding: pv.sniffed.encoding ?? undefined, delimiter: (pv.sniffed.delimiter ?? undefined) as never };
  const mapping = { columns: pv.suggestions.map(({ column, header, field }) => ({ column, header, field })), timezone, crs: 'wgs84' as const };
  return await runJob(api, () => api.call('import.start', { path: file, sourceCode, options, mapping, onDuplicate })) as { batchId: number; updated: number };
}

describe('statistics after imports', () => {
  let h: TransportHarness; let api: ApiClient; let cleanup: () => void; let dir: string;
  beforeAll(async () => {
    ({ dir, cleanup } = tmpDir());
    h = await inProcess(path.join(dir, 'data'));
    api = createApiClient(h.transport);
    await api.call('project.create', { path: path.join(dir, 'imports.minsheng') });
  });
  afterAll(async () => { await h.close(); cleanup(); });

  const districts = async () => new Map((await api.call('stats.breakdown', { filter: { sources: ['t'] }, by: 'district', limit: 50, compare: 'previous' })).rows.map((r) => [r.key, r.count]));

  it('an updating re-import moves a record to its new values; removing that batch removes it', async () => {
    const head = '工单编号,受理时间,所属区,办结时间\n';
    const a = path.join(dir, 'a.csv');
    fs.writeFileSync(a, `${head}A1,2024-03-01 09:00:00,东区,2024-03-01 12:00:00\nA2,2024-03-02 09:00:00,东区,\nA3,2024-03-03 09:00:00,西区,2024-03-05 09:00:00\n`);
    await importCsv(api, a, 't', 'Asia/Shanghai');
    expect(await districts()).toEqual(new Map([['东区', 2], ['西区', 1]]));
    const b = path.join(dir, 'b.csv');
    fs.writeFileSync(b, `${head}A2,2024-03-02 09:00:00,南区,2024-03-02 10:00:00\nB1,2024-03-04 09:00:00,南区,\n`);
    const rb = await importCsv(api, b, 't', 'Asia/Shanghai', 'update');
    expect(rb.updated).toBe(1);
    expect(await districts()).toEqual(new Map([['东区', 1], ['西区', 1], ['南区', 2]]));
    const perf = await api.call('stats.performance', { filter: { sources: ['t'] }, by: null, limit: 1, repeats: false });
    expect(perf.overall.close.n).toBe(3); // A1 3 h, A2 now 1 h, A3 48 h
    expect(perf.overall.close.median).toBe(3);
    await runJob(api, () => api.call('import.removeBatch', { batchId: rb.batchId }));
    expect(await districts()).toEqual(new Map([['东区', 1], ['西区', 1]]));
  });

  it.skipIf(!present)('LA 311 2017 subset: median days to close per request type equals the raw CSV', async () => {
    await importCsv(api, LA, 'la311', 'America/Los_Angeles');
    const rows = parseCsv(fs.readFileSync(LA, 'utf8'));
    const [header, ...data] = rows;
    const col = (name: string) => header.indexOf(name);
    const byType = new Map<string, number[]>();
    for (const r of data) {
      const created = laInstant(r[col('CreatedDate')]);
      const closed = laInstant(r[col('ClosedDate')] ?? '');
      if (created === null || closed === null || closed < created) continue;
      const type = r[col('RequestType')].trim();
      byType.set(type, [...(byType.get(type) ?? []), (closed - created) / 86_400_000]);
    }
    expect(data).toHaveLength(9999);
    const p = await api.call('stats.performance', {
      filter: { sources: ['la311'] }, by: 'categoryOriginal', limit: 500, repeats: false,
      rules: { instantMinutes: 0, maxDays: 3650, defaultLimitHours: 120, limitHours: {} },
    });
    const engine = new Map(p.groups.map((g) => [g.key, g]));
    expect(byType.size).toBeGreaterThan(5);
    for (const [type, days] of byType) {
      const g = engine.get(type);
      expect(g, type).toBeDefined();
      expect(g!.close.n, type).toBe(days.length);
      expect(g!.close.median! / 24, type).toBeCloseTo(medianOf(days), 9);
    }
  });
});
