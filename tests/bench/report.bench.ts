/**
 * bench:report — renders the 专报 (thematic template: every section kind) of a 200,000-record demo and
 * prints the seconds per format and the file sizes. `--project <file>` uses an existing project
 * (e.g. from `cli demo … --records 200000`), otherwise a demo of `--records N` (default 200,000) is
 * generated in a temporary folder. PDF and DOCX need Chromium. Each format is rendered on its own, so
 * every figure includes gathering the data (also printed apart). Machine load changes the figures.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEngine } from '../../electron/engine/engine';
import { startDemoJob, startProjectJob } from '../../electron/engine/api/handlers/jobs';
import { BUILTIN_TEMPLATES } from '../../shared/domain/report/templates';
import { REPORT_FORMATS, ReportSpecSchema, type RenderResult } from '../../shared/domain/report/spec';

const arg = (name: string): string | undefined => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : undefined; };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-bench-report-'));
const engine = createEngine({ host: 'cli', dataDir: path.join(dir, 'data'), progressIntervalMs: 1000 });
const ctx = engine.ctx;

async function job(jobId: string): Promise<unknown> {
  const done = await ctx.jobs.wait(jobId);
  if (done.status !== 'succeeded') throw new Error(`${done.kind}: ${done.message ?? done.status}`);
  return ctx.jobs.resultOf(jobId);
}

try {
  const given = arg('project');
  if (given) ctx.projects.openFile(given, 'cli', 'bench.report');
  else {
    const n = Number(arg('records') ?? 200_000);
    ctx.projects.create(path.join(dir, 'bench.minsheng'), 'cli');
    const t0 = performance.now();
    await job(startDemoJob(ctx, n, 12345));
    console.log(`demo: ${n.toLocaleString()} records in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const db = ctx.projects.require().handle.db;
  const { hi } = db.prepare('SELECT max(received_at) AS hi FROM records').get() as { hi: number };
  const to = hi + 1;
  const tpl = BUILTIN_TEMPLATES.find((t) => t.id === 'thematic')!;
  const spec = ReportSpecSchema.parse({ ...tpl.spec, template: 'thematic', filter: { from: to - 365 * 86_400_000, to } });
  const records = (db.prepare('SELECT count(*) AS n FROM records WHERE received_at >= ? AND received_at < ?').get(spec.filter.from, to) as { n: number }).n;
  console.log(`专报 over the last 365 days: ${records.toLocaleString()} records, ${spec.sections.length} sections`);
  const t0 = performance.now();
  await job(startProjectJob(ctx, 'report.preview', { spec, appVersion: ctx.version }));
  console.log(`gather + compose + charts (preview job): ${((performance.now() - t0) / 1000).toFixed(2)} s`);
  for (const format of REPORT_FORMATS) {
    const t1 = performance.now();
    const r = await job(startProjectJob(ctx, 'report.render', { spec, formats: [format], outDir: path.join(dir, 'out'), baseName: 'thematic', overwrite: true, appVersion: ctx.version, printVia: 'chromium' })) as RenderResult;
    const f = r.files[0];
    console.log(`${format.padEnd(5)} ${((performance.now() - t1) / 1000).toFixed(2)} s  ${(f.bytes / 1024).toFixed(0)} KB${r.pages ? `  ${r.pages} pages` : ''}`);
  }
  if (arg('keep')) { fs.cpSync(path.join(dir, 'out'), arg('keep')!, { recursive: true }); console.log(`files copied to ${arg('keep')}`); }
} finally {
  await engine.shutdown();
  fs.rmSync(dir, { recursive: true, force: true });
}
