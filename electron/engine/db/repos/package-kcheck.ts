/**
 * SQL of the preview's k-anonymity check: the selection grouped by what determines each quasi-identifier
 * after anonymisation (the local time bucket, the grid cell, the community polygon…), so SQLite does the
 * counting and the engine only labels the groups (services/package/kcheck.ts) exactly as the export does.
 */
import type Database from 'better-sqlite3';
import type { Filter } from '../../../../shared/model/filter';
import type { AnonymiseSettings, QuasiIdentifier, TimeUnit } from '../../../../shared/domain/anonymise/settings';
import { M_PER_DEG } from '../../../../shared/domain/geo/measure';
import { filterToSql } from './filter-sql';

const SHIFT = 8 * 3_600_000;

/** The local (UTC+8) label of the coarsened received time, as timeLabel() writes it. */
function timeExpr(unit: TimeUnit): string {
  const sec = `(r.received_at + ${SHIFT}) / 1000`;
  const day = `((r.received_at + ${SHIFT}) / 86400000)`;
  switch (unit) {
    case 'keep': return `strftime('%Y-%m-%d %H:%M:%S', ${sec}, 'unixepoch')`;
    case 'hour': return `strftime('%Y-%m-%d %H:00', ${sec}, 'unixepoch')`;
    case 'day': return `strftime('%Y-%m-%d', ${sec}, 'unixepoch')`;
    case 'week': return `strftime('%Y-%m-%d', (${day} - ((${day} + 3) % 7)) * 86400, 'unixepoch')`;
    case 'month': return `strftime('%Y-%m', ${sec}, 'unixepoch')`;
  }
}

/** Columns that determine the location quasi-identifier (see the service for how each is labelled). */
function locationExprs(s: AnonymiseSettings): string[] {
  const none = '(r.lon IS NULL OR r.lat IS NULL)';
  switch (s.location.mode) {
    case 'keep': return ['r.lon', 'r.lat'];
    case 'drop': return ['NULL'];
    case 'donut': return [`CASE WHEN ${none} THEN NULL ELSE r.id END`];
    case 'community': return [none, 'g.community_fid', 'r.community'];
    case 'grid': {
      const dLat = s.location.gridM / M_PER_DEG;
      const row = `floor(r.lat / ${dLat})`;
      const step = `(${s.location.gridM} / (${M_PER_DEG} * cos(((${row} + 0.5) * ${dLat}) * ${Math.PI / 180})))`;
      return [`CASE WHEN ${none} THEN NULL ELSE CAST(${row} AS INTEGER) END`, `CASE WHEN ${none} THEN NULL ELSE CAST(floor(r.lon / ${step}) AS INTEGER) END`];
    }
  }
}

const cat = (n: number) => `CASE WHEN c${n}.code IS NULL THEN NULL ELSE c${n}.code || ' ' || c${n}.name END`;

/** The SQL columns of each quasi-identifier, in order (location may take several). */
export function quasiExprs(qis: readonly QuasiIdentifier[], s: AnonymiseSettings): string[][] {
  const dropped = new Set<string>(s.dropColumns);
  const col = (c: string) => (dropped.has(c) ? 'NULL' : `r.${c}`);
  return qis.map((q) => {
    switch (q) {
      case 'district': return ['r.district'];
      case 'street': return [col('street')];
      case 'community': return [col('community')];
      case 'department': return [col('department')];
      case 'requestType': return ['r.request_type'];
      case 'channel': return ['r.channel'];
      case 'source': return ['r.source_code'];
      case 'category1': return [cat(1)];
      case 'category2': return [cat(2)];
      case 'category3': return [cat(3)];
      case 'receivedAt': return [timeExpr(s.time)];
      case 'location': return locationExprs(s);
    }
  });
}

/** Rows of [determinant columns…, count] for the records of the selection with ids in [lo, hi]. */
export function quasiGroups(db: Database.Database, filter: Filter, exprs: readonly string[][], communities: boolean, ids: [number, number]): unknown[][] {
  const { where, params } = filterToSql(filter);
  const flat = exprs.flat();
  const join = communities ? 'LEFT JOIN record_geo g ON g.record_id = r.id' : '';
  const range = `${where ? `${where} AND` : 'WHERE'} r.id BETWEEN ? AND ?`;
  return db.prepare(`SELECT ${flat.join(', ')}, count(*) FROM records r
    LEFT JOIN categories c1 ON c1.id = r.cat1_id LEFT JOIN categories c2 ON c2.id = r.cat2_id LEFT JOIN categories c3 ON c3.id = r.cat3_id
    ${join} ${range} GROUP BY ${flat.map((_, i) => i + 1).join(', ')}`).raw().all(...params, ...ids) as unknown[][];
}

/** The smallest and largest record id (the check walks the table in id ranges). */
export function recordIdRange(db: Database.Database): [number, number] | null {
  const r = db.prepare('SELECT min(id) AS lo, max(id) AS hi FROM records').get() as { lo: number | null; hi: number | null };
  return r.lo === null || r.hi === null ? null : [r.lo, r.hi];
}
