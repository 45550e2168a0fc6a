/**
 * The live preview of a package's anonymisation: the newest records of the selection before and after
 * (those where something changed first), what was found in them, and the k-anonymity check over the
 * whole selection when it is small enough to check within the engine's response budget.
 */
import type Database from 'better-sqlite3';
import { randomBytes, randomInt } from 'node:crypto';
import {
  PACKAGE_COLUMNS, createAnonymiser, keptColumns, type AnonymiseSettings, type PackageRecord,
} from '../../../../shared/domain/anonymise';
import { Rng } from '../../../../shared/domain/demo/rng';
import type { Filter } from '../../../../shared/model/filter';
import type { PackagePreview } from '../../../../shared/api/areas/package';
import { SqlitePackageRepository } from '../../db/repos/package-repo';
import { communityLocator } from './community';
import { kCheck } from './kcheck';
import { toPackageRecord } from './export';

/** Records scanned for the sample and its statistics. */
export const PREVIEW_SCAN = 1000;
/** Largest selection the preview checks for k-anonymity (one GROUP BY in SQLite); the export checks every selection. */
export const PREVIEW_K_LIMIT = 1_000_000;

let latest = 0;

/** The preview; a newer call makes an older one's k-anonymity walk stop early (its answer is dropped by the UI). */
export async function previewPackage(db: Database.Database, filter: Filter, s: AnonymiseSettings, sampleSize = 6): Promise<PackagePreview> {
  const call = ++latest;
  const repo = new SqlitePackageRepository(db);
  const total = repo.count(filter);
  const rng = new Rng(randomInt(2 ** 31));
  const anon = createAnonymiser(s, { salt: randomBytes(16).toString('hex'), rng: () => rng.next() });
  const locate = s.location.mode === 'community' ? communityLocator(db) : null;
  const geo = (row: Parameters<NonNullable<typeof locate>>[0]) => (locate ? { communityCentroid: locate(row) } : undefined);
  // Records holding personal information first, then records that changed otherwise, then the rest.
  const buckets: { before: PackageRecord; after: PackageRecord }[][] = [[], [], []];
  let scanned = 0;
  for (const row of repo.rows(filter, { communities: locate !== null, limit: PREVIEW_SCAN, newest: true })) {
    scanned++;
    const foundBefore = anon.stats.recordsWithPii;
    const before = toPackageRecord(row);
    const after = anon.apply(before, geo(row));
    const bucket = anon.stats.recordsWithPii > foundBefore ? 0 : PACKAGE_COLUMNS.some((c) => before[c.name] !== after[c.name]) ? 1 : 2;
    if (buckets[bucket].length < sampleSize) buckets[bucket].push({ before, after });
  }
  const sample = buckets.flat().slice(0, sampleSize);
  const kAnonymity = s.quasiIdentifiers.length && total <= PREVIEW_K_LIMIT ? await kCheck(db, filter, s, () => call !== latest) : null;
  const kept = keptColumns(s).map((c) => c.name as string);
  return {
    total,
    columns: { kept, dropped: PACKAGE_COLUMNS.map((c) => c.name as string).filter((c) => !kept.includes(c)) },
    sample,
    scanned, stats: anon.stats, kAnonymity, kLimit: PREVIEW_K_LIMIT,
  };
}
