/**
 * Command line of text analysis: keywords, search, repeats, classify, pii. Each goes through the
 * same handlers and jobs as the UI.
 */
import { tableFromIPC } from 'apache-arrow';
import { FilterSchema, type Filter } from '../../../shared/model/filter';
import type { Engine } from '../engine';
import { handlers } from '../api/router';
import type { ParsedArgs } from './args';
import { UsageError, waitJob } from './import-commands';

export const TEXT_COMMANDS = ['keywords', 'search', 'repeats', 'classify', 'pii', 'text'];

export const TEXT_HELP = `  keywords <p> [--from ISO] [--to ISO] [--district D] [--source S] [--q TEXT] [--top 50] [--method tfidf|textrank]
                                     关键词 / keywords of the filtered requests (TF-IDF against the project corpus, or TextRank)
  search <p> "<query>" [--limit 20]   全文检索 / full-text search (exact substrings, all terms; same filters as keywords)
  repeats <p> [--window 30] [--distance 3] [--no-caller] [--limit 20]
                                     重复诉求 / repeat clusters: same caller or near-identical text on the same street within N days
  classify <p> --train [--level 1|2] [--max-train N]
                                     自动分类 / train the category suggester: held-out accuracy and macro-F1, suggestions written
  pii <p>                            个人信息 / phones, ID numbers, bank cards, e-mails, plates found per import batch
  text reindex <p>                   重建文本索引 / rebuild the text index (segmentation and full-text)`;

function flag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags[name];
  return typeof v === 'string' ? v : undefined;
}

function int(args: ParsedArgs, name: string, dflt: number): number {
  const v = flag(args, name);
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a non-negative integer`);
  return n;
}

function time(args: ParsedArgs, name: string): number | undefined {
  const v = flag(args, name);
  if (v === undefined) return undefined;
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00+08:00` : v);
  if (!Number.isFinite(t)) throw new UsageError(`--${name} must be a date (YYYY-MM-DD or ISO 8601)`);
  return t;
}

/** The global filter from command-line flags. */
export function filterFromFlags(args: ParsedArgs): Filter {
  const list = (name: string) => flag(args, name)?.split(',').map((s) => s.trim()).filter(Boolean);
  return FilterSchema.parse({
    from: time(args, 'from'), to: time(args, 'to'), districts: list('district'), sources: list('source'),
    departments: list('department'), statuses: list('status'), q: flag(args, 'q'),
  });
}

const runJob = waitJob;

/** Opens the project and re-indexes first when the index is from an older version. */
async function open(engine: Engine, file: string | undefined, quiet: boolean): Promise<void> {
  if (!file) throw new UsageError('a project file is required (see --help)');
  engine.ctx.projects.openFile(file, 'cli', 'cli.text');
  const status = await handlers['text.status']({} as never, engine.ctx);
  if (status.stale) await runJob(engine, (await handlers['text.reindex']({} as never, engine.ctx)).jobId, quiet);
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** Runs one text command; returns [human text, JSON]. */
export async function textCmd(engine: Engine, args: ParsedArgs): Promise<[string, unknown]> {
  const [cmd, a1, a2] = args.positional;
  const quiet = Boolean(args.flags.json);
  const ctx = engine.ctx;
  if (cmd === 'text') {
    if (a1 !== 'reindex') throw new UsageError('usage: text reindex <p>');
    engine.ctx.projects.openFile(a2 ?? '', 'cli', 'cli.text');
    const r = await runJob(engine, (await handlers['text.reindex']({} as never, ctx)).jobId, quiet);
    return [JSON.stringify(r), r];
  }
  await open(engine, a1, quiet);
  if (cmd === 'keywords') {
    const method = flag(args, 'method') === 'textrank' ? 'textrank' : 'tfidf';
    const r = await handlers['text.keywords']({ filter: filterFromFlags(args), top: int(args, 'top', 50), method }, ctx);
    return [`${r.docs} records\n${r.terms.map((t, i) => `${String(i + 1).padStart(3)}. ${t.term}\t${t.count}\t${t.score.toFixed(1)}`).join('\n')}`, r];
  }
  if (cmd === 'search') {
    if (!a2) throw new UsageError('usage: search <p> "<query>"');
    const filter = { ...filterFromFlags(args), q: a2 };
    const t0 = performance.now();
    const count = await handlers['records.count']({ filter }, ctx);
    const rows = tableFromIPC(await handlers['text.search']({ filter, offset: 0, limit: int(args, 'limit', 20) }, ctx)).toArray().map((r) => r.toJSON() as Record<string, unknown>);
    const ms = Math.round(performance.now() - t0);
    return [`${count.count} matches (${ms} ms)\n${rows.map((r) => `${r.externalId}\t${new Date(r.receivedAt as number).toISOString().slice(0, 10)}\t${r.title ?? ''}`).join('\n')}`, { count: count.count, ms, rows }];
  }
  if (cmd === 'repeats') {
    const run = await runJob(engine, (await handlers['text.findRepeats']({ windowDays: int(args, 'window', 30), maxDistance: int(args, 'distance', 3), byCaller: !args.flags['no-caller'] }, ctx)).jobId, quiet);
    const r = await handlers['text.repeats']({ filter: filterFromFlags(args), offset: 0, limit: int(args, 'limit', 20) }, ctx);
    const lines = r.clusters.map((c) => `#${c.id}\t${c.size}×\t${new Date(c.firstAt).toISOString().slice(0, 10)}…${new Date(c.lastAt).toISOString().slice(0, 10)}\t${c.byCaller ? 'caller ' : ''}${c.byText ? 'text' : ''}\t${c.title ?? ''}`);
    return [`${JSON.stringify(run)}\n${r.total} clusters\n${lines.join('\n')}`, { run, ...r }];
  }
  if (cmd === 'classify') {
    if (!args.flags.train) throw new UsageError('usage: classify <p> --train [--level 1|2]');
    const level = int(args, 'level', 1) === 2 ? 2 : 1;
    const r = await runJob(engine, (await handlers['text.train']({ level, maxTrain: int(args, 'max-train', 30_000) }, ctx)).jobId, quiet) as { accuracy: number; macroF1: number; trained: number; tested: number; suggested: number; classes: number };
    return [`level ${level}: ${r.classes} classes, trained on ${r.trained}, held out ${r.tested}\naccuracy ${pct(r.accuracy)} · macro-F1 ${pct(r.macroF1)}\n${r.suggested} suggestions written`, r];
  }
  const rows = await handlers['text.pii']({} as never, ctx);
  return [rows.map((r) => `batch ${r.batchId}\t${r.fileName}\t${r.kind}\t${r.records} records\t${r.hits} hits`).join('\n') || 'no personal information found', rows];
}
