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
}

export type JobWorkerMessage =
  | { type: 'progress'; done: number; total: number | null; message: string | null }
  | { type: 'done'; result: unknown }
  | { type: 'error'; error: ApiErrorPayload };
