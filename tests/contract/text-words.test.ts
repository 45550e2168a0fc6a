/**
 * The dictionary screen's contract: text.segment shows the effect of a new dictionary word at once,
 * text.setWords marks the index stale (dictionary) or not (stopwords), and text.reindex clears it.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../shared/api/client';
import { tmpDir } from '../helpers/tmp';
import { inProcess, type TransportHarness } from './transports';
import { runJob } from './layers-support';

describe('text dictionary and stopwords (contract)', () => {
  let h: TransportHarness; let api: ApiClient; let cleanup: () => void;
  beforeAll(async () => {
    const t = tmpDir(); cleanup = t.cleanup;
    h = await inProcess(path.join(t.dir, 'data'));
    api = createApiClient(h.transport);
    await api.call('project.create', { path: path.join(t.dir, 'w.minsheng') });
    await runJob(api, () => api.call('demo.generate', { records: 300, seed: 3 }));
  }, 120_000);
  afterAll(async () => { await h.close(); cleanup(); });

  it('a dictionary word is segmented whole at once and makes the index stale until re-indexed', async () => {
    const text = '反映路口僵尸车长期占用车位';
    const before = (await api.call('text.segment', { text })).tokens;
    expect(before).not.toContain('僵尸车');
    expect(before.join('')).toBe(text);
    expect((await api.call('text.status', {})).stale).toBe(false);
    const r = await api.call('text.setWords', { kind: 'dict', words: ['僵尸车'] });
    expect(r).toEqual({ words: 1, stale: true });
    expect((await api.call('text.segment', { text })).tokens).toContain('僵尸车');
    await runJob(api, () => api.call('text.reindex', {}));
    expect((await api.call('text.status', {})).stale).toBe(false);
    expect((await api.call('text.words', {})).dict).toEqual(['僵尸车']);
  }, 60_000);

  it('stopword changes apply without re-indexing', async () => {
    const r = await api.call('text.setWords', { kind: 'unstop', words: ['还是'] });
    expect(r.stale).toBe(false);
    const w = await api.call('text.words', {});
    expect(w.stopRemoved).toEqual(['还是']);
    expect(w.defaultStopwords).toContain('还是');
  });
});
