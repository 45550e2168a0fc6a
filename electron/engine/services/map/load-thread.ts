/**
 * Helper thread (jobs/helpers.ts 'map.load'): reads the project's map chunks (or, for a project
 * written before they existed, its located records) on its own read-only connection, builds the
 * point index's columns and hands them back as transferred buffers — the engine thread keeps
 * answering meanwhile and only wraps the columns.
 */
import type { MessagePort } from 'node:worker_threads';
import { startHelperThread } from '../../jobs/runner';
import { openConnection } from '../../db/connection';
import { SqliteMapRepository } from '../../db/repos/map-repo';
import { readIndexSource } from './chunk-codec';
import { buildIndexParts, partsBuffers, type PointIndexParts } from './point-index';

export interface LoadedIndex { parts: PointIndexParts; signature: string }
type LoadMessage = { type: 'done'; loaded: LoadedIndex; ms: number } | { type: 'error'; message: string };

export async function runMapLoadThread(port: MessagePort, data: unknown): Promise<void> {
  const { dbPath } = data as { dbPath: string };
  const t0 = performance.now();
  let db: ReturnType<typeof openConnection> | null = null;
  try {
    db = openConnection(dbPath, { readonly: true });
    const repo = new SqliteMapRepository(db);
    const { chunks, signature } = db.transaction(() => readIndexSource(repo))();
    const parts = buildIndexParts(chunks);
    port.postMessage({ type: 'done', loaded: { parts, signature }, ms: performance.now() - t0 } satisfies LoadMessage, partsBuffers(parts));
  } catch (e) {
    port.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) } satisfies LoadMessage);
  } finally {
    db?.close();
  }
}

/** Builds the point index of the project file `dbPath` in a new helper thread. */
export function loadIndexInThread(dbPath: string): Promise<LoadedIndex> {
  return new Promise((resolve, reject) => {
    const worker = startHelperThread('map.load', { dbPath });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.once('message', (m: LoadMessage) => settle(() => (m.type === 'done' ? resolve(m.loaded) : reject(new Error(m.message)))));
    worker.once('error', (e) => settle(() => reject(e)));
    worker.once('exit', (code) => settle(() => reject(new Error(`map index loader exited with code ${code}`))));
  });
}
