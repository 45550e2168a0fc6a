import { describe, expect, it } from 'vitest';
import { createRowMapper, type Cell, type MappingSpec, type RowResult, type StandardField, type StandardRow } from '../../../../shared/domain/ingest';

const NOW = Date.UTC(2024, 5, 1);
const HEADERS = ['工单编号', '受理时间', '签收时间', '办结时间', '来源渠道', '诉求类型', '问题分类', '标题', '诉求内容', '详细地址', '所属区', '经度', '纬度', '转办次数', '办理状态', '满意度', '来电号码'];
const FIELDS: StandardField[] = ['externalId', 'receivedAt', 'firstResponseAt', 'closedAt', 'channel', 'requestType', 'categoryOriginal', 'title', 'content', 'address', 'district', 'lon', 'lat', 'transfers', 'status', 'satisfaction', 'callerPhone'];

function spec(over: Partial<MappingSpec> = {}, fields: StandardField[] = FIELDS): MappingSpec {
  return { columns: fields.map((field, column) => ({ column, header: HEADERS[column], field })), timezone: 'Asia/Shanghai', crs: 'gcj02', ...over };
}

function row(over: Partial<Record<StandardField, Cell>> = {}): Cell[] {
  const base: Record<string, Cell> = {
    externalId: 'GD2019022800001', receivedAt: '2019/2/28 11:25:05', firstResponseAt: '2019/2/28 12:00:00', closedAt: '2019-03-02 09:30:00', channel: '12345热线',
    requestType: '投诉', categoryOriginal: '城乡建设/住房保障/物业管理', title: '  小区物业\t不作为 ', content: '\n\t\t\t\t\t\t\n\t\t\t\t\t\t\t小区电梯故障。\n\t\t\t\t\t\t\n\t\t\t\t\t\t\t\t\t物业不修。\n\t\t\t\t\t\t',
    address: '玄武区\n\t\t\t中山路 1 号', district: '玄武区', lon: '118.79686', lat: '32.06036', transfers: '1', status: '已办结', satisfaction: '基本满意', callerPhone: '+86 138-0013-8000',
  };
  return FIELDS.map((f) => (f in over ? (over[f] as Cell) : base[f]));
}

function ok(r: RowResult): { row: StandardRow; flags: string[] } {
  if (!r.ok) throw new Error(`rejected: ${JSON.stringify(r.rejection)}`);
  return r;
}

const map = createRowMapper(spec(), { headerCount: HEADERS.length, now: NOW });

describe('createRowMapper — a complete 12345 row', () => {
  it('maps every field', () => {
    const { row: r, flags } = ok(map(row(), 2));
    expect(flags).toEqual([]);
    expect(r.externalId).toBe('GD2019022800001');
    expect(new Date(r.receivedAt).toISOString()).toBe('2019-02-28T03:25:05.000Z');
    expect(new Date(r.firstResponseAt as number).toISOString()).toBe('2019-02-28T04:00:00.000Z');
    expect(new Date(r.closedAt as number).toISOString()).toBe('2019-03-02T01:30:00.000Z');
    expect(r.channel).toBe('phone');
    expect(r.requestType).toBe('complaint');
    expect(r.catLabels).toEqual(['城乡建设', '住房保障', '物业管理']);
    expect(r.categoryOriginal).toBe('城乡建设 / 住房保障 / 物业管理');
    expect(r.title).toBe('小区物业 不作为');
    expect(r.content).toBe('小区电梯故障。\n物业不修。');
    expect(r.address).toBe('玄武区 中山路 1 号');
    expect(r.district).toBe('玄武区');
    expect(r.street).toBeNull();
    expect(r.locationStatus).toBe('coordinates');
    expect(r.crsOriginal).toBe('gcj02');
    expect(r.lon as number).toBeLessThan(118.79686); // converted to WGS-84
    expect(r.lat as number).toBeGreaterThan(32.06036);
    expect(r.transfers).toBe(1);
    expect(r.status).toBe('closed');
    expect(r.statusOriginal).toBe('已办结');
    expect(r.satisfaction).toBe(0.75);
    expect(r.satisfactionLabel).toBe('基本满意');
    expect(r.callerPhone).toBe('13800138000');
  });

  it('turns empty strings into null and an empty transfer count into 0', () => {
    const { row: r, flags } = ok(map(row({ title: '  ', content: '', address: null, transfers: '', status: '', satisfaction: '', channel: '', lon: '', lat: '', callerPhone: '' }), 2));
    expect([r.title, r.content, r.address, r.status, r.statusOriginal, r.satisfaction, r.satisfactionLabel, r.channel, r.lon, r.callerPhone]).toEqual(Array(10).fill(null));
    expect(r.transfers).toBe(0);
    expect(r.locationStatus).toBe('none');
    expect(r.crsOriginal).toBeNull();
    expect(flags).toEqual(['missing_coords']);
  });
});

