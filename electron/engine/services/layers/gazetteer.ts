/**
 * The administrative gazetteer of a project: the shipped GB/T 2260 list (resources/gazetteer), the
 * user's own list (extending or replacing it), the project's region (chosen, else guessed from the
 * records' district names) and the matcher geocoding uses.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type Database from 'better-sqlite3';
import { ApiError } from '../../../../shared/api/errors';
import { AdminIndex, guessRegion, mergeDivisions, parseGazetteerTsv, parseUserDivisions, type AdminDivision, type RegionGuess } from '../../../../shared/domain/geo/gazetteer';
import { AdminMatcher } from '../../../../shared/domain/geo/gazetteer-match';
import { SqliteGazetteerRepository, type GazetteerSettings } from '../../db/repos/gazetteer-repo';
import { resourcePath } from '../text/segmenter';

let shippedCache: AdminDivision[] | null = null;
/** The shipped list (empty when the resource is missing). */
export function shippedDivisions(): AdminDivision[] {
  if (shippedCache) return shippedCache;
  const file = resourcePath('gazetteer/gbt2260.tsv.gz');
  shippedCache = file ? parseGazetteerTsv(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8')) : [];
  return shippedCache;
}

export interface GazetteerState {
  /** The region in use, how it was chosen, and its path (广东省 › 深圳市). */
  region: string | null; regionName: string | null; regionSource: 'chosen' | 'guessed' | null;
  chosen: string | null; guess: RegionGuess | null;
  /** Divisions geocoding recognises (counties and townships in the region, plus the user's list). */
  recognisable: number;
  shipped: number;
  userList: { mode: 'extend' | 'replace'; fileName: string; importedAt: number; count: number } | null;
}

export interface GazetteerContext { index: AdminIndex; matcher: AdminMatcher | null; state: GazetteerState }

const guessCache = new WeakMap<Database.Database, { key: string; guess: RegionGuess | null; listKey: string }>();

function cachedGuess(db: Database.Database, repo: SqliteGazetteerRepository, index: AdminIndex, listKey: string): RegionGuess | null {
  const k = db.prepare('SELECT (SELECT max(id) FROM records) AS r, (SELECT count(*) FROM batches) AS b, (SELECT max(id) FROM batches) AS m').get() as Record<string, number | null>;
  const key = `${k.r}|${k.b}|${k.m}`;
  const hit = guessCache.get(db);
  if (hit && hit.key === key && hit.listKey === listKey) return hit.guess;
  const guess = guessRegion(index, repo.districtCounts());
  guessCache.set(db, { key, guess, listKey });
  return guess;
}

const contextCache = new WeakMap<Database.Database, { key: string; ctx: GazetteerContext }>();

/** The project's gazetteer (cached while settings and records stay the same). */
export function gazetteerContext(db: Database.Database): GazetteerContext {
  const repo = new SqliteGazetteerRepository(db);
  const s = repo.settings();
  const user = s.userList;
  const shipped = shippedDivisions();
  const indexKey = user ? `${user.importedAt}|${user.mode}|${user.divisions.length}` : '';
  const prev = contextCache.get(db);
  const index = prev && prev.key.startsWith(`${indexKey}#`) ? prev.ctx.index : new AdminIndex(user ? mergeDivisions(shipped, user.divisions, user.mode) : shipped);
  const guess = cachedGuess(db, repo, index, indexKey);
  const key = `${indexKey}#${s.region}#${guess?.code ?? ''}|${guess?.share ?? ''}`;
  if (prev && prev.key === key) return prev.ctx;
  const ctx = buildContext(index, s, guess, shipped.length);
  contextCache.set(db, { key, ctx });
  return ctx;
}

function buildContext(index: AdminIndex, s: GazetteerSettings, guess: RegionGuess | null, shipped: number): GazetteerContext {
  const user = s.userList;
  const chosen = s.region && index.get(s.region) ? s.region : null;
  const region = chosen ?? guess?.code ?? null;
  const always = new Set((user?.divisions ?? []).map((d) => d.code));
  const matcher = index.divisions.length ? new AdminMatcher(index, { region, always }) : null;
  return {
    index, matcher,
    state: {
      region, regionName: region ? index.path(region) : null, regionSource: chosen ? 'chosen' : region ? 'guessed' : null, chosen: s.region, guess,
      recognisable: matcher?.size ?? 0, shipped,
      userList: user ? { mode: user.mode, fileName: user.fileName, importedAt: user.importedAt, count: user.divisions.length } : null,
    },
  };
}

/** Sets the region (null: guess) and/or drops the user's list. */
export function setGazetteer(db: Database.Database, patch: { region?: string | null; clearUserList?: boolean }): GazetteerState {
  const repo = new SqliteGazetteerRepository(db);
  const s: GazetteerSettings = repo.settings();
  if (patch.region !== undefined) {
    const d = patch.region === null ? null : gazetteerContext(db).index.get(patch.region);
    if (patch.region !== null && !d) throw new ApiError('BAD_INPUT', { detail: `unknown division code ${patch.region} / 未知的区划代码 ${patch.region}` });
    s.region = d?.code ?? null;
  }
  if (patch.clearUserList) s.userList = null;
  repo.setSettings(s);
  return gazetteerContext(db).state;
}

function decode(buf: Buffer): string {
  try { return new TextDecoder('utf-8', { fatal: true }).decode(buf); } catch { return new TextDecoder('gb18030').decode(buf); }
}

/** Reads a user's division list (CSV code,name[,parent[,level]]; UTF-8 or GB18030) into the project's settings. */
export function importDivisions(db: Database.Database, file: string, mode: 'extend' | 'replace', now: number): { state: GazetteerState; imported: number; problems: { row: number; reason: string }[]; rows: number } {
  const abs = path.resolve(file);
  if (!fs.existsSync(abs) || !fs.statSync(abs).isFile()) throw new ApiError('FILE_NOT_FOUND', { path: abs });
  const parsed = parseUserDivisions(decode(fs.readFileSync(abs)));
  const name = path.basename(abs);
  if (!parsed.divisions.length) {
    throw new ApiError('DIVISIONS_UNREADABLE', { file: name, detail: parsed.rows ? `no usable row among ${parsed.rows} / ${parsed.rows} 行中没有可用的行` : 'empty file / 文件为空' });
  }
  const repo = new SqliteGazetteerRepository(db);
  repo.setSettings({ ...repo.settings(), userList: { mode, fileName: name, importedAt: now, divisions: parsed.divisions } });
  return { state: gazetteerContext(db).state, imported: parsed.divisions.length, problems: parsed.problems, rows: parsed.rows };
}
