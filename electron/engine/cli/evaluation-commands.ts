/**
 * cli evaluate <p> --scheme s.json|<saved key>[@version]|default --object department|district|street|source
 *   --period 2019[,2020] [--sensitivity 10] [--filter f.json] [--json [out.json]] [--xlsx out.xlsx]
 * Runs through the same job and services as the UI, so the CLI and the UI give the same numbers.
 */
import fs from 'node:fs';
import { FilterSchema } from '../../../shared/model/filter';
import { OBJECT_KINDS, type ObjectKind } from '../../../shared/domain/evaluation';
import type { RunResult } from '../../../shared/api/areas/evaluation';
import type { Engine } from '../engine';
import { SqliteEvaluationRepository } from '../db/repos/evaluation-repo';
import { builtInDefault, parseSchemeFile, saveScheme, schemeOf } from '../services/evaluation/schemes';
import { loadRun } from '../services/evaluation/store';
import { runSheets } from '../services/evaluation/export';
import { buildXlsx } from '../services/stats/xlsx';
import { UsageError, waitJob } from './import-commands';
import type { ParsedArgs } from './args';

export const EVALUATE_HELP = `  evaluate <p> --scheme s.json|<key>[@version]|default --object department|district|street|source --period 2019[,2020]
           [--sensitivity 10] [--filter f.json] [--json [out.json]] [--xlsx out.xlsx]
                                     第三方评估 / run an evaluation scheme: ranking, scores, evidence counts, provenance`;

const str = (args: ParsedArgs, k: string): string | undefined => (typeof args.flags[k] === 'string' ? args.flags[k] as string : undefined);
const strip = (s: object) => JSON.stringify({ ...s, version: 0 });

/** The scheme version to run: a file (saved as a new version unless identical to the latest), a saved key, or the default. */
function resolveScheme(repo: SqliteEvaluationRepository, spec: string): number {
  const fromFile = fs.existsSync(spec);
  if (!fromFile && spec !== 'default') {
    const [key, version] = spec.split('@');
    const row = version ? repo.listVersions(key).find((v) => v.version === Number(version)) : repo.latestScheme(key);
    if (!row) throw new UsageError(`--scheme: no file and no saved scheme "${spec}" (key or key@version)`);
    return row.id;
  }
  const scheme = fromFile ? parseSchemeFile(fs.readFileSync(spec, 'utf8')) : builtInDefault();
  const latest = repo.latestScheme(scheme.key);
  if (latest && strip(schemeOf(latest)) === strip(scheme)) return latest.id;
  return saveScheme(repo, scheme, Date.now()).id;
}

export async function evaluateCmd(engine: Engine, args: ParsedArgs): Promise<{ text: string; run: RunResult; stdoutJson: boolean }> {
  const project = args.positional[1];
  const schemeSpec = str(args, 'scheme') ?? 'default';
  const object = (str(args, 'object') ?? 'department') as ObjectKind;
  const periods = (str(args, 'period') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (!project || !periods.length) throw new UsageError(`usage:\n${EVALUATE_HELP}`);
  if (!OBJECT_KINDS.includes(object)) throw new UsageError(`--object must be one of ${OBJECT_KINDS.join(', ')}`);
  const sensitivity = str(args, 'sensitivity') === undefined ? 10 : Number(str(args, 'sensitivity'));
  if (!(sensitivity >= 1 && sensitivity <= 90)) throw new UsageError('--sensitivity must be a percentage between 1 and 90');
  let filter = {};
  if (str(args, 'filter')) {
    const f = FilterSchema.safeParse(JSON.parse(fs.readFileSync(str(args, 'filter')!, 'utf8')));
    if (!f.success) throw new UsageError(`--filter: ${f.error.issues[0]?.message ?? 'invalid filter'}`);
    filter = f.data;
  }
  engine.ctx.projects.openFile(project, 'cli', 'cli.evaluate');
  const db = engine.ctx.projects.require().handle.db;
  const schemeId = resolveScheme(new SqliteEvaluationRepository(db), schemeSpec);
  const { jobId } = await engine.dispatcher.call('evaluation.run', { schemeId, objectKind: object, periods, filter, sensitivityPercent: sensitivity }) as { jobId: string };
  const { runId } = (await waitJob(engine, jobId, true)) as { runId: number };
  const run = loadRun(db, runId);
  const outJson = args.flags.json === true ? args.positional[2] : str(args, 'json');
  if (outJson) fs.writeFileSync(outJson, `${JSON.stringify(run, null, 2)}\n`);
  const xlsx = str(args, 'xlsx');
  if (xlsx) fs.writeFileSync(xlsx, await buildXlsx(runSheets(run, args.flags.lang === 'en' ? 'en' : 'zh-CN')));
  const last = run.periods[run.periods.length - 1];
  const top = [...last.objects].filter((o) => o.rank !== null).sort((a, b) => a.rank! - b.rank!).slice(0, 10);
  const text = [
    `run ${run.id} · ${run.scheme.key} v${run.scheme.version} · ${run.objectKind} · ${run.periods.map((p) => p.label).join(', ')} · result ${run.resultHash.slice(0, 16)}`,
    ...top.map((o) => `${String(o.rank).padStart(4)}  ${(o.score ?? 0).toFixed(2).padStart(6)}  ${o.key}`),
    ...(outJson ? [`→ ${outJson}`] : []), ...(xlsx ? [`→ ${xlsx}`] : []),
  ].join('\n');
  return { text, run, stdoutJson: args.flags.json === true && !outJson };
}
