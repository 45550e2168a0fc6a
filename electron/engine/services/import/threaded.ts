import type { Worker } from 'node:worker_threads';
import { ApiError, type ApiErrorPayload } from '../../../../shared/api/errors';
import type { JobContext } from '../../jobs/types';
import type { ProduceEnd, ProduceParams, ProducedBatch } from './produce';
import type { ParseThreadMessage } from './parse-thread';

/** produce() run in a helper thread: yields its batches in order, acknowledging each to keep memory bounded. */
export async function* produceInThread(ctx: JobContext, params: ProduceParams): AsyncGenerator<ProducedBatch, ProduceEnd> {
  const worker: Worker = ctx.spawnHelper!('import.parse', params);
  const queue: ParseThreadMessage[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  worker.on('message', (m: ParseThreadMessage) => { queue.push(m); wake?.(); wake = null; });
  worker.on('error', (e) => { failure = e; wake?.(); wake = null; });
  worker.on('exit', (code) => { if (code !== 0 && !failure) failure = new Error(`parse thread exited with code ${code}`); wake?.(); wake = null; });
  try {
    for (;;) {
      while (queue.length === 0) {
        if (failure) throw new ApiError('INTERNAL', { detail: (failure as Error).message });
        await new Promise<void>((r) => { wake = r; });
      }
      const m = queue.shift()!;
      if (m.type === 'error') throw ApiError.fromPayload(m.error as ApiErrorPayload);
      if (m.type === 'end') return m.end;
      worker.postMessage({ type: 'ack' });
      yield m.batch;
    }
  } finally {
    await worker.terminate();
  }
}
