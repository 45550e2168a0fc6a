import { describe, expect, it } from 'vitest';
import type { Template } from '../../../shared/api/areas/import';
import { STANDARD_FIELDS } from '../../../shared/domain/ingest/types';
import { FIELD_GROUPS, FIELD_LABELS, isTimeField } from '../../../renderer/src/features/import/fields';
import {
  emptyMapping, hasBlockingIssue, mappingIssues, mappingReducer, suggestionsToColumns, templateToColumns, toMappingSpec, usedFields,
  type MappingState, type Suggestion,
} from '../../../renderer/src/features/import/mapping-state';

const HEADERS = ['工单编号', '受理时间', '诉求内容', '一级分类', '所属区', '详细地址', '经度', '纬度', '承办单位', '办结时间', '满意度'];
const SUGGESTIONS: Suggestion[] = [
  { column: 0, header: '工单编号', field: 'externalId', score: 1 },
  { column: 1, header: '受理时间', field: 'receivedAt', score: 1 },
  { column: 2, header: '诉求内容', field: 'content', score: 0.95 },
  { column: 3, header: '一级分类', field: 'cat1', score: 1 },
  { column: 4, header: '所属区', field: 'district', score: 0.8 },
  { column: 5, header: '详细地址', field: 'address', score: 0.9 },
  { column: 6, header: '经度', field: 'lon', score: 1 },
  { column: 7, header: '纬度', field: 'lat', score: 1 },
  { column: 8, header: '承办单位', field: 'department', score: 1 },
  { column: 9, header: '办结时间', field: 'closedAt', score: 1 },
  { column: 10, header: '满意度', field: 'satisfaction', score: 1 },
];

const init = (suggestions = SUGGESTIONS, template: Template | null = null): MappingState =>
  mappingReducer(emptyMapping(), { type: 'init', headers: HEADERS, suggestions, template });

describe('import field labels', () => {
  it('has a zh-CN and an en label for every standard field, and groups cover each field once', () => {
    for (const f of STANDARD_FIELDS) {
      expect(FIELD_LABELS[f]['zh-CN'], f).toBeTruthy();
      expect(FIELD_LABELS[f].en, f).toBeTruthy();
    }
    const grouped = FIELD_GROUPS.flatMap((g) => g.fields);
    expect([...grouped].sort()).toEqual([...STANDARD_FIELDS].sort());
    expect(FIELD_LABELS.receivedAt['zh-CN']).toBe('受理时间');
    expect(isTimeField('closedAt')).toBe(true);
    expect(isTimeField('content')).toBe(false);
  });
});

