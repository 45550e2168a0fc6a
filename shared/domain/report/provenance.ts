/** The provenance appendix: batches, the filter in words and JSON, section parameters, versions, the report hash. */
import type { Block } from './document';
import type { ReportSpec } from './spec';
import type { Filter } from '../../model/filter';
import { fmtDay, fmtInt, type ReportStrings } from './strings';

export interface ProvenanceBatch { id: number; source: string; fileName: string; sha256: string | null; rows: number; importedAt: number }

export interface Provenance {
  appVersion: string;
  schemaVersion: number;
  project: string;
  synthetic: boolean;
  batches: ProvenanceBatch[];
  filter: Filter;
  compareTo: ReportSpec['compareTo'];
  /** Section id → kind and the parameters actually used (defaults resolved, e.g. the evaluation run id). */
  sections: { id: string; kind: string; params: unknown }[];
  /** Not covered by the report hash. */
  generatedAt: number;
}

/** The provenance without the generation time: what the report hash covers. */
export const hashedProvenance = (p: Provenance): Omit<Provenance, 'generatedAt'> => {
  const { generatedAt: _g, ...rest } = p;
  return rest;
};

/** The filter in words: 时间 2024-01-01 起 2024-03-31 止；区：玄武区、秦淮区 … */
export function filterInWords(f: Filter, t: ReportStrings, names: { categories?: ReadonlyMap<number, string> } = {}): string {
  const parts: string[] = [];
  if (f.from !== undefined || f.to !== undefined) {
    parts.push(`${t.time} ${f.from !== undefined ? `${fmtDay(f.from)} ${t.from}` : ''} ${f.to !== undefined ? `${fmtDay(f.to - 1)} ${t.to}` : ''}`.replace(/\s+/g, ' ').trim());
  }
  const sep = t.zh ? '、' : ', ';
  for (const key of ['sources', 'categories', 'districts', 'streets', 'communities', 'departments', 'statuses', 'requestTypes', 'channels'] as const) {
    const v = f[key];
    if (!v?.length) continue;
    const shown = key === 'categories' ? (v as number[]).map((id) => names.categories?.get(id) ?? `#${id}`) : (v as string[]);
    parts.push(`${t.filterKeys[key]}：${shown.join(sep)}`);
  }
  if (f.area) parts.push(`${t.filterKeys.area}：${f.area.type}`);
  if (f.q) parts.push(`${t.filterKeys.q}：“${f.q}”`);
  return parts.length ? parts.join(t.zh ? '；' : '; ') : t.noFilter;
}

/** The appendix blocks; `withTime: false` leaves out the generation time (the version the report hash covers). */
export function composeProvenance(p: Provenance, t: ReportStrings, hash: string | null, categoryNames?: ReadonlyMap<number, string>, withTime = true): Block[] {
  const blocks: Block[] = [
    { type: 'heading', level: 1, text: t.appendix },
    { type: 'heading', level: 2, text: t.batches },
    {
      type: 'table', caption: t.batches, columns: ['#', t.source, t.file, t.sha256, t.rows, t.time],
      rows: p.batches.map((b) => [b.id, b.source, b.fileName, b.sha256 ?? '—', b.rows, fmtDay(b.importedAt)]),
      align: ['right', 'left', 'left', 'left', 'right', 'left'],
    },
    { type: 'heading', level: 2, text: t.filterWords },
    { type: 'paragraph', text: filterInWords(p.filter, t, { categories: categoryNames }) },
    { type: 'paragraph', text: `${t.filterJson}: ${JSON.stringify(p.filter)}`, style: 'note' },
    { type: 'heading', level: 2, text: t.params },
    {
      type: 'table', caption: t.params, columns: ['id', t.sectionKind, t.value],
      rows: [['—', 'compareTo', p.compareTo], ...p.sections.map((s) => [s.id, s.kind, JSON.stringify(s.params)])], align: ['left', 'left', 'left'],
    },
    {
      type: 'list', items: [
        `${t.version}: ${p.appVersion}`, `${t.schema}: ${p.schemaVersion}`, ...(withTime ? [`${t.generated}: ${new Date(p.generatedAt).toISOString()}`] : []),
        `${t.rows}: ${fmtInt(p.batches.reduce((a, b) => a + b.rows, 0))}${p.synthetic ? ` · ${t.synthetic}` : ''}`,
      ],
    },
    { type: 'paragraph', text: t.hashHow, style: 'note' },
  ];
  if (hash !== null) blocks.push({ type: 'paragraph', text: `${t.hash}: ${hash}` });
  return blocks;
}
