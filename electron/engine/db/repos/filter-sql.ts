import type { Filter } from '../../../../shared/model/filter';

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
  if (f.departments?.length) inList('r.department', f.departments);
  if (f.statuses?.length) inList('r.status', f.statuses);
  if (f.categories?.length) {
    const ph = f.categories.map(() => '?').join(',');
    parts.push(`(r.cat1_id IN (${ph}) OR r.cat2_id IN (${ph}) OR r.cat3_id IN (${ph}))`);
    params.push(...f.categories, ...f.categories, ...f.categories);
  }
  const q = f.q?.trim();
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push("(r.title LIKE ? ESCAPE '\\' OR r.content LIKE ? ESCAPE '\\' OR r.address LIKE ? ESCAPE '\\' OR r.external_id = ?)");
    params.push(like, like, like, q);
  }
  return { where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}
