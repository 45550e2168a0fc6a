import type { ApiErrorPayload } from '../../../shared/api/errors';

/** Data handed to a job worker thread. */
export interface JobWorkerData {
  __entry?: string;
  jobId: string;
  kind: string;
  params: unknown;
  dbPath: string;
  /** SharedArrayBuffer(4): non-zero means cancel requested. */
  cancel: SharedArrayBuffer;
  /** Minimum milliseconds between forwarded progress messages. */
  progressIntervalMs: number;
  /** How this worker file was started, so a job can start helper threads from the same file. */
  self: { file: string; entry?: string };
}

/** Data of a helper thread a job starts (e.g. the import's parse thread): same file, another role. */
export interface HelperWorkerData {
  __entry?: string;
  helper: string;
  helperData: unknown;
  self: { file: string; entry?: string };
}

export type JobWorkerMessage =
  | { type: 'progress'; done: number; total: number | null; message: string | null }
  | { type: 'done'; result: unknown }
  | { type: 'error'; error: ApiErrorPayload };