describe('mapping state', () => {
  it('turns suggestions into one field per column', () => {
    const s = init();
    expect(s.columns.map((c) => c.field)).toEqual(SUGGESTIONS.map((x) => x.field));
    expect(s.columns[4].score).toBe(0.8);
    expect(s.template).toBeNull();
  });

  it('lets the best suggestion win when two columns want the same field, and ignores out-of-range columns', () => {
    const cols = suggestionsToColumns(3, [
      { column: 0, header: 'a', field: 'address', score: 0.5 },
      { column: 1, header: 'b', field: 'address', score: 0.9 },
      { column: 1, header: 'b', field: 'street', score: 0.4 },
      { column: 7, header: 'x', field: 'title', score: 1 },
    ]);
    expect(cols.map((c) => c.field)).toEqual([null, 'address', null]);
  });

  it('maps each field at most once: choosing a used field clears it elsewhere', () => {
    let s = init();
    s = mappingReducer(s, { type: 'setField', column: 2, field: 'receivedAt' });
    expect(s.columns[2].field).toBe('receivedAt');
    expect(s.columns[1].field).toBeNull();
    expect(s.columns[2].score).toBeNull();
    expect(s.touched).toBe(true);
    const used = usedFields(s);
    expect(used.get('receivedAt')).toBe(2);
    expect([...used.keys()].length).toBe(new Set(s.columns.filter((c) => c.field).map((c) => c.field)).size);
  });

  it('keeps a date format only on time fields', () => {
    let s = init();
    s = mappingReducer(s, { type: 'setDateFormat', column: 1, format: 'MM/DD/YYYY hh:mm:ss A' });
    expect(toMappingSpec(s).columns.find((c) => c.field === 'receivedAt')?.dateFormat).toBe('MM/DD/YYYY hh:mm:ss A');
    s = mappingReducer(s, { type: 'setField', column: 1, field: 'title' });
    expect(s.columns[1].dateFormat).toBe('');
    s = mappingReducer(s, { type: 'setField', column: 1, field: null });
    expect(s.columns[1].field).toBeNull();
  });

  it('applies a saved template by header name, with its options, even when columns moved', () => {
    const template: Template = {
      id: 7, sourceCode: '12345', name: '南京12345导出', headerSignature: 'x', readOptions: { format: 'csv' }, updatedAt: 0,
      mapping: {
        columns: [
          { column: 3, header: '受理时间', field: 'receivedAt', dateFormat: 'YYYY-MM-DD HH:mm:ss' },
          { column: 0, header: '工单编号', field: 'externalId' },
          { column: 9, header: '不存在的列', field: 'title' },
        ],
        timezone: 'America/Los_Angeles', crs: 'gcj02', keepPhone: true,
      },
    };
    const s = init(SUGGESTIONS, template);
    expect(s.template).toEqual({ id: 7, name: '南京12345导出', sourceCode: '12345' });
    expect(s.columns[1]).toEqual({ field: 'receivedAt', dateFormat: 'YYYY-MM-DD HH:mm:ss', score: null });
    expect(s.columns[0].field).toBe('externalId');
    expect(s.columns.filter((c) => c.field).length).toBe(2);
    expect(s.timezone).toBe('America/Los_Angeles');
    expect(s.crs).toBe('gcj02');
    expect(s.keepPhone).toBe(true);
    const direct = templateToColumns(HEADERS, template);
    expect(direct[1].field).toBe('receivedAt');
  });

  it('keeps the user\'s choices when the same headers are previewed again, and starts over when they change', () => {
    let s = init();
    s = mappingReducer(s, { type: 'setField', column: 4, field: null });
    const again = mappingReducer(s, { type: 'init', headers: HEADERS, suggestions: SUGGESTIONS, template: null });
    expect(again.columns[4].field).toBeNull();
    const garbled = ['宸ュ崟缂栧彿', '鍙楃悊鏃堕棿'];
    const other = mappingReducer(s, { type: 'init', headers: garbled, suggestions: [], template: null });
    expect(other.columns).toHaveLength(2);
    expect(other.columns.every((c) => c.field === null)).toBe(true);
  });

  it('builds the import.start mapping spec', () => {
    let s = init();
    s = mappingReducer(s, { type: 'options', patch: { timezone: 'Asia/Shanghai', crs: 'bd09', keepPhone: false } });
    const spec = toMappingSpec(s);
    expect(spec.columns).toHaveLength(11);
    expect(spec.columns[1]).toEqual({ column: 1, header: '受理时间', field: 'receivedAt' });
    expect(spec.crs).toBe('bd09');
    expect(spec.timezone).toBe('Asia/Shanghai');
    expect('keepPhone' in spec).toBe(false);
    expect(new Set(spec.columns.map((c) => c.field)).size).toBe(spec.columns.length);
  });

  it('blocks an import without a received time and warns about weak mappings', () => {
    const ok = init();
    expect(hasBlockingIssue(mappingIssues(ok))).toBe(false);
    const noTime = mappingReducer(ok, { type: 'setField', column: 1, field: null });
    expect(mappingIssues(noTime).map((i) => i.code)).toContain('noReceivedAt');
    expect(hasBlockingIssue(mappingIssues(noTime))).toBe(true);
    const noLat = mappingReducer(ok, { type: 'setField', column: 7, field: null });
    expect(mappingIssues(noLat)).toContainEqual({ level: 'warning', code: 'lonWithoutLat' });
    const cleared = mappingReducer(ok, { type: 'clear' });
    expect(mappingIssues(cleared).map((i) => i.code)).toEqual(['nothingMapped', 'noReceivedAt']);
    const tpl = mappingReducer(ok, { type: 'options', patch: { saveTemplate: true, templateName: '  ' } });
    expect(mappingIssues(tpl).map((i) => i.code)).toContain('templateNameMissing');
    const back = mappingReducer(cleared, { type: 'useSuggestions' });
    expect(back.columns.map((c) => c.field)).toEqual(SUGGESTIONS.map((x) => x.field));
  });
});

describe('value-label overrides in the mapping', () => {
  it('set, change and clear overrides; they reach the spec only while the field is mapped', () => {
    let s = init();
    s = mappingReducer(s, { type: 'setLabel', kind: 'satisfaction', label: '好评', value: 1 });
    s = mappingReducer(s, { type: 'setLabel', kind: 'satisfaction', label: '差评', value: 0.25 });
    s = mappingReducer(s, { type: 'setLabel', kind: 'satisfaction', label: '差评', value: 0 });
    s = mappingReducer(s, { type: 'setLabel', kind: 'status', label: '挂起', value: 'in_progress' });
    expect(s.touched).toBe(true);
    expect(toMappingSpec(s).satisfactionLabels).toEqual({ 好评: 1, 差评: 0 });
    // status is not mapped in these suggestions, so its overrides stay out of the spec
    expect(toMappingSpec(s).statusLabels).toBeUndefined();
    s = mappingReducer(s, { type: 'setLabel', kind: 'satisfaction', label: '好评', value: null });
    expect(toMappingSpec(s).satisfactionLabels).toEqual({ 差评: 0 });
    s = mappingReducer(s, { type: 'setField', column: 10, field: null });
    expect(toMappingSpec(s).satisfactionLabels).toBeUndefined();
  });

  it('a template brings its overrides back; a fresh file without a template starts without any', () => {
    const template: Template = {
      id: 7, sourceCode: 's', name: 't', headerSignature: 'x', readOptions: {}, updatedAt: 0,
      mapping: { columns: [{ column: 10, header: '满意度', field: 'satisfaction' }], timezone: 'Asia/Shanghai', crs: 'wgs84', satisfactionLabels: { 好评: 1 } },
    };
    const fromTpl = init(SUGGESTIONS, template);
    expect(fromTpl.satisfactionLabels).toEqual({ 好评: 1 });
    expect(toMappingSpec(fromTpl).satisfactionLabels).toEqual({ 好评: 1 });
    const other = mappingReducer({ ...fromTpl, touched: false }, { type: 'init', headers: [...HEADERS, 'x'], suggestions: SUGGESTIONS, template: null });
    expect(other.satisfactionLabels).toEqual({});
  });
});
