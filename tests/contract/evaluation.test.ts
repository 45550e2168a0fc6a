/** Evaluation end to end over the engine: schemes, runs, reproducibility, evidence, the CLI agreeing with the API. */
import fs from 'node:fs';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../shared/api/client';
import { defaultScheme } from '../../shared/domain/evaluation';
import { runCli } from '../../electron/engine/cli/index';
import { tmpDir } from '../helpers/tmp';
import { inProcess, type TransportHarness } from './transports';

async function waitJob(api: ApiClient, start: () => Promise<{ jobId: string }>): Promise<{ status: string; result: unknown; message?: string }> {
  let resolve!: (v: { job: { jobId: string; status: string; message?: string }; result?: unknown }) => void;
  const ends = new Map<string, { job: { jobId: string; status: string; message?: string }; result?: unknown }>();
  let want: string | null = null;
  const off = api.on('job.done', (d) => { const e = d as never as { job: { jobId: string; status: string } }; ends.set(e.job.jobId, e as never); if (e.job.jobId === want) resolve(e as never); });
  const p = new Promise<{ job: { jobId: string; status: string; message?: string }; result?: unknown }>((r) => { resolve = r; });
  const { jobId } = await start();
  want = jobId;
  const end = ends.get(jobId) ?? await p;
  off();
  return { status: end.job.status, result: end.result, message: end.job.message };
}

