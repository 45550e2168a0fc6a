/**
 * The text jobs (write jobs, one transaction each): re-indexing, repeat detection, classifier
 * training with suggestions, deciding suggestions in bulk, and topic grouping.
 */
import {
  classify, hash32, holdOut, nmf, trainClassifier, repeatClusters, simhashFromIds, stopwordSet, textFeatures, transform, fitVectorizer, contentWords, type RepeatItem,
} from '../../../../shared/domain/text';
import type { Filter } from '../../../../shared/model/filter';
import { Rng } from '../../../../shared/domain/demo/rng';
import { SqliteTextRepository } from '../../db/repos/text-repo';
import { SqliteTextResultsRepository } from '../../db/repos/text-results';
import { SqliteAuditRepository } from '../../db/repos/audit-repo';
import type { JobContext } from '../../jobs/types';
import { updateDerived } from '../derived';
import { projectSegmenter, updateTextIndex } from './builder';
import { scan, select, stopSkipper, termIndex } from './term-index';

export function reindex(ctx: JobContext): { records: number } {
  updateTextIndex(ctx, { kind: 'rebuilt' });
  return { records: new SqliteTextRepository(ctx.db).recordCount() };
}

export interface RepeatParams { windowDays: number; maxDistance: number; byCaller: boolean }

/** Finds repeat clusters over every record and stores them (the UI filters them). */
export function findRepeats(ctx: JobContext, p: RepeatParams): { clusters: number; records: number; seconds: number } {
  const t0 = ctx.now();
  const results = new SqliteTextResultsRepository(ctx.db);
  const idx = termIndex(ctx.db);
  const skip = stopSkipper(ctx.db, idx);
  const hi = Uint32Array.from(idx.terms, (t) => hash32(t, 1));
  const lo = Uint32Array.from(idx.terms, (t) => hash32(t, 2));
  const hashes = new Map<number, [number, number] | null>();
  const v = new Int32Array(64);
  ctx.progress(0, null, '正在计算文本指纹');
  scan(idx, { bitmap: null, size: idx.docs }, (terms, _t, id) => { hashes.set(id, simhashFromIds(terms, hi, lo, skip, v)); });
  ctx.checkCancelled();
  const items: RepeatItem[] = results.repeatSources().map((r) => ({ id: r.id, time: r.receivedAt, group: r.group, caller: p.byCaller ? r.caller : null, hash: hashes.get(r.id) ?? null }));
  ctx.progress(0, null, '正在归并重复诉求');
  const groups = repeatClusters(items, { windowDays: p.windowDays, maxDistance: p.maxDistance, byCaller: p.byCaller });
  ctx.checkCancelled();
  results.saveClusters(groups.map((g) => {
    const callers = new Set(g.map((i) => items[i].caller).filter(Boolean));
    const withCaller = g.filter((i) => items[i].caller).length;
    return {
      size: g.length, firstAt: items[g[0]].time, lastAt: items[g[g.length - 1]].time,
      byCaller: callers.size > 0 && callers.size < withCaller, byText: callers.size !== 1 || withCaller < g.length,
      members: g.map((i) => items[i].id),
    };
  }), JSON.stringify({ ...p, at: ctx.now() }));
  return { clusters: groups.length, records: groups.reduce((a, g) => a + g.length, 0), seconds: (ctx.now() - t0) / 1000 };
}

export interface TrainParams { level: 1 | 2; maxTrain: number }

