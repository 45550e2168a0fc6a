import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../../electron/engine/events';
import { JobRunner } from '../../../electron/engine/jobs/runner';
import { createProjectFile, openProjectFile } from '../../../electron/engine/db/project-file';
import type { ApiEvent } from '../../../shared/api/events';
import { tmpDir } from '../../helpers/tmp';

describe('job runner (worker thread, one transaction per job)', () => {
  let dir: string; let cleanup: () => void; let file: string; let events: EventBus; let runner: JobRunner; let seen: ApiEvent[];
  beforeEach(() => {
    ({ dir, cleanup } = tmpDir());
    file = path.join(dir, 'j.minsheng');
    createProjectFile(file, 'test');
    events = new EventBus();
    seen = [];
    events.subscribe((e) => seen.push(e));
    runner = new JobRunner(events, { progressIntervalMs: 0 });
  });
  afterEach(async () => { await runner.shutdown(); cleanup(); });

  const settingsRows = () => {
    const h = openProjectFile(file);
    try { return (h.db.prepare("SELECT count(*) AS n FROM settings WHERE key LIKE 'test.%'").get() as { n: number }).n; } finally { h.close(); }
  };

  it('commits a successful job and reports progress and the result', async () => {
    const job = runner.start('test.write', { rows: 1000 }, file);
    const done = await runner.wait(job.jobId);
    expect(done.status).toBe('succeeded');
    expect(runner.resultOf(job.jobId)).toEqual({ written: 1000 });
    expect(seen.filter((e) => e.event === 'job.progress').length).toBeGreaterThan(3);
    expect(seen.at(-1)?.event).toBe('job.done');
    expect(settingsRows()).toBe(1000);
  });

  it('rolls a failed job back completely', async () => {
    const job = runner.start('test.write', { rows: 1000, failAfter: 700 }, file);
    const done = await runner.wait(job.jobId);
    expect(done.status).toBe('failed');
    expect(done.message).toContain('requested failure after 700 rows');
    expect(settingsRows()).toBe(0);
  });

  it('rolls a cancelled job back and refuses a second writer meanwhile', async () => {
    const job = runner.start('test.write', { rows: 100_000, batchDelayMs: 5 }, file);
    expect(() => runner.start('test.write', { rows: 1 }, file)).toThrowError(/JOB_BUSY|Another job/);
    await new Promise((r) => setTimeout(r, 150));
    runner.cancel(job.jobId);
    const done = await runner.wait(job.jobId);
    expect(done.status).toBe('cancelled');
    expect(settingsRows()).toBe(0);
  });

  it('reports an unknown job kind as a failure', async () => {
    const job = runner.start('no.such.kind', {}, file);
    expect((await runner.wait(job.jobId)).status).toBe('failed');
  });
});
