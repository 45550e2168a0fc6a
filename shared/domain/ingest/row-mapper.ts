/**
 * Source row (cells) → StandardRow or a rejection, plus quality flags. The mapping is compiled once into
 * column indexes and per-column date parsers; the per-row function does no lookups by name.
 *
 * Rejects: RAGGED_ROW (non-empty cells beyond the header), FIELD_TOO_LONG, MISSING_RECEIVED_AT, BAD_DATE
 * (any mapped date column), MISSING_ID (id column mapped but empty), BAD_NUMBER (transfers).
 * Flags: future_date, closed_before_received, negative_response, instant_closure, coordinate flags,
 * unparsed_satisfaction, unparsed_status. Without an id column the id is a hash of the row's cells.
 */
import { splitCategoryPath } from './category-path';
import { checkCoords } from './coords';
import { createDateParser, DEFAULT_TIMEZONE } from './datetime';
import { hashKey } from './hash';
import { cellText, cleanCell, isBlank, trimText, truncate } from './text';
import type { Cell, ColumnMapping, LocationStatus, MappingSpec, QualityFlag, RejectCode, RowResult, StandardField, StandardRow } from './types';
import { normalisePhone, parseChannel, parseNumber, parseRequestType, parseSatisfaction, parseStatus } from './values';
import { assertTimeZone, DAY_MS } from './zone';

export interface RowMapperOptions {
  /** Number of header columns; non-empty cells beyond it make a RAGGED_ROW. */
  headerCount: number;
  /** Import time (epoch ms), injected; receivedAt later than now + 1 day is flagged future_date. */
  now: number;
  /** Longest accepted cell (characters); default 32768. */
  maxFieldLength?: number;
}

export type RowMapper = (cells: Cell[], rowNumber: number) => RowResult;

const INSTANT_MS = 5 * 60_000;
const ID_SEPARATOR = '\u001f';

function reject(code: RejectCode, params: Record<string, string | number>): RowResult {
  return { ok: false, rejection: { code, params } };
}

/**
 * Memoise a value parser on the cell text: enumerated columns (status, channel, satisfaction, categories)
 * repeat a few hundred distinct values over millions of rows. Results are shared, so never mutated.
 */
function memo<T>(fn: (cell: Cell) => T, limit = 4096): (cell: Cell) => T {
  const cache = new Map<string, T>();
  return (cell) => {
    if (typeof cell !== 'string') return fn(cell);
    let v = cache.get(cell);
    if (v === undefined) {
      v = fn(cell);
      if (cache.size < limit) cache.set(cell, v);
    }
    return v;
  };
}

type TextOf = (cells: Cell[]) => string | null;
const NONE: TextOf = () => null;

/** Text of the columns mapped to one field: one column cleaned; several joined (newline or space). */
function textOf(mappings: ColumnMapping[] | undefined, multiline: boolean): TextOf {
  if (!mappings || mappings.length === 0) return NONE;
  if (mappings.length === 1) {
    const c = mappings[0].column;
    return (cells) => cleanCell(cells[c], multiline);
  }
  const cols = mappings.map((m) => m.column);
  const joiner = multiline ? '\n' : ' ';
  return (cells) => {
    let out: string | null = null;
    for (const c of cols) {
      const v = cleanCell(cells[c], multiline);
      if (v !== null) out = out === null ? v : out + joiner + v;
    }
    return out;
  };
}

/** Stable text of a whole row for the id hash (trailing empty cells ignored). */
function rowText(cells: Cell[]): string {
  let end = cells.length;
  while (end > 0 && isBlank(cells[end - 1])) end--;
  let s = '';
  for (let i = 0; i < end; i++) s += (i ? ID_SEPARATOR : '') + trimText(cellText(cells[i]));
  return s;
}

