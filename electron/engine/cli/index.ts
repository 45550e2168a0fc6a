import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiError, type Locale } from '../../../shared/api/errors';
import { createEngine, type Engine } from '../engine';
import { normaliseProjectPath } from '../services/projects';
import { startDemoJob } from '../api/handlers/jobs';
import { parseArgs, type ParsedArgs } from './args';

const HELP = `民声 Minsheng 命令行 / command line

用法 Usage: npm run -s cli -- <command> [options]

  project create <file>              新建项目 / create an empty project file (.minsheng)
  project info <file> [--json]       项目信息 / schema version, row counts per table, file size
  demo <file> [--records N] [--seed S] [--force]
                                     生成合成示例项目 / write a synthetic demo project (default 200000 records)

Options: --json machine-readable output · --lang en|zh-CN · --help
Exit codes: 0 ok · 1 user error (message on stderr) · 2 internal error`;

class UsageError extends Error {}

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

async function demoCmd(args: ParsedArgs): Promise<void> {
  const file = args.positional[1];
  if (!file) throw new UsageError('usage: demo <file> [--records N] [--seed S]');
  const records = args.flags.records === undefined ? 200_000 : Number(args.flags.records);
  const seed = args.flags.seed === undefined ? 12345 : Number(args.flags.seed);
  if (!Number.isInteger(records) || records < 100 || records > 20_000_000) throw new UsageError('--records must be an integer between 100 and 20000000');
  if (!Number.isInteger(seed)) throw new UsageError('--seed must be an integer');
  const abs = normaliseProjectPath(file);
  if (args.flags.force) for (const f of [abs, `${abs}-wal`, `${abs}-shm`]) fs.rmSync(f, { force: true });
  await withEngine(async (engine) => {
    engine.ctx.projects.create(abs, 'cli');
    const t0 = performance.now();
    const off = engine.ctx.events.subscribe((e) => {
      if (e.event === 'job.progress' && !args.flags.json) {
        const d = e.data as { done: number; total: number | null; ratePerSecond: number | null };
        process.stderr.write(`\r${d.done}/${d.total ?? '?'}  ${d.ratePerSecond ? Math.round(d.ratePerSecond) : '-'} rows/s   `);
      }
    });
    const jobId = startDemoJob(engine.ctx, records, seed);
    const done = await engine.ctx.jobs.wait(jobId);
    off();
    if (!args.flags.json) process.stderr.write('\n');
    if (done.status !== 'succeeded') throw new ApiError('INTERNAL', { detail: done.message ?? done.status });
    const seconds = (performance.now() - t0) / 1000;
    const info = engine.ctx.projects.info();
    const out = { path: info.path, records, seed, seconds: Number(seconds.toFixed(2)), rowsPerSecond: Math.round(records / seconds), fileSizeBytes: info.fileSizeBytes, synthetic: true };
    print(args, `合成示例数据 synthetic demo → ${info.path}\n${records} records in ${out.seconds} s = ${out.rowsPerSecond} rows/s`, out);
  });
}

export async function runCli(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  const locale: Locale = args.flags.lang === 'en' ? 'en' : 'zh-CN';
  const cmd = args.positional[0];
  if (!cmd || args.flags.help) { process.stdout.write(`${HELP}\n`); return cmd || args.flags.help ? 0 : 1; }
  try {
    if (cmd === 'project') await projectCmd(args);
    else if (cmd === 'demo') await demoCmd(args);
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
