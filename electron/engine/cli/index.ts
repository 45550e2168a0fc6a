import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiError, type Locale } from '../../../shared/api/errors';
import { createEngine, type Engine } from '../engine';
import { parseArgs, type ParsedArgs } from './args';
import { AUDIT_BROKEN_EXIT, auditCmd, auditVerifyText } from './audit-commands';
import { UsageError, batchesCmd, importCmd, rejectedCmd, taxonomyCmd } from './import-commands';
import { statsCmd } from './stats-commands';
import { PACKAGE_HELP, packageCmd } from './package-commands';
import { EVALUATE_HELP, evaluateCmd } from './evaluation-commands';
import { LAYER_COMMANDS, LAYER_HELP, layerCmd } from './layer-commands';
import { TEXT_COMMANDS, TEXT_HELP, textCmd } from './text-commands';
import { ALERT_COMMANDS, ALERT_HELP, alertCmd } from './alert-commands';
import { REPORT_HELP, reportCmd } from './report-commands';
import { DEMO_HELP, demoCmd, demoText } from './demo-commands';

const HELP = `民声 Minsheng 命令行 / command line

用法 Usage: npm run -s cli -- <command> [options]

  project create <file>              新建项目 / create an empty project file (.minsheng)
  project info <file> [--json]       项目信息 / schema version, row counts per table, file size
${DEMO_HELP}
  import <file> --project <p> --source <code> [--mapping m.json] [--encoding auto|utf8|gb18030|utf16le|utf16be]
         [--crs wgs84|gcj02|bd09] [--timezone TZ] [--sheet NAME] [--on-duplicate skip|update]
                                     导入热线数据 / import an extract (CSV/TSV/XLSX/JSON/JSONL); mapping from
                                     the file, a saved template for the same header, or automatic suggestions
  batches <p>                        导入批次 / import history
  rejected <p> --batch <id> [--reason CODE] --csv
                                     被拒绝的行 / rejected rows as CSV, to fix and re-import
  audit verify <p>                   校验审计链 / recompute the audit hash chain; exit 3 and the first broken entry when it fails
  audit list <p> [--action A] [--limit N]
                                     审计记录 / audit trail entries, oldest first
  taxonomy import <file> --project <p>
                                     导入统一分类体系 / import a unified 3-level category tree
  stats <p> --by D [--by2 D] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--where k=v[;k=v]] [--compare previous|yoy]
                                     统计（与仪表盘相同的数字）/ the dashboard's numbers: D = month|week|day|quarter|year|
                                     category1..3|district|street|community|department|source|status|channel|hour|weekday;
                                     --where keys: category1..3, district, department, source, status, … (a|b for several)
${LAYER_HELP}
${PACKAGE_HELP}
${TEXT_HELP}
${EVALUATE_HELP}
${ALERT_HELP}
${REPORT_HELP}

Options: --json machine-readable output · --lang en|zh-CN · --help
Exit codes: 0 ok · 1 user error (message on stderr) · 2 internal error · 3 audit chain broken`;


function print(args: ParsedArgs, human: string, json: unknown): void {
  process.stdout.write(args.flags.json ? `${JSON.stringify(json)}\n` : `${human}\n`);
}

