/**
 * One-answer helper threads (jobs/helpers.ts): the engine thread asks, the helper computes on its own
 * read-only connection to the project file and answers once with transferred buffers, so the engine
 * keeps serving calls meanwhile. Used to load the statistics columns and the map's point index.
 */
import type { MessagePort } from 'node:worker_threads';
import { openConnection } from '../db/connection';
import { startHelperThread } from './runner';

type Answer<T> = { type: 'done'; value: T; ms: number } | { type: 'error'; message: string };
type Db = ReturnType<typeof openConnection>;

/** Helper side: computes `compute(db)` on a read-only connection to `dbPath` and posts it (or the error). */
export function answerFromProject<T>(port: MessagePort, dbPath: string, compute: (db: Db) => { value: T; transfer: ArrayBuffer[] }): void {
  const t0 = performance.now();
  let db: Db | null = null;
  try {
    db = openConnection(dbPath, { readonly: true });
    const { value, transfer } = compute(db);
    port.postMessage({ type: 'done', value, ms: performance.now() - t0 } satisfies Answer<T>, transfer);
  } catch (e) {
    port.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) } satisfies Answer<T>);
  } finally {
    db?.close();
  }
}

/** Engine side: starts helper `name` for the project file `dbPath` and resolves with its answer. */
export function askHelperThread<T>(name: string, dbPath: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = startHelperThread(name, { dbPath });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.once('message', (m: Answer<T>) => settle(() => (m.type === 'done' ? resolve(m.value) : reject(new Error(m.message)))));
    worker.once('error', (e) => settle(() => reject(e)));
    worker.once('exit', (code) => settle(() => reject(new Error(`helper thread ${name} exited with code ${code}`))));
  });
}