/** Trains the category suggester, reports held-out accuracy / macro-F1, then suggests categories for unlabelled and catch-all records. */
export function trainAndSuggest(ctx: JobContext, p: TrainParams): { modelId: number; accuracy: number; macroF1: number; trained: number; tested: number; suggested: number; classes: number } {
  const results = new SqliteTextResultsRepository(ctx.db);
  const repo = new SqliteTextRepository(ctx.db);
  const seg = projectSegmenter(repo);
  const stop = stopwordSet(repo.words('stop'), repo.words('unstop'));
  const catchAll = results.catchAllCategories(p.level);
  ctx.progress(0, null, '正在准备训练数据');
  const rows = results.labelled(p.level, p.maxTrain, catchAll);
  const labels = [...new Set(rows.map((r) => r.label))].sort((a, b) => a - b);
  if (labels.length < 2) throw new Error('need at least two labelled categories to train');
  const y = rows.map((r) => labels.indexOf(r.label));
  const docs = rows.map((r) => textFeatures(`${r.title ?? ''} ${r.content ?? ''}`, seg.segment, stop));
  ctx.checkCancelled();
  ctx.progress(0, null, '正在训练分类模型');
  const opts = { random: (() => { const r = new Rng(11); return () => r.next(); })(), epochs: 5, maxFeatures: 20_000 };
  const held = holdOut(docs, y, labels.length, 5, opts);
  ctx.checkCancelled();
  const model = trainClassifier(docs, y, labels.length, opts);
  const perClass = held.evaluation.perClass.map((m, i) => ({ categoryId: labels[i], name: results.categoryName(labels[i]), ...m }));
  const modelId = results.saveModel(p.level, ctx.now(), { level: p.level, accuracy: held.evaluation.accuracy, macroF1: held.evaluation.macroF1, trained: held.trainIdx.length, tested: held.testIdx.length, classes: labels.length, perClass, catchAll });
  const write = results.suggestionWriter(modelId);
  let after = 0;
  let suggested = 0;
  for (;;) {
    const batch = results.unlabelled(p.level, catchAll, after, 2000);
    if (batch.length === 0) break;
    for (const r of batch) {
      const out = classify(model, textFeatures(`${r.title ?? ''} ${r.content ?? ''}`, seg.segment, stop));
      write(r.id, labels[out.label], out.confidence);
      suggested++;
    }
    after = batch[batch.length - 1].id;
    ctx.progress(suggested, null, '正在生成分类建议');
    ctx.checkCancelled();
  }
  return { modelId, accuracy: held.evaluation.accuracy, macroF1: held.evaluation.macroF1, trained: held.trainIdx.length, tested: held.testIdx.length, suggested, classes: labels.length };
}

export async function decideSuggestions(ctx: JobContext, p: { recordIds?: number[]; minConfidence?: number; decision: 'accept' | 'reject' }): Promise<{ decided: number }> {
  const results = new SqliteTextResultsRepository(ctx.db);
  const ids = p.recordIds ?? results.pendingAbove(p.minConfidence ?? 0);
  const decided = results.decide(ids, p.decision === 'accept');
  if (p.decision === 'accept' && decided > 0) await updateDerived(ctx, { kind: 'recategorised' });
  new SqliteAuditRepository(ctx.db).append({ at: ctx.now(), actor: 'user', action: `text.suggestions.${p.decision}`, detail: { decided, minConfidence: p.minConfidence ?? null, ids: p.recordIds?.length ?? null } });
  return { decided };
}

/** Topic grouping: NMF over TF-IDF of a sample of the selection; topics stored for renaming and merging. */
export function groupTopics(ctx: JobContext, p: { filter: Filter; k: number; sample: number }): { topics: number; sampled: number } {
  const repo = new SqliteTextRepository(ctx.db);
  const idx = termIndex(ctx.db);
  const ids: number[] = [];
  scan(idx, select(ctx.db, p.filter), (_t, _time, id) => { ids.push(id); });
  const rng = new Rng(5);
  for (let i = ids.length - 1; i > 0; i--) { const j = Math.floor(rng.next() * (i + 1)); [ids[i], ids[j]] = [ids[j], ids[i]]; }
  const picked = ids.slice(0, p.sample).sort((a, b) => a - b);
  const texts = repo.recordTexts(picked);
  const seg = projectSegmenter(repo);
  const stop = stopwordSet(repo.words('stop'), repo.words('unstop'));
  const docs = texts.map((r) => contentWords(`${r.title ?? ''} ${r.content ?? ''}`, seg.segment, stop));
  const vec = fitVectorizer(docs, { minDf: 3, maxDf: 0.3, maxFeatures: 3000 });
  const X = docs.map((d) => transform(vec, d));
  ctx.progress(0, null, '正在归纳话题');
  const k = Math.max(2, Math.min(p.k, 20));
  const res = nmf(X, vec.features.length, k, { random: () => rng.next(), iterations: 80, topTerms: 8, topDocs: 6 });
  const topics = res.topics.filter((t) => t.size > 0).map((t) => {
    const terms = t.terms.map((i) => vec.features[i]);
    return { name: terms.slice(0, 3).join('·'), terms, size: Math.round((t.size / Math.max(1, picked.length)) * ids.length), recordIds: t.docs.map((d) => texts[d].id) };
  });
  new SqliteTextResultsRepository(ctx.db).saveTopics(topics, ctx.now());
  return { topics: topics.length, sampled: picked.length };
}
