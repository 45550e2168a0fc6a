/** One import in its own process (for bench:import): prints the result and this process's peak RSS. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEngine } from '../../electron/engine/engine';
import { startProjectJob } from '../../electron/engine/api/handlers/jobs';
import { sniffFile } from '../../electron/engine/services/import/readers';
import { suggestMapping } from '../../shared/domain/ingest';

const [file, project] = process.argv.slice(2);
const engine = createEngine({ host: 'cli', dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'ms-bench-')) });
engine.ctx.projects.create(project);
const s = await sniffFile(file);
const mapping = { columns: suggestMapping(s.headers).map(({ column, header, field }) => ({ column, header, field })), timezone: 'Asia/Shanghai', crs: 'wgs84' };
let indexAt = 0;
engine.ctx.events.subscribe((e) => { if (e.event === 'job.progress' && (e.data as { message: string | null }).message === 'indexes') indexAt = performance.now(); });
const t0 = performance.now();
const jobId = startProjectJob(engine.ctx, 'import.file', { path: file, sourceCode: 'bench', options: { format: s.format, encoding: s.encoding ?? undefined, delimiter: s.delimiter ?? undefined }, mapping, onDuplicate: 'skip' });
const done = await engine.ctx.jobs.wait(jobId);
const seconds = (performance.now() - t0) / 1000;
if (done.status !== 'succeeded') { console.error(done.message); process.exit(1); }
const result = engine.ctx.jobs.resultOf(jobId) as { imported: number; rejected: number };
const hwm = /VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
await engine.shutdown();
console.log(JSON.stringify({ seconds, imported: result.imported, rejected: result.rejected, peakRssMb: hwm ? Math.round(Number(hwm[1]) / 1024) : null, indexSeconds: indexAt ? (performance.now() - indexAt) / 1000 : null }));
