/**
 * bench:responsiveness — does a simple call still answer quickly while a 1-million-row write job runs?
 * Starts browser mode's HTTP server in this process, creates a project, starts the demo-generation job
 * (1,000,000 records in a worker thread, one transaction) and meanwhile calls app.ping and project.info
 * over HTTP every 50 ms. Prints latency percentiles. Target: p99 and max under 100 ms.
 *   node --import tsx tests/bench/responsiveness.bench.ts [--records N] [--workload demo|import]
 * With --workload import, the write job is the import of a generated N-row CSV extract instead.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEngine } from '../../electron/engine/engine';
import { startHttpServer } from '../../electron/engine/transports/http';
import { startDemoJob, startProjectJob } from '../../electron/engine/api/handlers/jobs';
import { sniffFile } from '../../electron/engine/services/import/readers';
import { suggestMapping } from '../../shared/domain/ingest';
import { generateExtract } from './gen-extract';
import { httpTransport } from '../contract/transports';

const recIdx = process.argv.indexOf('--records');
const records = recIdx > 0 ? Number(process.argv[recIdx + 1]) : 1_000_000;
const wlIdx = process.argv.indexOf('--workload');
const workload = wlIdx > 0 ? process.argv[wlIdx + 1] : 'demo';

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-bench-resp-'));
  const engine = createEngine({ host: 'test', dataDir: path.join(dir, 'data') });
  const server = await startHttpServer(engine, { rendererDir: dir });
  const api = httpTransport(server);
  try {
    engine.ctx.projects.create(path.join(dir, 'bench.minsheng'));
    const latencies: Record<string, number[]> = { 'app.ping': [], 'project.info': [] };
    let jobId: string;
    let t0: number;
    if (workload === 'import') {
      const csv = path.join(dir, 'extract.csv');
      generateExtract(csv, records, 'utf8');
      const s = await sniffFile(csv);
      const mapping = { columns: suggestMapping(s.headers).map(({ column, header, field }) => ({ column, header, field })), timezone: 'Asia/Shanghai', crs: 'wgs84' };
      t0 = performance.now();
      jobId = startProjectJob(engine.ctx, 'import.file', { path: csv, sourceCode: 'bench', options: { format: 'csv', encoding: 'utf8', delimiter: ',' }, mapping, onDuplicate: 'skip' });
    } else {
      t0 = performance.now();
      jobId = startDemoJob(engine.ctx, records, 1);
    }
    const done = engine.ctx.jobs.wait(jobId);
    let finished = false;
    void done.then(() => { finished = true; });
    while (!finished) {
      for (const m of Object.keys(latencies)) {
        const s = performance.now();
        await api.call(m, {});
        latencies[m].push(performance.now() - s);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const job = await done;
    const secs = (performance.now() - t0) / 1000;
    console.log(`write job (${workload}): ${records} records, status ${job.status}, ${secs.toFixed(1)} s (${Math.round(records / secs)} rows/s)`);
    for (const [m, l] of Object.entries(latencies)) {
      const s = [...l].sort((a, b) => a - b);
      console.log(`${m.padEnd(13)} calls ${s.length}  p50 ${pct(s, 50).toFixed(1)} ms  p95 ${pct(s, 95).toFixed(1)} ms  p99 ${pct(s, 99).toFixed(1)} ms  max ${s[s.length - 1].toFixed(1)} ms  ${s[s.length - 1] < 100 ? 'OK (<100 ms)' : 'OVER 100 ms'}`);
    }
  } finally {
    await server.close();
    await engine.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
