import type Database from 'better-sqlite3';

/** Saved scheme versions and stored evaluation runs. */
export interface SchemeRow { id: number; key: string; version: number; name: string; schemeJson: string; createdAt: number }
export interface RunRow {
  id: number; schemeId: number; objectKind: string; periodsJson: string; filterJson: string; sensitivityPercent: number;
  dataHash: string; resultHash: string; resultJson: string; sourceRunId: number | null; createdAt: number; seconds: number;
}
export type RunListRow = Omit<RunRow, 'resultJson'> & { schemeKey: string; schemeVersion: number; schemeName: string };

export interface EvaluationRepository {
  listSchemes(): (SchemeRow & { versions: number })[];
  getScheme(id: number): SchemeRow | null;
  latestScheme(key: string): SchemeRow | null;
  listVersions(key: string): SchemeRow[];
  insertScheme(key: string, name: string, build: (version: number) => string, now: number): SchemeRow;
  deleteScheme(key: string, now: number): number;
  insertRun(r: Omit<RunRow, 'id'>): number;
  getRun(id: number): RunRow | null;
  listRuns(): RunListRow[];
  deleteRun(id: number): boolean;
}

const SCHEME_COLS = 'id, key, version, name, scheme_json AS schemeJson, created_at AS createdAt';
const RUN_COLS = `r.id, r.scheme_id AS schemeId, r.object_kind AS objectKind, r.periods_json AS periodsJson, r.filter_json AS filterJson,
  r.sensitivity_percent AS sensitivityPercent, r.data_hash AS dataHash, r.result_hash AS resultHash, r.source_run_id AS sourceRunId,
  r.created_at AS createdAt, r.seconds`;

export class SqliteEvaluationRepository implements EvaluationRepository {
  constructor(private readonly db: Database.Database) {}

  listSchemes(): (SchemeRow & { versions: number })[] {
    return this.db.prepare(`SELECT ${SCHEME_COLS}, (SELECT count(*) FROM evaluation_schemes v WHERE v.key = s.key) AS versions
      FROM evaluation_schemes s WHERE deleted_at IS NULL AND version = (SELECT max(version) FROM evaluation_schemes v WHERE v.key = s.key)
      ORDER BY created_at DESC`).all() as (SchemeRow & { versions: number })[];
  }

  getScheme(id: number): SchemeRow | null {
    return (this.db.prepare(`SELECT ${SCHEME_COLS} FROM evaluation_schemes WHERE id = ?`).get(id) as SchemeRow | undefined) ?? null;
  }

  latestScheme(key: string): SchemeRow | null {
    return (this.db.prepare(`SELECT ${SCHEME_COLS} FROM evaluation_schemes WHERE key = ? AND deleted_at IS NULL ORDER BY version DESC LIMIT 1`).get(key) as SchemeRow | undefined) ?? null;
  }

  listVersions(key: string): SchemeRow[] {
    return this.db.prepare(`SELECT ${SCHEME_COLS} FROM evaluation_schemes WHERE key = ? ORDER BY version`).all(key) as SchemeRow[];
  }

  /** A new version of `key`: one more than any version ever saved (deleted ones included). */
  insertScheme(key: string, name: string, build: (version: number) => string, now: number): SchemeRow {
    return this.db.transaction(() => {
      const last = (this.db.prepare('SELECT max(version) AS v FROM evaluation_schemes WHERE key = ?').get(key) as { v: number | null }).v ?? 0;
      const version = last + 1;
      const json = build(version);
      const id = Number(this.db.prepare('INSERT INTO evaluation_schemes (key, version, name, scheme_json, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(key, version, name, json, now).lastInsertRowid);
      return { id, key, version, name, schemeJson: json, createdAt: now };
    })();
  }

  /** Hides every version of a scheme; stored runs keep the version they used. */
  deleteScheme(key: string, now: number): number {
    return this.db.prepare('UPDATE evaluation_schemes SET deleted_at = ? WHERE key = ? AND deleted_at IS NULL').run(now, key).changes;
  }

  insertRun(r: Omit<RunRow, 'id'>): number {
    return Number(this.db.prepare(`INSERT INTO evaluation_runs (scheme_id, object_kind, periods_json, filter_json, sensitivity_percent, data_hash,
      result_hash, result_json, source_run_id, created_at, seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(r.schemeId, r.objectKind, r.periodsJson, r.filterJson, r.sensitivityPercent, r.dataHash, r.resultHash, r.resultJson, r.sourceRunId, r.createdAt, r.seconds).lastInsertRowid);
  }

  getRun(id: number): RunRow | null {
    return (this.db.prepare(`SELECT ${RUN_COLS}, r.result_json AS resultJson FROM evaluation_runs r WHERE r.id = ?`).get(id) as RunRow | undefined) ?? null;
  }

  listRuns(): RunListRow[] {
    return this.db.prepare(`SELECT ${RUN_COLS}, s.key AS schemeKey, s.version AS schemeVersion, s.name AS schemeName
      FROM evaluation_runs r JOIN evaluation_schemes s ON s.id = r.scheme_id ORDER BY r.id DESC`).all() as RunListRow[];
  }

  deleteRun(id: number): boolean {
    return this.db.prepare('DELETE FROM evaluation_runs WHERE id = ?').run(id).changes > 0;
  }
}
