import type { MessagePort } from 'node:worker_threads';
import { ApiError } from '../../../../shared/api/errors';
import { produce, type ProduceParams } from './produce';

/** At most this many produced batches wait unacknowledged for the writer (bounded memory). */
const IN_FLIGHT = 3;

export type ParseThreadMessage =
  | { type: 'batch'; json: string }
  | { type: 'end'; json: string }
  | { type: 'error'; error: { code: string; params: Record<string, string | number>; message: string } };

/**
 * The import's parse thread: reads and maps while the job thread writes. Batches travel as one JSON
 * string each (cheaper to pass than structured clones of thousands of small arrays).
 */
export async function runParseThread(port: MessagePort, data: unknown): Promise<void> {
  let outstanding = 0;
  let wake: (() => void) | null = null;
  port.on('message', (m: { type: string }) => {
    if (m.type === 'ack') { outstanding--; wake?.(); wake = null; }
    if (m.type === 'stop') process.exit(0);
  });
  try {
    const gen = produce(data as ProduceParams);
    for (;;) {
      const next = await gen.next();
      if (next.done) { port.postMessage({ type: 'end', json: JSON.stringify(next.value) } satisfies ParseThreadMessage); break; }
      while (outstanding >= IN_FLIGHT) await new Promise<void>((r) => { wake = r; });
      outstanding++;
      port.postMessage({ type: 'batch', json: JSON.stringify(next.value) } satisfies ParseThreadMessage);
    }
  } catch (e) {
    const err = e instanceof ApiError ? e : new ApiError('INTERNAL', { detail: e instanceof Error ? e.message : String(e) });
    port.postMessage({ type: 'error', error: err.toPayload('en') } satisfies ParseThreadMessage);
  }
}