describe('createRowMapper — rejections', () => {
  it('requires receivedAt', () => {
    expect(map(row({ receivedAt: '' }), 2)).toEqual({ ok: false, rejection: { code: 'MISSING_RECEIVED_AT', params: {} } });
    const noColumn = createRowMapper(spec({}, FIELDS.map((f) => (f === 'receivedAt' ? 'title' : f))), { headerCount: HEADERS.length, now: NOW });
    expect(noColumn(row(), 2)).toMatchObject({ ok: false, rejection: { code: 'MISSING_RECEIVED_AT' } });
  });

  it('rejects unparsable dates in any mapped date column, naming the column and truncating the value', () => {
    expect(map(row({ receivedAt: '昨天下午' }), 2)).toEqual({ ok: false, rejection: { code: 'BAD_DATE', params: { column: '受理时间', value: '昨天下午' } } });
    const long = `2019-02-30 ${'x'.repeat(80)}`;
    const r = map(row({ closedAt: long }), 2);
    expect(r).toMatchObject({ ok: false, rejection: { code: 'BAD_DATE', params: { column: '办结时间' } } });
    expect(r.ok ? null : String(r.rejection.params.value).length).toBe(50);
  });

  it('rejects rows with more non-empty cells than headers, but not shorter rows or trailing empties', () => {
    expect(map([...row(), 'extra'], 2)).toEqual({ ok: false, rejection: { code: 'RAGGED_ROW', params: { expected: 17, found: 18 } } });
    expect(map([...row(), '', '  ', null], 2).ok).toBe(true);
    const short = ok(map(row().slice(0, 9), 2));
    expect(short.row.address).toBeNull();
    expect(short.row.transfers).toBe(0);
  });

  it('rejects a field longer than maxFieldLength', () => {
    const small = createRowMapper(spec(), { headerCount: HEADERS.length, now: NOW, maxFieldLength: 100 });
    expect(small(row({ content: 'x'.repeat(101) }), 2)).toEqual({ ok: false, rejection: { code: 'FIELD_TOO_LONG', params: { column: '诉求内容', length: 101 } } });
    expect(small(row({ content: 'x'.repeat(100) }), 2).ok).toBe(true);
    expect(map(row({ content: 'x'.repeat(40_000) }), 2)).toMatchObject({ ok: false, rejection: { code: 'FIELD_TOO_LONG' } });
  });

  it('rejects a missing id when an id column is mapped', () => {
    expect(map(row({ externalId: ' ' }), 2)).toEqual({ ok: false, rejection: { code: 'MISSING_ID', params: {} } });
  });

  it('rejects a transfer count that is not a non-negative integer', () => {
    for (const bad of ['两次', '-1', '1.5']) {
      expect(map(row({ transfers: bad }), 2)).toEqual({ ok: false, rejection: { code: 'BAD_NUMBER', params: { column: '转办次数', value: bad } } });
    }
  });
});

describe('createRowMapper — quality flags', () => {
  it('flags a receivedAt more than a day after now (without rejecting)', () => {
    const { flags } = ok(map(row({ receivedAt: '2024-06-02 12:00:00', firstResponseAt: '', closedAt: '' }), 2));
    expect(flags).toEqual(['future_date']);
    expect(ok(map(row({ receivedAt: '2024-06-01 12:00:00', firstResponseAt: '', closedAt: '' }), 2)).flags).toEqual([]);
  });

  it('flags closure before receipt, negative response and instant closure', () => {
    expect(ok(map(row({ closedAt: '2019/2/27 10:00:00' }), 2)).flags).toEqual(['closed_before_received']);
    expect(ok(map(row({ firstResponseAt: '2019/2/28 11:00:00' }), 2)).flags).toEqual(['negative_response']);
    expect(ok(map(row({ closedAt: '2019/2/28 11:29:05' }), 2)).flags).toEqual(['instant_closure']);
    expect(ok(map(row({ closedAt: '2019/2/28 11:31:05' }), 2)).flags).toEqual([]);
  });

  it('flags coordinate problems, unknown satisfaction and unknown status', () => {
    expect(ok(map(row({ lon: '32.06036', lat: '118.79686' }), 2)).flags).toEqual(['coords_swapped']);
    const bad = ok(map(row({ lon: '0', lat: '0' }), 2));
    expect(bad.flags).toEqual(['coords_out_of_range']);
    expect(bad.row.locationStatus).toBe('invalid');
    expect(ok(map(row({ satisfaction: '还行吧' }), 2)).flags).toEqual(['unparsed_satisfaction']);
    const st = ok(map(row({ status: '神秘状态' }), 2));
    expect(st.flags).toEqual(['unparsed_status']);
    expect(st.row.status).toBe('other');
  });

  it('uses the spec label overrides', () => {
    const m = createRowMapper(spec({ satisfactionLabels: { 还行吧: 0.6 }, statusLabels: { 神秘状态: 'returned' } }), { headerCount: 17, now: NOW });
    const r = ok(m(row({ satisfaction: '还行吧', status: '神秘状态' }), 2));
    expect([r.row.satisfaction, r.row.status, r.flags]).toEqual([0.6, 'returned', []]);
  });
});

