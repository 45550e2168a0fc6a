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
}

/** A job body: synchronous SQLite work, returns a JSON-serialisable result. */
export type JobBody<P = unknown, R = unknown> = (ctx: JobContext, params: P) => R;