async function withEngine<T>(fn: (engine: Engine) => Promise<T> | T): Promise<T> {
  const dataDir = process.env.MINSHENG_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-cli-'));
  const engine = createEngine({ host: 'cli', dataDir, progressIntervalMs: 500 });
  try { return await fn(engine); } finally {
    await engine.shutdown();
    if (!process.env.MINSHENG_DATA_DIR) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function projectCmd(args: ParsedArgs): Promise<void> {
  const [, sub, file] = args.positional;
  if (!file || (sub !== 'create' && sub !== 'info')) throw new UsageError('usage: project create|info <file>');
  await withEngine(async (engine) => {
    const info = sub === 'create' ? engine.ctx.projects.create(file, 'cli') : engine.ctx.projects.openFile(file, 'cli', 'cli.project.info');
    const lines = [`${info.path}`, `schema ${info.schemaVersion} · ${(info.fileSizeBytes / 1048576).toFixed(1)} MB${info.synthetic ? ' · 合成数据 synthetic' : ''}`,
      ...info.counts.map((c) => `  ${c.table.padEnd(16)} ${c.rows}`)];
    print(args, lines.join('\n'), info);
  });
}

export async function runCli(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  const locale: Locale = args.flags.lang === 'en' ? 'en' : 'zh-CN';
  const cmd = args.positional[0];
  if (!cmd || args.flags.help) { process.stdout.write(`${HELP}\n`); return cmd || args.flags.help ? 0 : 1; }
  try {
    if (cmd === 'project') await projectCmd(args);
    else if (cmd === 'demo') await withEngine(async (e) => { const o = await demoCmd(e, args); print(args, demoText(o), o); });
    else if (cmd === 'import') await withEngine(async (e) => {
      const r = await importCmd(e, args);
      print(args, `batch ${r.batchId}: read ${r.rowsRead} · imported ${r.imported} · updated ${r.updated} · duplicates ${r.duplicates} · rejected ${r.rejected} · blank ${r.blankRows} · ${r.seconds.toFixed(1)} s`,
        { batchId: r.batchId, rowsRead: r.rowsRead, blankRows: r.blankRows, imported: r.imported, updated: r.updated, duplicates: r.duplicates, rejected: r.rejected, seconds: r.seconds });
    });
    else if (cmd === 'batches') await withEngine((e) => {
      const list = batchesCmd(e, args) as { id: number; fileName: string; rowsRead: number; imported: number; rejected: number; status: string }[];
      print(args, list.map((b) => `${b.id}\t${b.status}\t${b.fileName}\tread ${b.rowsRead}\timported ${b.imported}\trejected ${b.rejected}`).join('\n'), list);
    });
    else if (cmd === 'rejected') await withEngine((e) => { process.stdout.write(`${rejectedCmd(e, args, locale)}\n`); });
    else if (cmd === 'audit') {
      const r = auditCmd(args);
      if (r.kind === 'list') print(args, r.result.entries.map((e) => `#${e.id}\t${new Date(e.at).toISOString()}\t${e.actor}\t${e.action}\t${e.detail}`).join('\n'), r.result);
      else {
        print(args, auditVerifyText(r.result, locale), r.result);
        if (!r.result.ok) return AUDIT_BROKEN_EXIT;
      }
    }
    else if (cmd === 'evaluate') await withEngine(async (e) => { const r = await evaluateCmd(e, args); process.stdout.write(r.stdoutJson ? `${JSON.stringify(r.run)}\n` : `${r.text}\n`); });
    else if (cmd === 'export' && !args.flags.places) { // export <p> --format … = package export (records with anonymisation)
      const code = await withEngine(async (e) => { const [text, json, exit] = await packageCmd(e, { ...args, positional: ['package', 'export', ...args.positional.slice(1)] }); print(args, text, json); return exit; });
      if (code) return code;
    } else if (cmd === 'package') { const code = await withEngine(async (e) => { const [text, json, exit] = await packageCmd(e, args); print(args, text, json); return exit; }); if (code) return code; }
    else if (cmd === 'stats') await withEngine(async (e) => { process.stdout.write(`${await statsCmd(e, args)}\n`); });
    else if (cmd === 'taxonomy') await withEngine(async (e) => { const r = await taxonomyCmd(e, args); print(args, JSON.stringify(r), r); });
    else if (cmd === 'report') await withEngine(async (e) => { const [text, json] = await reportCmd(e, args, argv); print(args, text, json); });
    else if (ALERT_COMMANDS.includes(cmd)) await withEngine(async (e) => { const [text, json] = await alertCmd(e, args); print(args, text, json); });
    else if (TEXT_COMMANDS.includes(cmd)) await withEngine(async (e) => { const [text, json] = await textCmd(e, args); print(args, text, json); });
    else if (LAYER_COMMANDS.includes(cmd)) await withEngine(async (e) => { const [text, json] = await layerCmd(e, args); print(args, text, json); });
    else throw new UsageError(`unknown command: ${cmd} (see --help)`);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) { process.stderr.write(`${e.message}\n`); return 1; }
    if (e instanceof ApiError) {
      const msg = e.localized(locale);
      process.stderr.write(`${msg}\n`);
      return e.code === 'INTERNAL' || e.code === 'BAD_OUTPUT' ? 2 : 1;
    }
    process.stderr.write(`internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
    return 2;
  }
}

const isMain = process.argv[1] && /cli[\\/]index\.(ts|js|cjs)$/.test(process.argv[1]);
if (isMain) runCli(process.argv.slice(2)).then((code) => process.exit(code));
