/**
 * The report document: a flat list of blocks every writer (HTML/PDF, DOCX, XLSX) turns into its format.
 * Composers produce blocks without numbers; `numberBlocks` assigns heading numbers (1, 1.1), figure and
 * table numbers (图1, 表1) in document order.
 */
export type Cell = string | number | null;

export interface KeyFigure { label: string; value: string; change?: string | null; trend?: 'up' | 'down' | 'flat' | null }

/** A chart to be rendered to SVG by the writer (ECharts option object, plain JSON). */
export interface ChartSpec { option: Record<string, unknown>; width: number; height: number }

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string; number?: string; anchor?: string }
  | { type: 'paragraph'; text: string; style?: 'normal' | 'note' | 'quote' }
  | { type: 'key-figures'; items: KeyFigure[] }
  | { type: 'figure'; caption: string; number?: number; svg?: string; png?: string; chart?: ChartSpec; width: number; height: number }
  | { type: 'table'; caption: string; number?: number; columns: string[]; rows: Cell[][]; align?: ('left' | 'right')[] }
  | { type: 'list'; items: string[]; ordered?: boolean }
  | { type: 'toc' }
  | { type: 'pagebreak' };

export type BlockOf<T extends Block['type']> = Extract<Block, { type: T }>;

export interface ReportDocument {
  title: string;
  subtitle: string | null;
  organisation: string | null;
  author: string | null;
  /** e.g. 2024年1月1日 — 2024年3月31日 */
  period: string;
  locale: 'zh-CN' | 'en';
  generatedAt: number;
  synthetic: boolean;
  blocks: Block[];
}

/** Heading numbers, figure and table numbers in order; anchors for links. Returns new blocks. */
export function numberBlocks(blocks: readonly Block[]): Block[] {
  const counters = [0, 0, 0];
  let fig = 0;
  let tab = 0;
  let h = 0;
  return blocks.map((b) => {
    if (b.type === 'heading') {
      const i = b.level - 1;
      counters[i]++;
      for (let j = i + 1; j < counters.length; j++) counters[j] = 0;
      const number = counters.slice(0, i + 1).map((c) => Math.max(c, 1)).join('.');
      return { ...b, number, anchor: `h${++h}` };
    }
    if (b.type === 'figure') return { ...b, number: ++fig };
    if (b.type === 'table') return { ...b, number: ++tab };
    return b;
  });
}

export const headingsOf = (doc: ReportDocument): BlockOf<'heading'>[] =>
  doc.blocks.filter((b): b is BlockOf<'heading'> => b.type === 'heading');
export const tablesOf = (doc: ReportDocument): BlockOf<'table'>[] =>
  doc.blocks.filter((b): b is BlockOf<'table'> => b.type === 'table');

/** Every character the document shows (to choose font subsets). */
export function documentText(doc: ReportDocument): string {
  const parts: string[] = [doc.title, doc.subtitle ?? '', doc.organisation ?? '', doc.author ?? '', doc.period];
  for (const b of doc.blocks) {
    switch (b.type) {
      case 'heading': case 'paragraph': parts.push(b.text); break;
      case 'key-figures': for (const k of b.items) parts.push(k.label, k.value, k.change ?? ''); break;
      case 'figure': parts.push(b.caption, b.svg ?? '', b.chart ? JSON.stringify(b.chart.option) : ''); break;
      case 'table': parts.push(b.caption, ...b.columns, ...b.rows.flat().map((c) => (c === null ? '' : String(c)))); break;
      case 'list': parts.push(...b.items); break;
      default: break;
    }
  }
  return parts.join('\n');
}
