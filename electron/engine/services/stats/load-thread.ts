/**
 * Helper thread (jobs/helpers.ts 'stats.load'): decodes the statistics store of a project on its own
 * read-only connection and hands the columns back as transferred buffers.
 */
import type { MessagePort } from 'node:worker_threads';
import { answerFromProject } from '../../jobs/helper-call';
import { SqliteStatsRepository } from '../../db/repos/stats-repo';
import { coreBuffers, decodeStats } from './decode';

export async function runStatsLoadThread(port: MessagePort, data: unknown): Promise<void> {
  answerFromProject(port, (data as { dbPath: string }).dbPath, (db) => {
    const core = db.transaction(() => decodeStats(new SqliteStatsRepository(db)))();
    return { value: core, transfer: coreBuffers(core) };
  });
}
