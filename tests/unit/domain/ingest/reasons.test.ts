import { describe, expect, it } from 'vitest';
import { FLAG_MESSAGES, formatReason, REJECT_MESSAGES, type QualityFlag, type RejectCode } from '../../../../shared/domain/ingest';

const CODES: RejectCode[] = ['MISSING_RECEIVED_AT', 'BAD_DATE', 'BAD_NUMBER', 'FIELD_TOO_LONG', 'RAGGED_ROW', 'MISSING_ID', 'FUTURE_DATE', 'PARSE_ERROR'];
const FLAGS: QualityFlag[] = [
  'closed_before_received', 'negative_response', 'future_date', 'instant_closure', 'coords_swapped', 'coords_out_of_range', 'missing_coords',
  'unknown_category', 'unparsed_satisfaction', 'unparsed_status',
];

describe('reason messages', () => {
  it('cover every reject code and flag in both languages with the same placeholders', () => {
    expect(Object.keys(REJECT_MESSAGES).sort()).toEqual([...CODES].sort());
    expect(Object.keys(FLAG_MESSAGES).sort()).toEqual([...FLAGS].sort());
    for (const m of [...Object.values(REJECT_MESSAGES), ...Object.values(FLAG_MESSAGES)]) {
      expect(m['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(m.en).toMatch(/^[\x20-\x7e]+$/);
      const names = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
      expect(names(m['zh-CN'])).toEqual(names(m.en));
    }
  });

  it('fill in parameters', () => {
    expect(formatReason('BAD_DATE', { column: '受理时间', value: '昨天' }, 'zh-CN')).toBe('“受理时间”列的时间无法识别：昨天');
    expect(formatReason('BAD_DATE', { column: 'CreatedDate', value: 'yesterday' }, 'en')).toBe('Unreadable date-time in column "CreatedDate": yesterday');
    expect(formatReason('RAGGED_ROW', { expected: 33, found: 35 }, 'en')).toBe('More fields than headers: expected 33, found 35');
    expect(formatReason('coords_swapped', {}, 'en')).toBe('Latitude and longitude were swapped and have been corrected');
    expect(formatReason('MISSING_RECEIVED_AT', {})).toBe('缺少受理时间');
  });

  it('give a parameter-free summary instead of raw placeholders', () => {
    for (const code of CODES) {
      for (const locale of ['zh-CN', 'en'] as const) expect(formatReason(code, {}, locale)).not.toMatch(/[{}…]/);
    }
    expect(formatReason('FIELD_TOO_LONG', {}, 'zh-CN')).toBe('字段内容过长，可能是引号未闭合');
  });
});
