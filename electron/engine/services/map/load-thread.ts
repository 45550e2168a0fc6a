/**
 * Helper thread (jobs/helpers.ts 'map.load'): reads the project's map chunks (or, for a project
 * written before they existed, its located records) on its own read-only connection, builds the
 * point index's columns and hands them back as transferred buffers — the engine thread keeps
 * answering meanwhile and only wraps the columns.
 */
import type { MessagePort } from 'node:worker_threads';
import { answerFromProject, askHelperThread } from '../../jobs/helper-call';
import { SqliteMapRepository } from '../../db/repos/map-repo';
import { readIndexSource } from './chunk-codec';
import { buildIndexParts, partsBuffers, type PointIndexParts } from './point-index';

export interface LoadedIndex { parts: PointIndexParts; signature: string }

export async function runMapLoadThread(port: MessagePort, data: unknown): Promise<void> {
  answerFromProject(port, (data as { dbPath: string }).dbPath, (db) => {
    const { chunks, signature } = db.transaction(() => readIndexSource(new SqliteMapRepository(db)))();
    const parts = buildIndexParts(chunks);
    return { value: { parts, signature } satisfies LoadedIndex, transfer: partsBuffers(parts) };
  });
}

/** Builds the point index of the project file `dbPath` in a new helper thread. */
export function loadIndexInThread(dbPath: string): Promise<LoadedIndex> {
  return askHelperThread<LoadedIndex>('map.load', dbPath);
}
