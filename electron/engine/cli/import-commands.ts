import fs from 'node:fs';
import { ApiError } from '../../../shared/api/errors';
import { MappingSpecSchema, ReadOptionsSchema, type ImportResult } from '../../../shared/api/areas/import';
import { formatReason, headerSignature, suggestMapping } from '../../../shared/domain/ingest';
import type { RejectCode } from '../../../shared/domain/ingest/types';
import type { Engine } from '../engine';
import { startProjectJob } from '../api/handlers/jobs';
import { sniffFile } from '../services/import/readers';
import { toCsvLine } from '../services/import/csv-out';
import { waitDerivedRefresh } from '../services/derived/auto';
import type { ParsedArgs } from './args';

export class UsageError extends Error {}

function flag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags[name];
  return typeof v === 'string' ? v : undefined;
}

/** Waits for a job, echoing its progress on stderr unless quiet; throws on failure or cancel. */
export async function waitJob(engine: Engine, jobId: string, quiet: boolean): Promise<unknown> {
  const off = engine.ctx.events.subscribe((e) => {
    if (e.event === 'job.progress' && !quiet) {
      const d = e.data as { done: number; total: number | null; message: string | null };
      const pct = d.total ? ` ${Math.round((100 * d.done) / d.total)}%` : '';
      process.stderr.write(`\r${d.message ?? ''} rows${pct}      `);
    }
  });
  const done = await engine.ctx.jobs.wait(jobId);
  off();
  if (!quiet) process.stderr.write('\n');
  if (done.status !== 'succeeded') {
    if (done.status === 'cancelled') throw new ApiError('CANCELLED');
    throw new UsageError(done.message ?? done.status);
  }
  return engine.ctx.jobs.resultOf(jobId);
}

/** cli import <file> --project <p> --source <code> [...] */
export async function importCmd(engine: Engine, args: ParsedArgs): Promise<ImportResult> {
  const file = args.positional[1];
  const project = flag(args, 'project');
  const source = flag(args, 'source');
  if (!file || !project || !source) throw new UsageError('usage: import <file> --project <p> --source <code> [--mapping m.json] [--encoding auto|utf8|gb18030|utf16le|utf16be] [--crs wgs84|gcj02|bd09] [--timezone TZ] [--sheet NAME] [--on-duplicate skip|update] [--json]');
  const encoding = flag(args, 'encoding');
  const overrides: Record<string, string> = {};
  if (encoding && encoding !== 'auto') overrides.encoding = encoding;
  if (flag(args, 'sheet')) overrides.sheet = flag(args, 'sheet')!;
  if (flag(args, 'delimiter')) overrides.delimiter = flag(args, 'delimiter')!.replace('\\t', '\t');
  engine.ctx.projects.openFile(project, 'cli', 'cli.import');
  const p = engine.ctx.projects.require();
  const sniffed = await sniffFile(file, overrides as never);
  const options = ReadOptionsSchema.parse({ format: sniffed.format, encoding: sniffed.encoding ?? undefined, delimiter: sniffed.delimiter ?? undefined, quote: sniffed.quote ?? undefined, sheet: sniffed.sheet ?? undefined, ...overrides });
  let mappingRaw: unknown;
  const mappingFile = flag(args, 'mapping');
  if (mappingFile) {
    const parsed = JSON.parse(fs.readFileSync(mappingFile, 'utf8')) as { mapping?: unknown; templates?: { mapping: unknown }[] };
    mappingRaw = parsed.templates?.[0]?.mapping ?? parsed.mapping ?? parsed;
  } else {
    const tpl = p.templates.findBySignature(headerSignature(sniffed.headers));
    mappingRaw = tpl ? tpl.mapping : { columns: suggestMapping(sniffed.headers).map(({ column, header, field }) => ({ column, header, field })) };
  }
  const base = MappingSpecSchema.parse(mappingRaw);
  const mapping = { ...base, ...(flag(args, 'crs') ? { crs: flag(args, 'crs') } : {}), ...(flag(args, 'timezone') ? { timezone: flag(args, 'timezone') } : {}) };
  const checked = MappingSpecSchema.safeParse(mapping);
  if (!checked.success) throw new UsageError(`bad mapping: ${checked.error.issues[0]?.message}`);
  const onDuplicate = flag(args, 'on-duplicate') ?? 'skip';
  if (onDuplicate !== 'skip' && onDuplicate !== 'update') throw new UsageError('--on-duplicate must be skip or update');
  const jobId = startProjectJob(engine.ctx, 'import.file', { path: file, sourceCode: source, sourceName: flag(args, 'source-name'), options, mapping: checked.data, onDuplicate });
  const result = await waitJob(engine, jobId, Boolean(args.flags.json)) as ImportResult;
  // a large import leaves the full-text index and alert detection to a follow-up job: finish it before exiting
  const refresh = await waitDerivedRefresh(engine.ctx);
  if (refresh && !args.flags.json) process.stderr.write(`full-text index and alert detection: ${refresh.status} in ${refresh.seconds.toFixed(1)} s\n`);
  if (refresh && refresh.status !== 'succeeded') process.stderr.write(`derived data refresh ${refresh.status}: it resumes when the project is next opened\n`);
  return result;
}

export function batchesCmd(engine: Engine, args: ParsedArgs): unknown {
  const project = args.positional[1] ?? flag(args, 'project');
  if (!project) throw new UsageError('usage: batches <project> [--json]');
  engine.ctx.projects.openFile(project, 'cli', 'cli.batches');
  return engine.ctx.projects.require().imports.listBatches();
}

export function rejectedCmd(engine: Engine, args: ParsedArgs, locale: 'zh-CN' | 'en'): string {
  const project = args.positional[1] ?? flag(args, 'project');
  const batch = Number(flag(args, 'batch'));
  if (!project || !Number.isInteger(batch)) throw new UsageError('usage: rejected <project> --batch <id> [--reason CODE] --csv');
  engine.ctx.projects.openFile(project, 'cli', 'cli.rejected');
  const lines = [toCsvLine(locale === 'en' ? ['row', 'reason code', 'reason', 'raw'] : ['行号', '原因代码', '原因', '原始内容'])];
  for (const r of engine.ctx.projects.require().imports.rejectedAll(batch, flag(args, 'reason'))) {
    lines.push(toCsvLine([String(r.rowNumber), r.reasonCode, formatReason(r.reasonCode as RejectCode, JSON.parse(r.params || '{}'), locale), r.raw]));
  }
  return lines.join('\n');
}

export async function taxonomyCmd(engine: Engine, args: ParsedArgs): Promise<unknown> {
  const [, sub, file] = args.positional;
  const project = flag(args, 'project');
  if (sub !== 'import' || !file || !project) throw new UsageError('usage: taxonomy import <file> --project <p>');
  engine.ctx.projects.openFile(project, 'cli', 'cli.taxonomy');
  const jobId = startProjectJob(engine.ctx, 'taxonomy.import', { path: file });
  return waitJob(engine, jobId, Boolean(args.flags.json));
}
