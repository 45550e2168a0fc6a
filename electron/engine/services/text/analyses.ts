/**
 * Keyword analyses over the global filter: TF-IDF keywords, TextRank (on a sample, re-segmented),
 * distinctive terms of one selection against another, topic flow per week/month and emerging terms.
 */
import type Database from 'better-sqlite3';
import type { Filter } from '../../../../shared/model/filter';
import {
  bucketLabel, bucketOf, bucketStart, emergingTerms, isContentToken, keyness, normaliseToken, stopwordSet, textRank, tfidfTop,
} from '../../../../shared/domain/text';
import { Rng } from '../../../../shared/domain/demo/rng';
import { SqliteTextRepository } from '../../db/repos/text-repo';
import { projectSegmenter } from './builder';
import { complement, countTerms, scan, select, stopSkipper, termIndex, type Selection } from './term-index';

export interface KeywordOut { term: string; count: number; score: number }

export function keywords(db: Database.Database, filter: Filter, top: number): { docs: number; terms: KeywordOut[] } {
  const idx = termIndex(db);
  const { counts, docs } = countTerms(idx, select(db, filter));
  const skip = stopSkipper(db, idx);
  const terms = tfidfTop(counts, idx.df, idx.docs, { top, skip, minCount: docs > 50 ? 2 : 1 });
  return { docs, terms: terms.map((t) => ({ term: idx.terms[t.id], count: t.count, score: t.score })) };
}

/** TextRank over a random sample of the selection (texts re-segmented with part-of-speech tags). */
export function textRankKeywords(db: Database.Database, filter: Filter, top: number, sample = 1500): { docs: number; terms: KeywordOut[] } {
  const idx = termIndex(db);
  const sel = select(db, filter);
  const ids: number[] = [];
  scan(idx, sel, (_t, _time, id) => { ids.push(id); });
  const rng = new Rng(7);
  for (let i = ids.length - 1; i > 0 && ids.length - i <= sample; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [ids[i], ids[j]] = [ids[j], ids[i]];
  }
  const picked = ids.slice(Math.max(0, ids.length - sample));
  const repo = new SqliteTextRepository(db);
  const seg = projectSegmenter(repo);
  const stop = stopwordSet(repo.words('stop'), repo.words('unstop'));
  for (const p of repo.placeNames()) stop.add(p.toLowerCase());
  const keep = /^(n|nr|ns|nt|nz|vn|v|an|eng)/;
  const docs = repo.recordTexts(picked).map((r) => seg.tag(`${r.title ?? ''}。${r.content ?? ''}`)
    .filter((w) => keep.test(w.tag)).map((w) => normaliseToken(w.word)).filter((w) => isContentToken(w) && !stop.has(w)));
  const ranked = textRank(docs, { top });
  return { docs: sel.size, terms: ranked.map((r) => ({ term: r.term, count: 0, score: r.score })) };
}

export interface CompareOut { targetDocs: number; refDocs: number; terms: { term: string; count: number; refCount: number; score: number; logRatio: number }[] }

/** Distinctive terms of `target` against `reference` (null = every record outside the target). */
export function compare(db: Database.Database, target: Filter, reference: Filter | null, top: number): CompareOut {
  const idx = termIndex(db);
  const t = select(db, target);
  const r: Selection = reference ? select(db, reference) : complement(t, idx);
  const a = countTerms(idx, t);
  const b = countTerms(idx, r);
  const terms = keyness(a.counts, a.docs, b.counts, b.docs, { top, skip: stopSkipper(db, idx) });
  return { targetDocs: a.docs, refDocs: b.docs, terms: terms.map((k) => ({ term: idx.terms[k.id], count: k.count, refCount: k.refCount, score: k.score, logRatio: k.logRatio })) };
}

export interface FlowOut { unit: 'week' | 'month'; buckets: { start: number; label: string; docs: number }[]; series: { term: string; counts: number[] }[] }

/** Topic flow: the top terms of the selection counted per week or month (a ThemeRiver). */
export function flow(db: Database.Database, filter: Filter, unit: 'week' | 'month', top: number): FlowOut {
  const idx = termIndex(db);
  const sel = select(db, filter);
  const { counts, docs } = countTerms(idx, sel);
  const picked = tfidfTop(counts, idx.df, idx.docs, { top, skip: stopSkipper(db, idx), minCount: docs > 50 ? 2 : 1 });
  const slot = new Int16Array(idx.terms.length).fill(-1);
  picked.forEach((p, k) => { slot[p.id] = k; });
  let lo = Infinity;
  let hi = -Infinity;
  scan(idx, sel, (_t, time) => { const b = bucketOf(time, unit); if (b < lo) lo = b; if (b > hi) hi = b; });
  if (lo > hi) return { unit, buckets: [], series: [] };
  const n = hi - lo + 1;
  const matrix = picked.map(() => new Array<number>(n).fill(0));
  const bucketDocs = new Array<number>(n).fill(0);
  scan(idx, sel, (terms, time) => {
    const b = bucketOf(time, unit) - lo;
    bucketDocs[b]++;
    for (let k = 0; k < terms.length; k++) { const s = slot[terms[k]]; if (s >= 0) matrix[s][b]++; }
  });
  return {
    unit,
    buckets: bucketDocs.map((d, i) => ({ start: bucketStart(lo + i, unit), label: bucketLabel(lo + i, unit), docs: d })),
    series: picked.map((p, k) => ({ term: idx.terms[p.id], counts: matrix[k] })),
  };
}

export interface EmergingOut {
  unit: 'week' | 'month';
  recentFrom: number | null;
  baselineFrom: number | null;
  until: number | null;
  terms: { term: string; count: number; refCount: number; score: number; logRatio: number; firstSeen: number }[];
}

/** Terms rising fastest in the last `recent` buckets against the `baseline` buckets before them. */
export function emerging(db: Database.Database, filter: Filter, unit: 'week' | 'month', recent: number, baseline: number, top: number): EmergingOut {
  const idx = termIndex(db);
  const sel = select(db, filter);
  let last = -Infinity;
  scan(idx, sel, (_t, time) => { if (time > last) last = time; });
  if (!Number.isFinite(last)) return { unit, recentFrom: null, baselineFrom: null, until: null, terms: [] };
  const lastBucket = bucketOf(last, unit);
  const recentFrom = bucketStart(lastBucket - recent + 1, unit);
  const baselineFrom = bucketStart(lastBucket - recent - baseline + 1, unit);
  const size = idx.terms.length;
  const rc = new Uint32Array(size);
  const bc = new Uint32Array(size);
  const first = new Float64Array(size).fill(Infinity);
  let rDocs = 0;
  let bDocs = 0;
  scan(idx, sel, (terms, time) => {
    const target = time >= recentFrom ? rc : time >= baselineFrom ? bc : null;
    if (target === rc) rDocs++; else if (target === bc) bDocs++;
    for (let k = 0; k < terms.length; k++) {
      const t = terms[k];
      if (time < first[t]) first[t] = time;
      if (target) target[t]++;
    }
  });
  const terms = emergingTerms(rc, rDocs, bc, bDocs, first, { top, skip: stopSkipper(db, idx), minCount: 3 });
  return {
    unit, recentFrom, baselineFrom, until: last,
    terms: terms.map((k) => ({ term: idx.terms[k.id], count: k.count, refCount: k.refCount, score: k.score, logRatio: k.logRatio, firstSeen: k.firstSeen })),
  };
}
