/** Loading the statistics columns in a helper thread of the engine (see load-thread.ts). */
import { askHelperThread } from '../../jobs/helper-call';
import type { StatsCore } from './decode';

/** Decodes the store of `dbPath` in a new helper thread; resolves with the transferred columns. */
export function loadStatsInThread(dbPath: string): Promise<StatsCore> {
  return askHelperThread<StatsCore>('stats.load', dbPath);
}
