/** Loading the statistics columns in a helper thread of the engine (see load-thread.ts). */
import { startHelperThread } from '../../jobs/runner';
import type { StatsCore } from './decode';
import type { StatsLoadMessage } from './load-thread';

/** Decodes the store of `dbPath` in a new helper thread; resolves with the transferred columns. */
export function loadStatsInThread(dbPath: string): Promise<StatsCore> {
  return new Promise((resolve, reject) => {
    const worker = startHelperThread('stats.load', { dbPath });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.once('message', (m: StatsLoadMessage) => settle(() => (m.type === 'done' ? resolve(m.core) : reject(new Error(m.message)))));
    worker.once('error', (e) => settle(() => reject(e)));
    worker.once('exit', (code) => settle(() => reject(new Error(`statistics loader exited with code ${code}`))));
  });
}
