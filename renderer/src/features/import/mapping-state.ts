import type { MappingSpecInput, Template } from '../../../../shared/api/areas/import';
import type { Status } from '../../../../shared/domain/ingest/types';
import { isTimeField, type CrsValue, type StandardField } from './fields';

/** A mapping suggestion of `import.preview`. */
export interface Suggestion { column: number; header: string; field: StandardField; score: number }

export interface ColumnState {
  field: StandardField | null;
  /** '' = auto-detect; only used for time fields. */
  dateFormat: string;
  /** Score of the suggestion that prefilled this column (null once the user changes it or for templates). */
  score: number | null;
}

export interface MappingState {
  headers: string[];
  columns: ColumnState[];
  suggestions: Suggestion[];
  timezone: string;
  crs: CrsValue;
  keepPhone: boolean;
  onDuplicate: 'skip' | 'update';
  saveTemplate: boolean;
  templateName: string;
  /** Overrides of how the source's satisfaction labels map to the 0–1 scale (label → value). */
  satisfactionLabels: Record<string, number>;
  /** Overrides of how the source's status labels map to the standard statuses. */
  statusLabels: Record<string, Status>;
  /** The saved template that prefilled the mapping, if any. */
  template: { id: number; name: string; sourceCode: string } | null;
  /** The user changed something since the prefill. */
  touched: boolean;
}

export type MappingAction =
  | { type: 'init'; headers: string[]; suggestions: Suggestion[]; template: Template | null }
  | { type: 'setField'; column: number; field: StandardField | null }
  | { type: 'setDateFormat'; column: number; format: string }
  | { type: 'options'; patch: Partial<Pick<MappingState, 'timezone' | 'crs' | 'keepPhone' | 'onDuplicate' | 'saveTemplate' | 'templateName'>> }
  | { type: 'setLabel'; kind: 'satisfaction'; label: string; value: number | null }
  | { type: 'setLabel'; kind: 'status'; label: string; value: Status | null }
  | { type: 'useSuggestions' }
  | { type: 'clear' };

export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

/** Defaults of a new mapping, from the application settings (time zone and coordinate system of imports). */
const importDefaults: { timezone: string; crs: CrsValue } = { timezone: DEFAULT_TIMEZONE, crs: 'wgs84' };
export function setImportDefaults(d: Partial<typeof importDefaults>): void { Object.assign(importDefaults, d); }

export function emptyMapping(): MappingState {
  return {
    headers: [], columns: [], suggestions: [], timezone: importDefaults.timezone, crs: importDefaults.crs, keepPhone: false,
    onDuplicate: 'skip', saveTemplate: false, templateName: '', template: null, touched: false,
    satisfactionLabels: {}, statusLabels: {},
  };
}

const blank = (): ColumnState => ({ field: null, dateFormat: '', score: null });

/** Suggestions → one field per column, each field once: the best-scoring pairs win. */
export function suggestionsToColumns(headerCount: number, suggestions: readonly Suggestion[]): ColumnState[] {
  const cols = Array.from({ length: headerCount }, blank);
  const used = new Set<StandardField>();
  const sorted = [...suggestions].sort((a, b) => b.score - a.score || a.column - b.column);
  for (const s of sorted) {
    if (s.column < 0 || s.column >= headerCount || used.has(s.field) || cols[s.column].field) continue;
    cols[s.column] = { field: s.field, dateFormat: '', score: s.score };
    used.add(s.field);
  }
  return cols;
}

const norm = (h: string) => h.trim().toLowerCase();

/** A saved template → columns: matched by header text first, by column index when the header is the same there. */
export function templateToColumns(headers: readonly string[], template: Pick<Template, 'mapping'>): ColumnState[] {
  const cols = headers.map(blank);
  const byHeader = new Map<string, number>();
  headers.forEach((h, i) => { if (!byHeader.has(norm(h))) byHeader.set(norm(h), i); });
  const used = new Set<StandardField>();
  for (const c of template.mapping.columns) {
    let idx = byHeader.get(norm(c.header));
    if (idx === undefined && c.column < headers.length && norm(headers[c.column]) === norm(c.header)) idx = c.column;
    if (idx === undefined || cols[idx].field || used.has(c.field)) continue;
    cols[idx] = { field: c.field, dateFormat: c.dateFormat ?? '', score: null };
    used.add(c.field);
  }
  return cols;
}

function sameHeaders(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((h, i) => h === b[i]);
}

