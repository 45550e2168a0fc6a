import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { composeReport, composeSection } from '../../../../shared/domain/report/compose';
import { numberBlocks, type Block } from '../../../../shared/domain/report/document';
import { canonicalJson } from '../../../../shared/domain/report/hash';
import { filterInWords } from '../../../../shared/domain/report/provenance';
import { ReportSpecSchema, SECTION_KINDS, newSection, type ReportSpec } from '../../../../shared/domain/report/spec';
import { reportStrings } from '../../../../shared/domain/report/strings';
import { BUILTIN_TEMPLATES } from '../../../../shared/domain/report/templates';
import { fakeData, provenance } from './fixtures';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const zh = reportStrings('zh-CN');
const specOf = (sections: ReportSpec['sections'], over: Partial<ReportSpec> = {}): ReportSpec =>
  ReportSpecSchema.parse({ title: '宁川市热线专报', template: 'custom', filter: {}, sections, ...over });
const dataFor = (spec: ReportSpec) => Object.fromEntries(spec.sections.map((s) => [s.id, (fakeData() as Record<string, unknown>)[s.kind] ?? null])) as never;
const compose = (spec: ReportSpec, prov = provenance()) => composeReport({ spec, data: dataFor(spec), provenance: prov, dataRange: { min: 0, max: 1 }, sha256: sha });

describe('report templates and sections', () => {
  it('ships 简报, 专报 and 评估报告 with the sections the brief names', () => {
    const byId = Object.fromEntries(BUILTIN_TEMPLATES.map((t) => [t.id, t]));
    expect(BUILTIN_TEMPLATES.map((t) => t.name)).toEqual(['简报', '专报', '评估报告']);
    expect(byId.brief.spec.sections.map((s) => s.kind)).toEqual(['overview', 'trend', 'categories', 'commentary']);
    expect(byId.assessment.spec.sections.map((s) => s.kind)).toEqual(expect.arrayContaining(['overview', 'performance', 'evaluation', 'map', 'commentary']));
    const thematicKinds = new Set(byId.thematic.spec.sections.map((s) => s.kind));
    for (const k of ['overview', 'trend', 'categories', 'performance', 'map', 'text', 'alerts', 'evaluation', 'commentary']) expect(thematicKinds.has(k as never), k).toBe(true);
    for (const t of BUILTIN_TEMPLATES) expect(new Set(t.spec.sections.map((s) => s.id)).size).toBe(t.spec.sections.length);
  });

  it('every section kind has valid defaults and composes from data without I/O', () => {
    for (const kind of SECTION_KINDS) {
      const s = newSection(kind, `s-${kind}`);
      expect(s.kind).toBe(kind);
      const filled = kind === 'commentary' ? { ...s, params: { text: '意见' } } as never : s;
      const blocks = composeSection(filled, (fakeData() as Record<string, unknown>)[kind] ?? null, zh);
      expect(blocks.length, kind).toBeGreaterThan(0);
      if (kind !== 'pagebreak') expect(blocks[0].type, kind).toBe('heading');
    }
  });

  it('rejects a spec with an unknown section kind or bad params', () => {
    expect(ReportSpecSchema.safeParse({ title: 't', template: 'brief', filter: {}, sections: [{ id: 'a', kind: 'pie', params: {} }] }).success).toBe(false);
    expect(ReportSpecSchema.safeParse({ title: 't', template: 'brief', filter: {}, sections: [{ id: 'a', kind: 'categories', params: { level: 4 } }] }).success).toBe(false);
  });
});

