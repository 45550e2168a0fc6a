/**
 * Automatic column → standard field suggestions from header names (Chinese and English), and the header
 * signature used to find a saved mapping template for a file with the same columns.
 */
import { FIELD_INFO } from './field-info';
import { HEADER_SYNONYMS } from './header-synonyms';
import { hasCjk, toHalfWidth } from './text';
import { STANDARD_FIELDS, type StandardField } from './types';

export { FIELD_INFO, type FieldInfo, type FieldKind } from './field-info';

/** Header as a comparison key: half-width, trimmed, lower-case, without spaces, '_', '-', '.', quotes, BOM or a trailing ':'/'*'. */
export function normaliseHeader(header: string): string {
  const s = toHalfWidth(header).toLowerCase();
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || c === 0x5f || c === 0x2d || c === 0x2e || c === 0x22 || c === 0x27 || c === 0xfeff || c === 0xa0 || c === 0x3000) continue;
    out += s[i];
  }
  let end = out.length;
  while (end > 0 && (out[end - 1] === ':' || out[end - 1] === '*' || out[end - 1] === '：')) end--;
  return out.slice(0, end);
}

/** Stable key of a header row: normalised headers joined. Same columns in the same order → same key. */
export function headerSignature(headers: string[]): string {
  return headers.map(normaliseHeader).join('|');
}

interface Synonym { key: string; field: StandardField; weight: number; cjk: boolean }

let table: { exact: Map<string, Synonym[]>; contained: Synonym[] } | null = null;

function synonyms(): { exact: Map<string, Synonym[]>; contained: Synonym[] } {
  if (table) return table;
  const exact = new Map<string, Synonym[]>();
  const contained: Synonym[] = [];
  const add = (raw: string, field: StandardField): void => {
    const at = raw.lastIndexOf('@');
    const weight = at > 0 ? Number(raw.slice(at + 1)) : 1;
    const key = normaliseHeader(at > 0 ? raw.slice(0, at) : raw);
    const syn: Synonym = { key, field, weight, cjk: hasCjk(key) };
    const list = exact.get(key) ?? [];
    if (!list.some((x) => x.field === field)) list.push(syn);
    exact.set(key, list);
    if (syn.cjk && key.length >= 2) contained.push(syn);
  };
  for (const field of STANDARD_FIELDS) {
    for (const raw of HEADER_SYNONYMS[field]) add(raw, field);
    add(`${field}@0.9`, field); // Minsheng's own export headers; below explicit synonyms ('RequestType' is a category)
    add(FIELD_INFO[field].label['zh-CN'], field);
  }
  table = { exact, contained };
  return table;
}

export interface MappingSuggestion { column: number; header: string; field: StandardField; score: number }

/** Minimum score for a suggestion. */
const MIN_SCORE = 0.3;

/** Candidate fields for one header with scores in (0, 1]. */
export function scoreHeader(header: string): { field: StandardField; score: number }[] {
  const key = normaliseHeader(header);
  if (!key) return [];
  const { exact, contained } = synonyms();
  const best = new Map<StandardField, number>();
  for (const s of exact.get(key) ?? []) best.set(s.field, Math.max(best.get(s.field) ?? 0, s.weight));
  if (hasCjk(key)) {
    for (const s of contained) {
      if (s.key.length >= key.length || key.indexOf(s.key) < 0) continue;
      const score = s.weight * (0.4 + (0.4 * s.key.length) / key.length);
      if (score > (best.get(s.field) ?? 0)) best.set(s.field, score);
    }
  }
  const out: { field: StandardField; score: number }[] = [];
  for (const [field, score] of best) if (score >= MIN_SCORE) out.push({ field, score: Math.round(score * 1000) / 1000 });
  return out.sort((a, b) => b.score - a.score);
}

/**
 * Suggest a standard field for each column. Each field at most once and each column at most once: the
 * best-scoring (column, field) pairs win, ties to the leftmost column. Unknown headers get nothing.
 * Returned in column order.
 */
export function suggestMapping(headers: string[]): MappingSuggestion[] {
  const cands: MappingSuggestion[] = [];
  headers.forEach((header, column) => {
    for (const c of scoreHeader(header ?? '')) cands.push({ column, header, field: c.field, score: c.score });
  });
  const order = new Map<StandardField, number>(STANDARD_FIELDS.map((f, i) => [f, i]));
  cands.sort((a, b) => b.score - a.score || a.column - b.column || (order.get(a.field) ?? 0) - (order.get(b.field) ?? 0));
  const usedFields = new Set<StandardField>();
  const usedColumns = new Set<number>();
  const out: MappingSuggestion[] = [];
  for (const c of cands) {
    if (usedFields.has(c.field) || usedColumns.has(c.column)) continue;
    usedFields.add(c.field);
    usedColumns.add(c.column);
    out.push(c);
  }
  return out.sort((a, b) => a.column - b.column);
}
