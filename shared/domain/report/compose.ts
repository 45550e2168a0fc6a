/**
 * Spec + gathered data → the report document: a table of contents, every section's blocks, the
 * provenance appendix with the report hash, numbered. Pure (clock and hash function injected).
 */
import { numberBlocks, type Block, type ReportDocument } from './document';
import type { SectionDataMap } from './data';
import type { ReportSpec, Section } from './spec';
import { reportStrings, fmtDay, type ReportStrings } from './strings';
import { composeCategories, composeOverview, composePerformance, composeTrend } from './compose-stats';
import { composeAlerts, composeCommentary, composeEvaluation, composeItem, composeMap, composeText } from './compose-other';
import { composeProvenance, hashedProvenance, type Provenance } from './provenance';
import { reportHash, type HashFn } from './hash';

export type GatheredData = Record<string, SectionDataMap[keyof SectionDataMap]>;

export function composeSection(s: Section, data: unknown, t: ReportStrings): Block[] {
  switch (s.kind) {
    case 'overview': return composeOverview(s, data as SectionDataMap['overview'], t);
    case 'trend': return composeTrend(s, data as SectionDataMap['trend'], t);
    case 'categories': return composeCategories(s, data as SectionDataMap['categories'], t);
    case 'performance': return composePerformance(s, data as SectionDataMap['performance'], t);
    case 'map': return composeMap(s, data as SectionDataMap['map'], t);
    case 'text': return composeText(s, data as SectionDataMap['text'], t);
    case 'alerts': return composeAlerts(s, data as SectionDataMap['alerts'], t);
    case 'evaluation': return composeEvaluation(s, data as SectionDataMap['evaluation'], t);
    case 'commentary': return composeCommentary(s, t);
    case 'item': return composeItem(s, data as SectionDataMap['item'], t);
    case 'pagebreak': return [{ type: 'pagebreak' }];
  }
}

export function periodText(spec: ReportSpec, range: { min: number | null; max: number | null }, t: ReportStrings): string {
  const from = spec.filter.from ?? range.min;
  const to = spec.filter.to !== undefined ? spec.filter.to - 1 : range.max;
  if (from === null || from === undefined || to === null || to === undefined) return '—';
  const day = (ms: number) => {
    const d = fmtDay(ms);
    return t.zh ? `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日` : d;
  };
  return `${day(from)} — ${day(to)}`;
}

export interface ComposeInput {
  spec: ReportSpec;
  data: GatheredData;
  provenance: Provenance;
  dataRange: { min: number | null; max: number | null };
  categoryNames?: ReadonlyMap<number, string>;
  sha256: HashFn;
}

/** The full document and its hash (the hash line is added to the appendix after hashing everything else). */
export function composeReport(i: ComposeInput): { doc: ReportDocument; hash: string } {
  const t = reportStrings(i.spec.locale);
  const sections: Block[] = [{ type: 'toc' }];
  for (const s of i.spec.sections) sections.push(...composeSection(s, i.data[s.id] ?? null, t));
  const body = (withTime: boolean): Block[] => numberBlocks([...sections, { type: 'pagebreak' }, ...composeProvenance(i.provenance, t, null, i.categoryNames, withTime)]);
  const base: ReportDocument = {
    title: i.spec.title, subtitle: i.spec.subtitle ?? null, organisation: i.spec.organisation ?? null, author: i.spec.author ?? null,
    period: periodText(i.spec, i.dataRange, t), locale: i.spec.locale, generatedAt: i.provenance.generatedAt,
    synthetic: i.provenance.synthetic, blocks: body(false),
  };
  const hash = reportHash(base, hashedProvenance(i.provenance), i.sha256);
  const blocks = [...body(true), { type: 'paragraph', text: `${t.hash}: ${hash}` } as Block];
  return { doc: { ...base, blocks }, hash };
}