describe('section composers', () => {
  it('overview: key figures with the change against the comparison period', () => {
    const blocks = composeSection(newSection('overview', 'o'), fakeData().overview, zh);
    const kf = blocks.find((b) => b.type === 'key-figures') as Extract<Block, { type: 'key-figures' }>;
    expect(kf.items[0]).toMatchObject({ value: '125', change: '+25.0%' });
    expect(kf.items[2].change).toBe('−25.0%');
    expect(kf.items[3]).toMatchObject({ value: '90.0%', change: '+5.0 pp' });
    const p = blocks.find((b) => b.type === 'paragraph') as Extract<Block, { type: 'paragraph' }>;
    expect(p.text).toContain('较上期增长 25.0%');
    expect(p.text).toContain('城乡建设');
  });

  it('categories: the table rows and the bar chart carry exactly the data rows', () => {
    const d = fakeData().categories;
    const blocks = composeSection(newSection('categories', 'c'), d, zh);
    const table = blocks.find((b) => b.type === 'table') as Extract<Block, { type: 'table' }>;
    expect(table.rows.map((r) => [r[1], r[2]])).toEqual(d.rows.map((r) => [r.label, r.count]));
    const fig = blocks.find((b) => b.type === 'figure') as Extract<Block, { type: 'figure' }>;
    const series = (fig.chart!.option.series as { data: number[] }[])[0].data;
    expect([...series].reverse()).toEqual(d.rows.map((r) => r.count));
  });

  it('commentary: blank lines separate paragraphs, single line breaks join', () => {
    const s = { ...newSection('commentary', 'c'), params: { text: '第一段\n续行\n\n\n第二段' } } as never;
    const paras = composeSection(s, null, zh).filter((b) => b.type === 'paragraph').map((b) => (b as { text: string }).text);
    expect(paras).toEqual(['第一段 续行', '第二段']);
    expect(composeSection(newSection('commentary', 'c'), null, zh)).toEqual([]);
  });

  it('alerts and evaluation without data say so instead of an empty table', () => {
    expect(composeSection(newSection('alerts', 'a'), fakeData().alerts, zh).some((b) => b.type === 'paragraph' && b.text === zh.noAlerts)).toBe(true);
    expect(composeSection(newSection('evaluation', 'e'), fakeData().evaluation, zh).some((b) => b.type === 'paragraph' && b.text === zh.noEvaluation)).toBe(true);
  });

  it('numbers headings 1, 1.1, 2 and figures and tables in document order', () => {
    const blocks = numberBlocks([
      { type: 'heading', level: 1, text: 'a' }, { type: 'figure', caption: 'f', width: 1, height: 1 }, { type: 'heading', level: 2, text: 'b' },
      { type: 'table', caption: 't', columns: ['x'], rows: [] }, { type: 'heading', level: 1, text: 'c' }, { type: 'figure', caption: 'g', width: 1, height: 1 },
    ]);
    expect(blocks.map((b) => ('number' in b ? b.number : null))).toEqual(['1', 1, '1.1', 1, '2', 2]);
  });
});

describe('report document and hash', () => {
  const spec = specOf(BUILTIN_TEMPLATES[1].spec.sections);

  it('starts with the TOC, ends with the provenance appendix and its hash line', () => {
    const { doc, hash } = compose(spec);
    expect(doc.blocks[0].type).toBe('toc');
    const last = doc.blocks[doc.blocks.length - 1] as Extract<Block, { type: 'paragraph' }>;
    expect(last.text).toBe(`${zh.hash}: ${hash}`);
    expect(doc.blocks.some((b) => b.type === 'heading' && b.text === zh.appendix)).toBe(true);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is deterministic, ignores the generation time and changes with the data or the filter', () => {
    const a = compose(spec).hash;
    expect(compose(spec).hash).toBe(a);
    expect(compose(spec, provenance({ generatedAt: 1 })).hash).toBe(a);
    expect(compose(spec, provenance({ batches: [] })).hash).not.toBe(a);
    expect(compose(specOf(spec.sections, { title: '另一个标题' })).hash).not.toBe(a);
  });

  it('uses the injected hash function over canonical JSON', () => {
    const seen: string[] = [];
    composeReport({ spec, data: dataFor(spec), provenance: provenance(), dataRange: { min: 0, max: 1 }, sha256: (s) => { seen.push(s); return 'h'; } });
    expect(seen).toHaveLength(1);
    expect(JSON.parse(seen[0]).provenance.generatedAt).toBeUndefined();
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: null }] })).toBe('{"a":[1,{"c":null,"d":2}],"b":1}');
  });

  it('writes the filter in words', () => {
    const text = filterInWords(provenance().filter, zh);
    expect(text).toContain('2024-01-01 起');
    expect(text).toContain('2024-03-31 止');
    expect(text).toContain('区：玄湖区');
    expect(filterInWords({}, zh)).toBe(zh.noFilter);
  });
});

describe('saved items', () => {
  // A 3×2 PNG (IHDR width 3, height 2).
  const png32 = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAAEklEQVR42mP8z8DAwMDAxMDAAAAZ8wH/1k8ZRgAAAABJRU5ErkJggg==';
  it('reads the PNG size and keeps the aspect ratio in the column', async () => {
    const { pngSize } = await import('../../../../shared/domain/report/compose-other');
    expect(pngSize(png32)).toEqual({ width: 3, height: 2 });
    expect(pngSize('data:image/png;base64,AAAA')).toBeNull();
    const item = { id: 'i', title: '各区诉求量', kind: 'chart' as const, source: 'trends', png: png32, filter: {}, createdAt: 0 };
    const blocks = composeSection({ ...newSection('item', 'x'), params: { itemId: 'i' } } as never, { item }, zh);
    expect(blocks[1]).toMatchObject({ type: 'figure', png: png32, width: 3, height: 2, caption: '各区诉求量' });
    const missing = composeSection({ ...newSection('item', 'x'), params: { itemId: 'gone' } } as never, { item: null }, zh);
    expect(missing.some((b) => b.type === 'paragraph' && b.text === zh.itemMissing)).toBe(true);
  });
});
