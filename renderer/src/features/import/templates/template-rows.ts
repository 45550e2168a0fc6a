import type { Template } from '../../../../../shared/api/areas/import';
import { formatShanghai } from '../../records/format';

/** File name of an exported template set. */
export const TEMPLATES_FILE = 'minsheng-templates.json';

/** One row of the templates table, ready to display. */
export interface TemplateRow {
  id: number;
  name: string;
  sourceCode: string;
  /** The source's display name when known, else its code. */
  sourceLabel: string;
  /** Number of file columns mapped to a standard field. */
  mappedColumns: number;
  /** Full header signature (normalised headers joined by '|'). */
  signature: string;
  /** Shortened signature for the table cell ('' when empty). */
  signatureShort: string;
  /** Last change, 'YYYY-MM-DD HH:mm' in +08:00. */
  updated: string;
}

/** A long signature cut to `max` characters (code points, so CJK is never split) with an ellipsis. */
export function shortSignature(sig: string, max = 24): string {
  const chars = Array.from(sig);
  return chars.length <= max ? sig : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

/** A template as a table row; `sourceNames` maps source code → display name. */
export function templateRow(t: Template, sourceNames?: ReadonlyMap<string, string>): TemplateRow {
  const name = sourceNames?.get(t.sourceCode);
  return {
    id: t.id,
    name: t.name,
    sourceCode: t.sourceCode,
    sourceLabel: name && name.trim() ? name : t.sourceCode,
    mappedColumns: t.mapping.columns.length,
    signature: t.headerSignature,
    signatureShort: shortSignature(t.headerSignature),
    updated: formatShanghai(t.updatedAt),
  };
}

/** Rows sorted newest first (ties by id, descending). */
export function templateRows(list: readonly Template[], sourceNames?: ReadonlyMap<string, string>): TemplateRow[] {
  return [...list].sort((a, b) => b.updatedAt - a.updatedAt || b.id - a.id).map((t) => templateRow(t, sourceNames));
}

/** `templates.export` input: the selected ids, or every template when nothing is selected. */
export function exportInput(selected: readonly number[]): { ids?: number[] } {
  return selected.length ? { ids: [...selected] } : {};
}