describe('evaluation', () => {
  let h: TransportHarness; let api: ApiClient; let cleanup: () => void; let dir: string; let project: string;
  let schemeId: number; let runId: number;
  beforeAll(async () => {
    ({ dir, cleanup } = tmpDir('minsheng-eval-'));
    h = await inProcess(path.join(dir, 'data'));
    api = createApiClient(h.transport);
    project = path.join(dir, 'eval.minsheng');
    await api.call('project.create', { path: project });
    const d = await waitJob(api, () => api.call('demo.generate', { records: 6000, seed: 3 }));
    expect(d.status).toBe('succeeded');
  }, 180_000);
  afterAll(async () => { await h.close(); cleanup(); });

  it('returns the built-in default when nothing is saved, saves versions, exports and re-imports JSON', async () => {
    const def = await api.call('evaluation.getScheme', {});
    expect(def.id).toBeNull();
    expect(def.scheme).toEqual(defaultScheme());
    const s1 = await api.call('evaluation.saveScheme', { scheme: def.scheme });
    const s2 = await api.call('evaluation.saveScheme', { scheme: { ...def.scheme, minRecords: 20 } });
    expect([s1.version, s2.version]).toEqual([1, 2]);
    const list = await api.call('evaluation.listSchemes', {});
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ key: 'national-12345', version: 2, versions: 2 });
    const ex = await api.call('evaluation.exportScheme', { id: s2.id });
    const im = await api.call('evaluation.importScheme', { json: ex.json });
    expect(im.version).toBe(3);
    expect((await api.call('evaluation.getScheme', { id: im.id })).scheme.minRecords).toBe(20);
    schemeId = s2.id;
  });

  it('refuses broken schemes and files with a message in both languages; keeps CR > 0.1 as a warning', async () => {
    const bad = defaultScheme();
    bad.root.weighting = { method: 'ahp', matrix: [[1, 2], [0.5, 1]] };
    await expect(api.call('evaluation.saveScheme', { scheme: bad })).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/3 children/) });
    await expect(api.call('evaluation.importScheme', { json: '{not json' })).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/不是有效的 JSON.*not valid JSON/) });
    await expect(api.call('evaluation.importScheme', { json: '{"format":"x"}' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    const inc = defaultScheme();
    inc.key = 'inconsistent';
    inc.root.weighting = { method: 'ahp', matrix: [[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]] };
    const saved = await api.call('evaluation.saveScheme', { scheme: inc });
    expect(saved.problems).toEqual([expect.objectContaining({ severity: 'warning', code: 'inconsistent', nodeId: 'overall' })]);
    expect(saved.problems[0].message.zh).toMatch(/CR = .* > 0\.1/);
  });

  it('runs a scheme over two periods: ranks, rank change, weights, sensitivity, unavailable metrics with reasons', async () => {
    await expect(api.call('evaluation.run', { schemeId, objectKind: 'district', periods: ['2019-13'], filter: {} })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    const r = await waitJob(api, () => api.call('evaluation.run', { schemeId, objectKind: 'district', periods: ['2024', '2023'], filter: {}, sensitivityPercent: 15 }));
    expect(r.status).toBe('succeeded');
    runId = (r.result as { runId: number }).runId;
    const res = await api.call('evaluation.result', { runId });
    expect(res.periods.map((p) => p.label)).toEqual(['2023', '2024']);
    expect(res.scheme.version).toBe(2);
    expect(res.dataChanged).toBe(false);
    const [p1, p2] = res.periods;
    const ranked = p2.objects.filter((o) => o.rank !== null);
    expect(ranked.length).toBeGreaterThan(3);
    for (const o of ranked) {
      const before = p1.objects.find((x) => x.key === o.key)?.rank ?? null;
      expect(o.rankChange).toBe(before === null ? null : before - o.rank!);
      expect(o.score).toBe(o.scores.overall);
      expect(o.stability.minRank! <= o.rank! && o.rank! <= o.stability.maxRank!).toBe(true);
    }
    const best = ranked.reduce((a, b) => (a.score! >= b.score! ? a : b));
    expect(best.rank).toBe(1);
    expect(p2.weights.overall.ahp?.cr).toBeCloseTo(0, 10);
    expect(p2.scenarios.length).toBeGreaterThan(0);
    expect(p2.unavailable).toEqual(expect.arrayContaining([{ id: 'volume-capita', reason: 'populationMissing' }, { id: 'crisis-assign', reason: 'noAlerts' }]));
    // volume is the raw count of records of the district in the period
    const count = await api.call('records.count', { filter: { districts: [best.key], from: p2.from!, to: p2.to! } });
    expect(best.raw.volume).toBe(count.count);
    expect(best.records).toBe(count.count);
  });

  it('re-running gives identical numbers and says so', async () => {
    const r = await waitJob(api, () => api.call('evaluation.rerun', { runId }));
    const done = r.result as { runId: number; resultHash: string; matchesSource: boolean };
    expect(done.matchesSource).toBe(true);
    const a = await api.call('evaluation.result', { runId });
    const b = await api.call('evaluation.result', { runId: done.runId });
    expect(b.resultHash).toBe(a.resultHash);
    expect(b.periods).toEqual(a.periods);
    expect(b.sourceRunId).toBe(runId);
    const runs = await api.call('evaluation.listRuns', {});
    expect(runs.map((x) => x.id)).toEqual([done.runId, runId]);
  });

  it('evidence lists exactly the records counted for an indicator, by role; the timeline shows a record', async () => {
    const res = await api.call('evaluation.result', { runId });
    const p = res.periods[1];
    const o = p.objects.find((x) => x.eligible && x.counts.ontime.flag > 0)!;
    const c = o.counts.ontime;
    const all = tableFromIPC(await api.call('evaluation.evidenceRecords', { runId, period: p.label, object: o.key, indicatorId: 'ontime', offset: 0, limit: 5000 }));
    expect(all.numRows).toBe(o.records);
    const rows = all.toArray().map((r) => r.toJSON() as { id: number; role: string; district: string; closeH: number | null });
    for (const role of ['ok', 'flag', 'excluded', 'na'] as const) expect(rows.filter((r) => r.role === role).length).toBe(c[role]);
    expect(rows.every((r) => r.district === o.key)).toBe(true);
    expect(rows[0].role).toBe('flag');
    const flagged = tableFromIPC(await api.call('evaluation.evidenceRecords', { runId, period: p.label, object: o.key, indicatorId: 'ontime', roles: ['flag'], offset: 0, limit: 3 }));
    expect(flagged.numRows).toBe(Math.min(3, c.flag));
    const tl = await api.call('evaluation.timeline', { recordId: rows[0].id });
    expect(tl.events[0].kind).toBe('received');
    expect(tl.district).toBe(o.key);
    await expect(api.call('evaluation.evidenceRecords', { runId, period: p.label, object: o.key, indicatorId: 'nope', offset: 0, limit: 5 })).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });

  it('the CLI gives the same numbers as the API, and writes JSON and XLSX', async () => {
    const res = await api.call('evaluation.result', { runId });
    await api.call('project.close', {});
    const json = path.join(dir, 'out.json');
    const xlsx = path.join(dir, 'out.xlsx');
    const code = await runCli(['evaluate', project, '--scheme', 'national-12345@2', '--object', 'district', '--period', '2023,2024', '--sensitivity', '15', '--json', json, '--xlsx', xlsx]);
    expect(code).toBe(0);
    const cli = JSON.parse(fs.readFileSync(json, 'utf8')) as typeof res;
    expect(cli.resultHash).toBe(res.resultHash);
    expect(cli.periods).toEqual(res.periods);
    expect(fs.statSync(xlsx).size).toBeGreaterThan(5000);
    expect(await runCli(['evaluate', project, '--object', 'planet', '--period', '2024'])).toBe(1);
    await api.call('project.open', { path: project });
  });
});
