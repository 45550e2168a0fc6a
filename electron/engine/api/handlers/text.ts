import type Database from 'better-sqlite3';
import { DEFAULT_STOPWORDS } from '../../../../shared/domain/text';
import type { textMethods } from '../../../../shared/api/areas/text';
import type { EngineContext } from '../../context';
import { SqliteTextRepository, type RecordText } from '../../db/repos/text-repo';
import { TextChunkRepository } from '../../db/repos/text-chunks';
import { SqliteTextResultsRepository } from '../../db/repos/text-results';
import { rowsToArrowIPC } from '../../services/arrow';
import { compare, emerging, flow, keywords, textRankKeywords } from '../../services/text/analyses';
import { hotlineLexicon, segmenterFor } from '../../services/text/segmenter';
import type { HandlerGroup } from '../types';
import { startProjectJob } from './jobs';

type TextMethod = keyof typeof textMethods;

const db = (ctx: EngineContext): Database.Database => ctx.projects.require().handle.db;
const repo = (ctx: EngineContext) => new SqliteTextRepository(db(ctx));
const results = (ctx: EngineContext) => new SqliteTextResultsRepository(db(ctx));
const job = (ctx: EngineContext, kind: string, params: unknown) => ({ jobId: startProjectJob(ctx, kind, params) });

/** Column order and types of the `text.search` Arrow stream. */
export const TEXT_SEARCH_COLUMNS = [
  ['id', 'int32'], ['externalId', 'utf8'], ['receivedAt', 'float64'], ['title', 'utf8'], ['content', 'utf8'], ['address', 'utf8'],
  ['district', 'utf8'], ['status', 'utf8'], ['cat1', 'utf8'], ['cat2', 'utf8'],
] as const satisfies readonly (readonly [keyof RecordText, 'utf8' | 'float64' | 'int32'])[];

export const textHandlers: HandlerGroup<TextMethod> = {
  'text.status': (_i, ctx) => {
    const r = repo(ctx);
    const chunks = new TextChunkRepository(db(ctx)).stats();
    return {
      records: r.recordCount(), indexed: chunks.records, vocabulary: r.vocabSize(), stale: r.isStale(),
      ftsBytes: r.ftsBytes(), termBytes: chunks.bytes,
    };
  },
  'text.reindex': (_i, ctx) => job(ctx, 'text.reindex', {}),
  'text.keywords': (i, ctx) => (i.method === 'textrank' ? textRankKeywords(db(ctx), i.filter, i.top) : keywords(db(ctx), i.filter, i.top)),
  'text.compare': (i, ctx) => compare(db(ctx), i.target, i.reference, i.top),
  'text.flow': (i, ctx) => flow(db(ctx), i.filter, i.unit, i.top),
  'text.emerging': (i, ctx) => emerging(db(ctx), i.filter, i.unit, i.recent, i.baseline, i.top),
  'text.search': (i, ctx) => rowsToArrowIPC(repo(ctx).searchPage(i.filter, i.offset, i.limit), TEXT_SEARCH_COLUMNS),
  'text.words': (_i, ctx) => {
    const r = repo(ctx);
    return { dict: r.words('dict'), stopAdded: r.words('stop'), stopRemoved: r.words('unstop'), defaultStopwords: [...DEFAULT_STOPWORDS], lexicon: hotlineLexicon(), places: r.placeNames().length };
  },
  'text.setWords': (i, ctx) => {
    const r = repo(ctx);
    const before = r.words(i.kind).join('\n');
    const words = [...new Set(i.words.map((w) => w.trim()))];
    r.setWords(i.kind, words, Date.now());
    if (i.kind === 'dict' && before !== [...words].sort().join('\n')) r.setStale(true);
    if (i.kind !== 'dict') r.bumpVersion(Date.now());
    ctx.projects.require().audit.append({ at: Date.now(), actor: 'user', action: 'text.setWords', detail: { kind: i.kind, words: words.length } });
    return { words: words.length, stale: r.isStale() };
  },
  'text.segment': (i, ctx) => {
    const r = repo(ctx);
    return { tokens: segmenterFor(r.placeNames(), r.words('dict')).cut(i.text).filter((w) => /[\p{L}\p{N}]/u.test(w)) };
  },
  'text.pii': (_i, ctx) => repo(ctx).piiByBatch(),
  'text.findRepeats': (i, ctx) => job(ctx, 'text.repeats', i),
  'text.repeats': (i, ctx) => {
    const res = results(ctx);
    const { total, rows } = res.clusters(i.filter, i.offset, i.limit);
    const samples = new Map(repo(ctx).recordTexts(rows.map((r) => r.sampleRecordId)).map((t) => [t.id, t]));
    return {
      total, computed: res.repeatsMeta(),
      clusters: rows.map((r) => {
        const s = samples.get(r.sampleRecordId);
        return { id: r.id, size: r.size, inFilter: r.inFilter, firstAt: r.firstAt, lastAt: r.lastAt, byCaller: r.byCaller === 1, byText: r.byText === 1, title: s?.title ?? null, content: s?.content ?? null, street: s?.street ?? null };
      }),
    };
  },
  'text.repeatCluster': (i, ctx) => results(ctx).clusterMembers(i.id),
  'text.train': (i, ctx) => job(ctx, 'text.train', i),
  'text.model': (_i, ctx) => {
    const m = results(ctx).latestModel();
    if (!m) return null;
    const metrics = JSON.parse(m.metrics) as Record<string, unknown>;
    return { id: m.id, level: m.level, createdAt: m.createdAt, ...metrics } as never;
  },
  'text.suggestions': (i, ctx) => results(ctx).suggestions(i.status, i.minConfidence, i.offset, i.limit),
  'text.decide': (i, ctx) => job(ctx, 'text.decide', i),
  'text.groupTopics': (i, ctx) => job(ctx, 'text.topics', i),
  'text.topics': (_i, ctx) => {
    const list = results(ctx).topics();
    const texts = new Map(repo(ctx).recordTexts(list.flatMap((t) => (JSON.parse(t.recordIds) as number[]).slice(0, 3))).map((r) => [r.id, r]));
    return list.map((t) => ({
      id: t.id, name: t.name, terms: JSON.parse(t.terms) as string[], size: t.size,
      examples: (JSON.parse(t.recordIds) as number[]).slice(0, 3).map((id) => texts.get(id)).filter((r): r is RecordText => r !== undefined)
        .map((r) => ({ id: r.id, title: r.title, content: r.content })),
    }));
  },
  'text.renameTopic': (i, ctx) => ({ ok: results(ctx).renameTopic(i.id, i.name) }),
  'text.mergeTopics': (i, ctx) => ({ ok: results(ctx).mergeTopics(i.ids) }),
};