/** Compile a mapping into a fast row function. Throws RangeError for an unknown time zone. */
export function createRowMapper(spec: MappingSpec, opts: RowMapperOptions): RowMapper {
  const tz = spec.timezone || DEFAULT_TIMEZONE;
  assertTimeZone(tz);
  const crs = spec.crs ?? 'wgs84';
  const byField = new Map<StandardField, ColumnMapping[]>();
  for (const m of spec.columns) {
    const list = byField.get(m.field) ?? [];
    list.push(m);
    byField.set(m.field, list);
  }
  const first = (f: StandardField): ColumnMapping | null => byField.get(f)?.[0] ?? null;
  const col = (f: StandardField): number => first(f)?.column ?? -1;
  const headerOf = new Map<number, string>(spec.columns.map((m) => [m.column, m.header]));
  const columnName = (i: number): string => headerOf.get(i) || `#${i + 1}`;
  const dateOf = (f: StandardField) => {
    const m = first(f);
    return m ? { col: m.column, header: m.header || `#${m.column + 1}`, parse: createDateParser({ format: m.dateFormat, timezone: tz }) } : null;
  };

  const headerCount = opts.headerCount;
  const maxLen = opts.maxFieldLength ?? 32768;
  const futureLimit = opts.now + DAY_MS;
  const rec = dateOf('receivedAt');
  const dates = [dateOf('firstResponseAt'), dateOf('closedAt')];
  const idCol = col('externalId');
  const trCol = col('transfers');
  const lonCol = col('lon');
  const latCol = col('lat');
  const satCol = col('satisfaction');
  const stCol = col('status');
  const chCol = col('channel');
  const rtCol = col('requestType');
  const phCol = col('callerPhone');
  const origCol = col('categoryOriginal');
  const satLabels = spec.satisfactionLabels;
  const stLabels = spec.statusLabels;
  const satisfactionOf = memo((c) => parseSatisfaction(c, satLabels));
  const statusOf = memo((c) => parseStatus(c, stLabels));
  const channelOf = memo(parseChannel);
  const requestTypeOf = memo(parseRequestType);
  const categoryOf = memo((c) => cleanCell(c, false));
  const pathOf = new Map<string, { parts: string[]; joined: string } | null>();
  const splitPath = (text: string): { parts: string[]; joined: string } | null => {
    let p = pathOf.get(text);
    if (p === undefined) {
      const parts = splitCategoryPath(text);
      p = parts ? { parts, joined: parts.join(' / ') } : null;
      if (pathOf.size < 4096) pathOf.set(text, p);
    }
    return p;
  };

  const catMaps = [first('cat1'), first('cat2'), first('cat3')];
  const anyCat = catMaps.some((m) => m !== null);
  /** NYC style: Complaint Type (categoryOriginal) + Descriptor (cat2) — the original text is the first level. */
  const origIsLevel1 = origCol >= 0 && catMaps[0] === null && anyCat;
  const cat = catMaps.map((m): TextOf => {
    if (!m) return NONE;
    const c = m.column;
    return (cells) => categoryOf(cells[c]);
  });
  const title = textOf(byField.get('title'), false);
  const content = textOf(byField.get('content'), true);
  const address = textOf(byField.get('address'), false);
  const district = textOf(byField.get('district'), false);
  const street = textOf(byField.get('street'), false);
  const community = textOf(byField.get('community'), false);
  const department = textOf(byField.get('department'), false);
  const replyText = textOf(byField.get('reply'), true);
  return (cells: Cell[]): RowResult => {
    const n = cells.length;
    if (n > headerCount) {
      let last = n - 1;
      while (last >= headerCount && isBlank(cells[last])) last--;
      if (last >= headerCount) return reject('RAGGED_ROW', { expected: headerCount, found: last + 1 });
    }
    for (let i = 0; i < n; i++) {
      const c = cells[i];
      if (typeof c === 'string' && c.length > maxLen) return reject('FIELD_TOO_LONG', { column: columnName(i), length: c.length });
    }
    if (!rec || isBlank(cells[rec.col])) return reject('MISSING_RECEIVED_AT', {});
    const receivedAt = rec.parse(cells[rec.col]);
    if (receivedAt === null) return reject('BAD_DATE', { column: rec.header, value: truncate(cellText(cells[rec.col]), 50) });
    let firstResponseAt: number | null = null;
    let closedAt: number | null = null;
    for (let k = 0; k < 2; k++) {
      const d = dates[k];
      if (!d || isBlank(cells[d.col])) continue;
      const t = d.parse(cells[d.col]);
      if (t === null) return reject('BAD_DATE', { column: d.header, value: truncate(cellText(cells[d.col]), 50) });
      if (k === 0) firstResponseAt = t; else closedAt = t;
    }
    let externalId: string;
    if (idCol >= 0) {
      const v = cells[idCol];
      externalId = v === null || v === undefined ? '' : trimText(cellText(v));
      if (externalId === '') return reject('MISSING_ID', {});
    } else externalId = hashKey(rowText(cells));
    let transfers = 0;
    if (trCol >= 0 && !isBlank(cells[trCol])) {
      const v = parseNumber(cells[trCol]);
      if (v === null || v < 0 || !Number.isInteger(v)) return reject('BAD_NUMBER', { column: columnName(trCol), value: truncate(cellText(cells[trCol]), 50) });
      transfers = v;
    }

    const flags: QualityFlag[] = [];
    if (receivedAt > futureLimit) flags.push('future_date');
    if (closedAt !== null) {
      const d = closedAt - receivedAt;
      if (d < 0) flags.push('closed_before_received'); else if (d <= INSTANT_MS) flags.push('instant_closure');
    }
    if (firstResponseAt !== null && firstResponseAt < receivedAt) flags.push('negative_response');

    let lon: number | null = null;
    let lat: number | null = null;
    let locationStatus: LocationStatus = 'none';
    if (lonCol >= 0 && latCol >= 0) {
      const r = checkCoords(cells[lonCol], cells[latCol], crs);
      lon = r.lon; lat = r.lat; locationStatus = r.status;
      for (const f of r.flags) flags.push(f);
    }

    let c1 = cat[0](cells);
    let c2 = cat[1](cells);
    let c3 = cat[2](cells);
    let categoryOriginal = origCol >= 0 ? categoryOf(cells[origCol]) : null;
    if (!anyCat) {
      if (categoryOriginal !== null) {
        const p = splitPath(categoryOriginal);
        if (p) { c1 = p.parts[0]; c2 = p.parts[1] ?? null; c3 = p.parts[2] ?? null; categoryOriginal = p.joined; }
      }
    } else {
      if (origIsLevel1) c1 = categoryOriginal;
      if ((origIsLevel1 || categoryOriginal === null) && (c1 !== null || c2 !== null || c3 !== null)) {
        categoryOriginal = [c1, c2, c3].filter((x) => x !== null).join(' / ');
      }
    }

    let satisfaction: number | null = null;
    let satisfactionLabel: string | null = null;
    if (satCol >= 0) {
      const s = satisfactionOf(cells[satCol]);
      satisfaction = s.value; satisfactionLabel = s.label;
      if (!s.known) flags.push('unparsed_satisfaction');
    }
    let status: StandardRow['status'] = null;
    let statusOriginal: string | null = null;
    if (stCol >= 0) {
      const s = statusOf(cells[stCol]);
      status = s.value; statusOriginal = s.label;
      if (!s.known) flags.push('unparsed_status');
    }

    const row: StandardRow = {
      externalId,
      receivedAt,
      firstResponseAt,
      closedAt,
      channel: chCol >= 0 ? channelOf(cells[chCol]) : null,
      requestType: rtCol >= 0 ? requestTypeOf(cells[rtCol]) : null,
      catLabels: [c1, c2, c3],
      categoryOriginal,
      title: title(cells),
      content: content(cells),
      address: address(cells),
      district: district(cells),
      street: street(cells),
      community: community(cells),
      lon,
      lat,
      crsOriginal: locationStatus === 'coordinates' ? crs : null,
      locationStatus,
      department: department(cells),
      transfers,
      status,
      statusOriginal,
      reply: replyText(cells),
      satisfaction,
      satisfactionLabel,
      callerPhone: phCol >= 0 ? normalisePhone(cells[phCol]) : null,
    };
    return { ok: true, row, flags };
  };
}
