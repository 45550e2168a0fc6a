/**
 * The preview's k-anonymity check over the whole selection: SQLite groups the records by what
 * determines each anonymised quasi-identifier, and each group is labelled here exactly as the export
 * labels records (quasiValues), so the preview and the manifest report the same groups.
 */
import type Database from 'better-sqlite3';
import { KAnonymityCounter, gridCentre, type AnonymiseSettings, type KAnonymityReport } from '../../../../shared/domain/anonymise';
import type { Filter } from '../../../../shared/model/filter';
import { quasiExprs, quasiGroups, recordIdRange } from '../../db/repos/package-kcheck';
import { communityLocator } from './community';

/** Records per slice: each slice is one short query, and other calls are served between slices. */
const SLICE_IDS = 10_000;

/**
 * Walks the selection in id slices, yielding to the event loop after each so the engine stays
 * responsive; `stale()` ends the walk early (null) when a newer preview has been asked for.
 */
export async function kCheck(db: Database.Database, filter: Filter, s: AnonymiseSettings, stale: () => boolean = () => false): Promise<KAnonymityReport | null> {
  const exprs = quasiExprs(s.quasiIdentifiers, s);
  const community = s.location.mode === 'community' && s.quasiIdentifiers.includes('location');
  const locate = community ? communityLocator(db) : null;
  const counter = new KAnonymityCounter(s.quasiIdentifiers);
  const label = (cols: unknown[]): string | null => {
    switch (s.location.mode) {
      case 'keep': return cols[0] === null || cols[1] === null ? null : `${cols[0]},${cols[1]}`;
      case 'grid': {
        if (cols[0] === null || cols[1] === null) return null;
        const [x, y] = gridCentre(Number(cols[0]), Number(cols[1]), s.location.gridM);
        return `${x},${y}`;
      }
      case 'donut': return cols[0] === null ? null : `#${String(cols[0])}`;
      case 'community': {
        if (cols[0] === 1) return null;
        const c = locate!({ community_fid: cols[1] as number | null, community: cols[2] as string | null });
        return c ? `${c[0]},${c[1]}` : null;
      }
      case 'drop': return null;
    }
  };
  const range = recordIdRange(db);
  for (let lo = range?.[0] ?? 1; range && lo <= range[1]; lo += SLICE_IDS) {
    for (const row of quasiGroups(db, filter, exprs, community, [lo, lo + SLICE_IDS - 1])) {
      const values: (string | null)[] = [];
      let at = 0;
      s.quasiIdentifiers.forEach((q, i) => {
        const cols = row.slice(at, at + exprs[i].length);
        at += exprs[i].length;
        values.push(q === 'location' ? label(cols) : cols[0] === null ? null : String(cols[0]));
      });
      counter.add(values, Number(row[row.length - 1]));
    }
    await new Promise<void>((r) => setImmediate(r));
    if (stale() || !db.open) return null;
  }
  return counter.report(s.k);
}
