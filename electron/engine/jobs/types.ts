import type Database from 'better-sqlite3';

/** What a job body gets. It runs in a worker thread with its own connection, inside one transaction. */
export interface JobContext {
  /** The worker's own read-write connection to the project file. The runner wraps the body in one transaction. */
  readonly db: Database.Database;
  /** Report progress; cheap to call often (the runner throttles what it forwards). */
  progress(done: number, total: number | null, message?: string): void;
  /** Throws the CANCELLED ApiError when the user cancelled; call it between batches. */
  checkCancelled(): void;
  /** Injected clock (epoch ms) so job bodies stay testable. */
  now(): number;
  /**
   * Starts a helper thread running `helper` (see jobs/helpers.ts) with `data`, e.g. to parse while
   * this thread writes. Absent where threads are not available (tests may run bodies in-process).
   */
  spawnHelper?(helper: string, data: unknown): import('node:worker_threads').Worker;
}

/**
 * A job body: SQLite work on ctx.db, returns a JSON-serialisable result. It may be async (streaming
 * readers); the runner holds one transaction (BEGIN IMMEDIATE … COMMIT) across it and rolls back on
 * any error or cancel.
 */
export type JobBody<P = unknown, R = unknown> = (ctx: JobContext, params: P) => R | Promise<R>;
