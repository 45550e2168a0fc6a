import type { Filter } from '../../../../shared/model/filter';
import { areaBbox } from '../../../../shared/domain/geo/area';
import { AREA_SQL_FUNCTION } from '../sql-functions';
import { ftsMatchExpression } from '../../../../shared/domain/text/fts-query';

/** Translates the shared filter into a parameterised WHERE clause over `records r`. */
export function filterToSql(f: Filter): { where: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const inList = (col: string, values: readonly unknown[]) => {
    parts.push(`${col} IN (${values.map(() => '?').join(',')})`);
    params.push(...values);
  };
  if (f.from !== undefined) { parts.push('r.received_at >= ?'); params.push(f.from); }
  if (f.to !== undefined) { parts.push('r.received_at < ?'); params.push(f.to); }
  if (f.sources?.length) inList('r.source_code', f.sources);
  if (f.districts?.length) inList('r.district', f.districts);
  if (f.streets?.length) inList('r.street', f.streets);
  if (f.communities?.length) inList('r.community', f.communities);
  if (f.departments?.length) inList('r.department', f.departments);
  if (f.statuses?.length) inList('r.status', f.statuses);
  if (f.requestTypes?.length) inList('r.request_type', f.requestTypes);
  if (f.channels?.length) inList('r.channel', f.channels);
  if (f.area) {
    const [x0, y0, x1, y1] = areaBbox(f.area);
    parts.push('r.lon BETWEEN ? AND ? AND r.lat BETWEEN ? AND ?');
    params.push(x0, x1, y0, y1);
    if (f.area.type !== 'bbox') { parts.push(`${AREA_SQL_FUNCTION}(r.lon, r.lat, ?) = 1`); params.push(JSON.stringify(f.area)); }
  }
  if (f.categories?.length) {
    const ph = f.categories.map(() => '?').join(',');
    parts.push(`(r.cat1_id IN (${ph}) OR r.cat2_id IN (${ph}) OR r.cat3_id IN (${ph}))`);
    params.push(...f.categories, ...f.categories, ...f.categories);
  }
  const q = f.q?.trim();
  if (q) {
    // Free text: the bigram FTS index (exact substrings, every whitespace-separated term required;
    // see shared/domain/text/fts-query.ts), or the exact ticket number through the unique index.
    const match = ftsMatchExpression(q);
    if (match) {
      parts.push('r.id IN (SELECT rowid FROM text_fts WHERE text_fts MATCH ? UNION SELECT id FROM records WHERE source_code IN (SELECT code FROM sources) AND external_id = ?)');
      params.push(match, q);
    } else {
      const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      parts.push("(r.title LIKE ? ESCAPE '\\' OR r.content LIKE ? ESCAPE '\\' OR r.address LIKE ? ESCAPE '\\' OR r.external_id = ?)");
      params.push(like, like, like, q);
    }
  }
  return { where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}
