import { describe, expect, it } from 'vitest';
import {
  bucketLabel, bucketOf, bucketStart, contentWords, emergingTerms, hamming, keyness, logLikelihood, repeatClusters, simhashOfTerms, stopwordSet,
  textRank, tfidfTop, type RepeatItem,
} from '../../../../shared/domain/text';

describe('TF-IDF and keyness', () => {
  it('ranks a selection-specific term above a term that is everywhere', () => {
    // term 0 in every document of the corpus, term 1 in few documents but all of the selection's
    const top = tfidfTop([100, 80, 1], [10_000, 200, 50], 10_000, { top: 2 });
    expect(top.map((t) => t.id)).toEqual([1, 0]);
    expect(tfidfTop([100, 80], [10_000, 200], 10_000, { top: 5, skip: (id) => id === 1 }).map((t) => t.id)).toEqual([0]);
  });

  it('computes Dunning G² (known value) and keeps only over-represented terms', () => {
    expect(logLikelihood(10, 10, 100, 100)).toBeCloseTo(0, 9);
    expect(logLikelihood(30, 10, 1000, 1000)).toBeCloseTo(10.465, 2);
    const k = keyness([30, 10, 50], 1000, [10, 30, 50], 1000, { top: 10 });
    expect(k.map((x) => x.id)).toEqual([0]);
    expect(k[0].logRatio).toBeGreaterThan(1);
  });

  it('reports emerging terms with their first-seen time', () => {
    const out = emergingTerms([40, 5], 500, [2, 5], 1500, [1_700_000_000_000, 1_600_000_000_000], { top: 5 });
    expect(out.map((t) => [t.id, t.firstSeen])).toEqual([[0, 1_700_000_000_000]]);
  });
});

describe('time buckets (Asia/Shanghai)', () => {
  it('puts a late-evening UTC instant into the next Shanghai day/month', () => {
    const t = Date.UTC(2024, 0, 31, 17, 0); // 2024-02-01 01:00 in Shanghai
    expect(bucketLabel(bucketOf(t, 'month'), 'month')).toBe('2024-02');
    expect(bucketLabel(bucketOf(t, 'week'), 'week')).toBe('2024-01-29'); // Monday
    expect(bucketStart(bucketOf(t, 'day'), 'day')).toBe(Date.UTC(2024, 0, 31, 16, 0));
  });
});

describe('TextRank and repeats', () => {
  it('ranks the word that co-occurs with everything first', () => {
    const docs = [['物业', '电梯', '故障'], ['物业', '停车', '收费'], ['物业', '噪音'], ['电梯', '故障']];
    expect(textRank(docs, { top: 2 }).map((w) => w.term)[0]).toBe('物业');
  });

  it('clusters near-identical texts on the same street within the window, and same-caller requests', () => {
    const a = ['小区', '电梯', '故障', '停运', '维修', '物业', '老人', '出行', '困难', '多次', '报修'];
    const near = [...a.slice(0, 10), '至今'];
    const other = ['道路', '积水', '严重', '下水道', '堵塞', '雨天', '车辆', '通行', '行人', '绕行', '不便'];
    expect(hamming(simhashOfTerms(a), simhashOfTerms(near))).toBeLessThanOrEqual(8);
    const day = 86_400_000;
    const item = (id: number, t: number, terms: string[], group: string, caller: string | null = null): RepeatItem => ({ id, time: t * day, group, caller, hash: simhashOfTerms(terms) });
    const items = [item(1, 0, a, 'S1'), item(2, 3, a, 'S1'), item(3, 4, other, 'S1', 'c9'), item(4, 5, a, 'S2'), item(5, 90, a, 'S1'), item(6, 20, other, 'S3', 'c9')];
    const clusters = repeatClusters(items, { windowDays: 30, maxDistance: 3 }).map((c) => c.map((i) => items[i].id));
    expect(clusters).toEqual([[1, 2], [3, 6]]);
  });
});

describe('content words', () => {
  it('drops punctuation, numbers, single Han characters and stopwords; lower-cases English', () => {
    const seg = (s: string) => s.split('|');
    expect(contentWords('市民|来电|反映|：|小区|的|Elevator|12|电梯', seg, stopwordSet())).toEqual(['小区', 'elevator', '电梯']);
  });
});