export function mappingReducer(state: MappingState, action: MappingAction): MappingState {
  switch (action.type) {
    case 'init': {
      // Re-previewing the same file with the same headers keeps what the user already chose.
      if (state.touched && sameHeaders(state.headers, action.headers)) return { ...state, suggestions: action.suggestions };
      const t = action.template;
      if (t) {
        return {
          ...state, headers: action.headers, suggestions: action.suggestions, touched: false,
          columns: templateToColumns(action.headers, t),
          timezone: t.mapping.timezone ?? DEFAULT_TIMEZONE, crs: t.mapping.crs ?? 'wgs84', keepPhone: t.mapping.keepPhone ?? false,
          template: { id: t.id, name: t.name, sourceCode: t.sourceCode }, saveTemplate: false, templateName: t.name,
          satisfactionLabels: { ...t.mapping.satisfactionLabels }, statusLabels: { ...t.mapping.statusLabels },
        };
      }
      return {
        ...state, headers: action.headers, suggestions: action.suggestions, touched: false, template: null,
        columns: suggestionsToColumns(action.headers.length, action.suggestions), satisfactionLabels: {}, statusLabels: {},
      };
    }
    case 'setLabel': {
      if (action.kind === 'satisfaction') {
        return { ...state, satisfactionLabels: withLabel(state.satisfactionLabels, action.label, action.value), touched: true };
      }
      return { ...state, statusLabels: withLabel(state.statusLabels, action.label, action.value), touched: true };
    }
    case 'setField': {
      const { column, field } = action;
      if (column < 0 || column >= state.columns.length) return state;
      const columns = state.columns.map((c, i) => {
        if (i === column) return { field, dateFormat: isTimeField(field) ? c.dateFormat : '', score: null };
        return field !== null && c.field === field ? blank() : c; // a field is mapped at most once
      });
      return { ...state, columns, touched: true };
    }
    case 'setDateFormat': {
      if (action.column < 0 || action.column >= state.columns.length) return state;
      const columns = state.columns.map((c, i) => (i === action.column ? { ...c, dateFormat: action.format } : c));
      return { ...state, columns, touched: true };
    }
    case 'options':
      return { ...state, ...action.patch, touched: true };
    case 'useSuggestions':
      return { ...state, columns: suggestionsToColumns(state.headers.length, state.suggestions), template: null, touched: true };
    case 'clear':
      return { ...state, columns: state.headers.map(blank), template: null, touched: true };
  }
}

function withLabel<T>(labels: Record<string, T>, label: string, value: T | null): Record<string, T> {
  const next = { ...labels };
  if (value === null) delete next[label]; else next[label] = value;
  return next;
}

/** Which column each mapped field sits in. */
export function usedFields(state: Pick<MappingState, 'columns'>): Map<StandardField, number> {
  const m = new Map<StandardField, number>();
  state.columns.forEach((c, i) => { if (c.field) m.set(c.field, i); });
  return m;
}

/** The mapping as `import.start` wants it. */
export function toMappingSpec(state: MappingState): MappingSpecInput {
  const columns = state.columns.flatMap((c, i) => {
    if (!c.field) return [];
    const fmt = c.dateFormat.trim();
    return [{ column: i, header: state.headers[i] ?? '', field: c.field, ...(isTimeField(c.field) && fmt ? { dateFormat: fmt } : {}) }];
  });
  const used = usedFields(state);
  const sat = used.has('satisfaction') && Object.keys(state.satisfactionLabels).length ? { satisfactionLabels: { ...state.satisfactionLabels } } : {};
  const st = used.has('status') && Object.keys(state.statusLabels).length ? { statusLabels: { ...state.statusLabels } } : {};
  return { columns, timezone: state.timezone || DEFAULT_TIMEZONE, crs: state.crs, ...(state.keepPhone ? { keepPhone: true } : {}), ...sat, ...st };
}

export type MappingIssue =
  | { level: 'error'; code: 'noReceivedAt' | 'nothingMapped' | 'templateNameMissing' }
  | { level: 'warning'; code: 'noExternalId' | 'lonWithoutLat' | 'latWithoutLon' | 'noCategory' | 'noPlace' };

/** What is wrong (errors block the import) or worth a second look (warnings) in a mapping. */
export function mappingIssues(state: MappingState): MappingIssue[] {
  const used = usedFields(state);
  const out: MappingIssue[] = [];
  if (used.size === 0) out.push({ level: 'error', code: 'nothingMapped' });
  if (!used.has('receivedAt')) out.push({ level: 'error', code: 'noReceivedAt' });
  if (state.saveTemplate && !state.templateName.trim()) out.push({ level: 'error', code: 'templateNameMissing' });
  if (used.size === 0) return out;
  if (!used.has('externalId')) out.push({ level: 'warning', code: 'noExternalId' });
  if (used.has('lon') && !used.has('lat')) out.push({ level: 'warning', code: 'lonWithoutLat' });
  if (used.has('lat') && !used.has('lon')) out.push({ level: 'warning', code: 'latWithoutLon' });
  if (!['cat1', 'cat2', 'cat3', 'categoryOriginal'].some((f) => used.has(f as StandardField))) out.push({ level: 'warning', code: 'noCategory' });
  if (!['address', 'district', 'street', 'community', 'lon'].some((f) => used.has(f as StandardField))) out.push({ level: 'warning', code: 'noPlace' });
  return out;
}

export function hasBlockingIssue(issues: readonly MappingIssue[]): boolean {
  return issues.some((i) => i.level === 'error');
}
