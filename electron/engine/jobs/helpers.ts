import type { MessagePort } from 'node:worker_threads';
import type { HelperWorkerData } from './protocol';

/** Helper threads a job can start (see JobContext.spawnHelper), loaded on demand. */
const HELPERS: Record<string, () => Promise<(port: MessagePort, data: unknown) => Promise<void>>> = {
  'import.parse': async () => (await import('../services/import/parse-thread')).runParseThread,
  'import.sha256': async () => (await import('../services/import/hash-thread')).runHashThread,
  'stats.load': async () => (await import('../services/stats/load-thread')).runStatsLoadThread,
  'map.load': async () => (await import('../services/map/load-thread')).runMapLoadThread,
};

export async function runHelper(data: HelperWorkerData, port: MessagePort): Promise<void> {
  const load = HELPERS[data.helper];
  if (!load) { port.postMessage({ type: 'error', message: `unknown helper ${data.helper}` }); return; }
  await (await load())(port, data.helperData);
}