describe('createRowMapper — ids and categories', () => {
  const noId = createRowMapper(spec({}, FIELDS.map((f) => (f === 'externalId' ? 'title' : f))), { headerCount: 17, now: NOW });

  it('derives a stable id from the cells when no id column is mapped', () => {
    const a = ok(noId(row(), 2)).row.externalId;
    expect(a).toMatch(/^h[0-9a-z]{11}$/);
    expect(ok(noId(row(), 99)).row.externalId).toBe(a); // same cells → same id, whatever the row number
    expect(ok(noId([...row(), '', null], 2)).row.externalId).toBe(a);
    expect(ok(noId(row({ content: '别的内容' }), 2)).row.externalId).not.toBe(a);
  });

  it('keeps a non-hierarchical category whole and uses cat columns when mapped', () => {
    const la = ok(map(row({ categoryOriginal: 'Metal/Household Appliances' }), 2)).row;
    expect(la.catLabels).toEqual([null, null, null]);
    expect(la.categoryOriginal).toBe('Metal/Household Appliances');
    expect(ok(map(row({ categoryOriginal: '环境保护>噪声污染' }), 2)).row.catLabels).toEqual(['环境保护', '噪声污染', null]);
    const headers = ['留言编号', '留言时间', '一级分类', '二级分类'];
    const m = createRowMapper({ columns: [
      { column: 0, header: headers[0], field: 'externalId' }, { column: 1, header: headers[1], field: 'receivedAt' },
      { column: 2, header: headers[2], field: 'cat1' }, { column: 3, header: headers[3], field: 'cat2' },
    ], timezone: 'Asia/Shanghai', crs: 'wgs84' }, { headerCount: 4, now: NOW });
    const r = ok(m(['1', '2019-02-28', ' 城乡建设 ', '住房保障'], 2)).row;
    expect(r.catLabels).toEqual(['城乡建设', '住房保障', null]);
    expect(r.categoryOriginal).toBe('城乡建设 / 住房保障');
    expect(r.locationStatus).toBe('none');
  });

  it('takes the original category as level 1 when only lower levels have columns (NYC Complaint Type + Descriptor)', () => {
    const m = createRowMapper({ columns: [
      { column: 0, header: 'Created Date', field: 'receivedAt' }, { column: 1, header: 'Complaint Type', field: 'categoryOriginal' },
      { column: 2, header: 'Descriptor', field: 'cat2' },
    ], timezone: 'America/New_York', crs: 'wgs84' }, { headerCount: 3, now: NOW });
    const r = ok(m(['01/02/2017 08:05:00 PM', 'Noise - Residential', 'Loud Music/Party'], 2)).row;
    expect(r.catLabels).toEqual(['Noise - Residential', 'Loud Music/Party', null]);
    expect(r.categoryOriginal).toBe('Noise - Residential / Loud Music/Party');
    expect(ok(m(['01/02/2017 08:05:00 PM', '', ''], 2)).row.categoryOriginal).toBeNull();
  });

  it('reads XLSX-typed cells (Excel serial, number id, Date)', () => {
    const r = ok(map(row({ externalId: 190228001, receivedAt: 43524.5, closedAt: new Date(Date.UTC(2019, 2, 2, 9, 30)), transfers: 2 }), 2)).row;
    expect(r.externalId).toBe('190228001');
    expect(new Date(r.receivedAt).toISOString()).toBe('2019-02-28T04:00:00.000Z');
    expect(new Date(r.closedAt as number).toISOString()).toBe('2019-03-02T01:30:00.000Z');
    expect(r.transfers).toBe(2);
  });
});

describe('createRowMapper — speed (sanity floor; real figures in the report)', () => {
  it('maps 100k typical rows, all accepted (speed is measured by the benchmarks, not here)', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => row({
      externalId: `GD${i}`, receivedAt: `2019-02-${10 + (i % 18)} ${10 + (i % 13)}:2${i % 10}:05`, firstResponseAt: `2019-02-${10 + (i % 18)} 23:00:00`,
      closedAt: `2019-03-${10 + (i % 18)} 09:30:00`, title: `关于小区电梯故障的反映${i % 97}`, content: `市民来电反映：玄武区某小区${i % 300}栋电梯故障，物业不修，请尽快处理。`,
      address: `玄武区中山路${i}号`, callerPhone: `138${String(i).padStart(8, '0')}`,
    }));
    let accepted = 0;
    for (let rep = 0; rep < 100; rep++) for (const r of rows) if (map(r, 2).ok) accepted++;
    expect(accepted).toBe(100_000);
  });
});
