/**
 * The bench's project: the standard synthetic demo (same generator and seed as `cli demo`), with the
 * derived data the map and the filter bar read (geo overlay, stats, map chunks) but without the
 * deferrable builders (text segmentation, alerts), which at 2,000,000 records take ten minutes or
 * more and play no part in the map's timings. Full-text filters do not work in this project.
 */
import fs from 'node:fs';
import { createEngine } from '../../electron/engine/engine';
import { DEFERRABLE, loadBuilders } from '../../electron/engine/services/derived';
import { DEFAULT_DEMO_SEED, writeDemo } from '../../electron/engine/services/demo';
import type { JobContext } from '../../electron/engine/jobs/types';

export async function makeMapProject(file: string, records: number, dataDir: string): Promise<void> {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const engine = createEngine({ host: 'test', dataDir });
  try {
    engine.ctx.projects.create(file, 'cli');
    const db = engine.ctx.projects.require().handle.db;
    let last = 0;
    const ctx: JobContext = {
      db, checkCancelled: () => {}, now: () => Date.now(),
      progress: (done: number, total: number | null) => {
        if (done - last >= 250_000 || done === total) { last = done; process.stderr.write(`\r  ${done}/${total ?? '?'}   `); }
      },
    };
    const t0 = performance.now();
    const builders = (await loadBuilders()).filter((b) => !DEFERRABLE.has(b.name));
    db.exec('BEGIN');
    writeDemo(ctx, { records, seed: DEFAULT_DEMO_SEED });
    for (const b of builders) await b.update(ctx, { kind: 'rebuilt' });
    db.exec('COMMIT');
    process.stderr.write(`\n  ${records} records + ${builders.map((b) => b.name).join(', ')} in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  } finally {
    await engine.shutdown();
  }
}
