/**
 * cli report <p> --template brief|thematic|assessment|<id> [--from D --to D] [--where k=v] --out r.pdf [--out r.docx …]
 * [--title T] [--compare previous-period|previous-year|none] [--lang en]
 * Renders through the same contract method and job as the app; every output is recorded in the audit trail.
 */
import path from 'node:path';
import { createApiClient } from '../../../shared/api/client';
import { REPORT_FORMATS, type RenderResult, type ReportFormat, type ReportSpec } from '../../../shared/domain/report/spec';
import type { Engine } from '../engine';
import type { ParsedArgs } from './args';
import { UsageError, waitJob } from './import-commands';
import { statsFilter } from './stats-commands';

export const REPORT_HELP = `  report <p> --template brief|thematic|assessment|<id> [--from D --to D] [--where k=v] --out r.pdf [--out r.docx --out r.html --out r.xlsx]
         [--title T] [--compare previous-period|previous-year|none]
                                     生成报告 / render a report (PDF/DOCX/HTML/XLSX; PDF needs Chromium) with its provenance appendix`;

/** Every value of a repeatable flag (`--out a --out b` or `--out=a`). */
export function repeatedFlag(argv: readonly string[], name: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === `--${name}` && argv[i + 1] !== undefined) out.push(argv[++i]);
    else if (argv[i].startsWith(`--${name}=`)) out.push(argv[i].slice(name.length + 3));
  }
  return out;
}

export async function reportCmd(engine: Engine, args: ParsedArgs, argv: readonly string[]): Promise<[string, unknown]> {
  const file = args.positional[1];
  const outs = repeatedFlag(argv, 'out');
  const tplId = typeof args.flags.template === 'string' ? args.flags.template : 'brief';
  if (!file || !outs.length) throw new UsageError('usage: report <project> --template brief|thematic|assessment|<id> [--from D --to D] --out r.pdf|r.html|r.docx|r.xlsx');
  const targets = outs.map((o) => {
    const ext = path.extname(o).slice(1).toLowerCase() as ReportFormat;
    if (!(REPORT_FORMATS as readonly string[]).includes(ext)) throw new UsageError(`--out ${o}: the extension must be one of ${REPORT_FORMATS.join(', ')}`);
    return { format: ext, dir: path.dirname(path.resolve(o)), base: path.basename(o, path.extname(o)) };
  });
  engine.ctx.projects.openFile(file, 'cli', 'cli.report');
  const api = createApiClient({ call: (m, i) => engine.dispatcher.call(m, i), subscribe: (l) => engine.ctx.events.subscribe(l) });
  const templates = await api.call('report.templates', {});
  const tpl = templates.find((t) => t.id === tplId);
  if (!tpl) throw new UsageError(`--template ${tplId}: not found (${templates.map((t) => t.id).join(', ')})`);
  const compare = typeof args.flags.compare === 'string' ? args.flags.compare : tpl.spec.compareTo;
  if (!['previous-period', 'previous-year', 'none'].includes(compare)) throw new UsageError('--compare must be previous-period, previous-year or none');
  const spec: ReportSpec = {
    ...tpl.spec, template: tpl.kind, filter: await statsFilter(api, args), compareTo: compare as ReportSpec['compareTo'],
    title: typeof args.flags.title === 'string' ? args.flags.title : tpl.spec.title, locale: args.flags.lang === 'en' ? 'en' : tpl.spec.locale,
  };
  // One render per (folder, base name): the formats sharing both go together.
  const groups = new Map<string, { dir: string; base: string; formats: ReportFormat[] }>();
  for (const t of targets) {
    const k = `${t.dir}\0${t.base}`;
    const g = groups.get(k) ?? { dir: t.dir, base: t.base, formats: [] };
    if (!g.formats.includes(t.format)) g.formats.push(t.format);
    groups.set(k, g);
  }
  const results: RenderResult[] = [];
  for (const g of groups.values()) {
    const { jobId } = await api.call('report.render', { spec, formats: g.formats, outDir: g.dir, baseName: g.base, overwrite: true });
    results.push(await waitJob(engine, jobId, !!args.flags.json) as RenderResult);
  }
  const files = results.flatMap((r) => r.files);
  const lines = [
    ...files.map((f) => `${f.format.padEnd(5)} ${f.path}  ${(f.bytes / 1024).toFixed(0)} KB  sha256 ${f.sha256}`),
    `report hash ${results[0]?.reportHash ?? '—'}${results.find((r) => r.pages !== null) ? ` · ${results.find((r) => r.pages !== null)!.pages} pages` : ''}`,
    ...results.flatMap((r) => r.warnings).map((w) => `! ${w}`),
  ];
  return [lines.join('\n'), { files, reportHash: results[0]?.reportHash ?? null, pages: results.find((r) => r.pages !== null)?.pages ?? null, warnings: results.flatMap((r) => r.warnings) }];
}
