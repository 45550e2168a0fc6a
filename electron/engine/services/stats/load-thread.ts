/**
 * Helper thread (jobs/helpers.ts 'stats.load'): decodes the statistics store of a project on its own
 * read-only connection and hands the columns back as transferred buffers.
 */
import type { MessagePort } from 'node:worker_threads';
import { openConnection } from '../../db/connection';
import { SqliteStatsRepository } from '../../db/repos/stats-repo';
import { coreBuffers, decodeStats, type StatsCore } from './decode';

export type StatsLoadMessage = { type: 'done'; core: StatsCore; ms: number } | { type: 'error'; message: string };

export async function runStatsLoadThread(port: MessagePort, data: unknown): Promise<void> {
  const { dbPath } = data as { dbPath: string };
  const t0 = performance.now();
  let db: ReturnType<typeof openConnection> | null = null;
  try {
    db = openConnection(dbPath, { readonly: true });
    const repo = new SqliteStatsRepository(db);
    const core = db.transaction(() => decodeStats(repo))();
    port.postMessage({ type: 'done', core, ms: performance.now() - t0 } satisfies StatsLoadMessage, coreBuffers(core));
  } catch (e) {
    port.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) } satisfies StatsLoadMessage);
  } finally {
    db?.close();
  }
}
