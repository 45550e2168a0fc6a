/**
 * One import in its own process (for bench:import): prints the result, the follow-up derived-data
 * refresh, this process's CPU time and its peak RSS. With MINSHENG_TIMINGS=1 the phases print on stderr.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEngine } from '../../electron/engine/engine';
import { startProjectJob } from '../../electron/engine/api/handlers/jobs';
import { sniffFile } from '../../electron/engine/services/import/readers';
import { suggestMapping } from '../../shared/domain/ingest';
import { holdDerivedRefresh } from '../../electron/engine/services/derived/auto';

async function main(): Promise<void> {
  const [file, project] = process.argv.slice(2);
  const engine = createEngine({ host: 'cli', dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'ms-bench-')) });
  engine.ctx.projects.create(project);
  // --refresh 0: time the import alone (the follow-up refresh job is held back and never runs).
  if (process.env.MINSHENG_BENCH_NO_REFRESH === '1') holdDerivedRefresh(engine.ctx);
  const s = await sniffFile(file);
  const mapping = { columns: suggestMapping(s.headers).map(({ column, header, field }) => ({ column, header, field })), timezone: 'Asia/Shanghai', crs: 'wgs84' };
  let indexAt = 0;
  // Peak RSS per import phase (sampled every 200 ms; the job runs in a worker thread of this process).
  let phase = 'start';
  const peaks: Record<string, number> = {};
  const sampler = setInterval(() => {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);
    peaks[phase] = Math.max(peaks[phase] ?? 0, Math.round(kb / 1024));
  }, 200);
  engine.ctx.events.subscribe((e) => {
    if (e.event !== 'job.progress') return;
    const m = (e.data as { message: string | null }).message;
    if (phase.startsWith('refresh')) { phase = `refresh ${(m ?? '').replace(/[\d\s]+$/, '').slice(0, 10)}`; return; }
    if (m === 'indexes') indexAt = performance.now();
    if (m === 'sha256' || m === 'indexes') phase = m; else if (m && /^\d+$/.test(m)) phase = 'rows';
  });
  // The packaged app ships a prebuilt worker; from sources the first job bundles it (seconds under load): not import time.
  await engine.ctx.jobs.wait(startProjectJob(engine.ctx, 'test.write', { rows: 0 }));
  const rssBefore = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);
  const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
  const cpu0 = cpu();
  const t0 = performance.now();
  const jobId = startProjectJob(engine.ctx, 'import.file', { path: file, sourceCode: 'bench', options: { format: s.format, encoding: s.encoding ?? undefined, delimiter: s.delimiter ?? undefined }, mapping, onDuplicate: 'skip' });
  const done = await engine.ctx.jobs.wait(jobId);
  const seconds = (performance.now() - t0) / 1000;
  const cpuSeconds = cpu() - cpu0;
  if (done.status !== 'succeeded') { console.error(done.message); process.exit(1); }
  const result = engine.ctx.jobs.resultOf(jobId) as { imported: number; rejected: number };
  const hwmImport = /VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  phase = 'refresh';
  // the derived-data refresh starts by itself right after (setImmediate)
  await new Promise((r) => setTimeout(r, 50));
  const refresh = engine.ctx.jobs.list().find((j) => j.kind === 'derived.refresh');
  const r0 = performance.now();
  const c1 = cpu();
  if (refresh) await engine.ctx.jobs.wait(refresh.jobId);
  const refreshSeconds = refresh ? (performance.now() - r0 + 50) / 1000 : null;
  const hwm = /VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  clearInterval(sampler);
  const mb = (m: RegExpExecArray | null) => (m ? Math.round(Number(m[1]) / 1024) : null);
  await engine.shutdown();
  console.log(JSON.stringify({
    seconds, cpuSeconds, imported: result.imported, rejected: result.rejected, peakRssMb: mb(hwmImport), peakRssWithRefreshMb: mb(hwm), rssBeforeMb: Math.round(rssBefore / 1024),
    indexSeconds: indexAt ? (indexAt - t0) / 1000 : null, rssPeaksMb: peaks, refreshSeconds, refreshCpuSeconds: refresh ? cpu() - c1 : null,
  }));
}

void main();
