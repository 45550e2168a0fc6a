/** `cli demo`: writes a synthetic demo project (and, unless --defer-derived, its deferred derived data). */
import fs from 'node:fs';
import { ApiError } from '../../../shared/api/errors';
import type { Engine } from '../engine';
import { normaliseProjectPath } from '../services/projects';
import { startDemoJob } from '../api/handlers/jobs';
import { derivedPending, holdDerivedRefresh, waitDerivedRefresh } from '../services/derived/auto';
import type { ParsedArgs } from './args';
import { UsageError } from './import-commands';

export const DEMO_HELP = `  demo <file> [--records N] [--seed S] [--force] [--defer-derived]
                                     生成合成示例项目 / write a synthetic demo project (default 200000 records);
                                     ≥ 50000 records: the full-text index and alert detection follow after the
                                     records are committed, or with --defer-derived when the app opens the project`;

export interface DemoCmdOut {
  path: string; records: number; seed: number; seconds: number; rowsPerSecond: number;
  /** Seconds of the deferred derived data (full-text index, alerts); null when none was owed or it was deferred. */
  derivedSeconds: number | null;
  derivedDeferred: boolean;
  fileSizeBytes: number; synthetic: true;
}

export async function demoCmd(engine: Engine, args: ParsedArgs): Promise<DemoCmdOut> {
  const file = args.positional[1];
  if (!file) throw new UsageError('usage: demo <file> [--records N] [--seed S] [--force] [--defer-derived]');
  const records = args.flags.records === undefined ? 200_000 : Number(args.flags.records);
  const seed = args.flags.seed === undefined ? 12345 : Number(args.flags.seed);
  if (!Number.isInteger(records) || records < 100 || records > 20_000_000) throw new UsageError('--records must be an integer between 100 and 20000000');
  if (!Number.isInteger(seed)) throw new UsageError('--seed must be an integer');
  const defer = Boolean(args.flags['defer-derived']);
  const abs = normaliseProjectPath(file);
  if (args.flags.force) for (const f of [abs, `${abs}-wal`, `${abs}-shm`]) fs.rmSync(f, { force: true });
  const { ctx } = engine;
  ctx.projects.create(abs, 'cli');
  const release = defer ? holdDerivedRefresh(ctx) : () => {};
  const t0 = performance.now();
  const off = ctx.events.subscribe((e) => {
    if (e.event === 'job.progress' && !args.flags.json) {
      const d = e.data as { done: number; total: number | null; ratePerSecond: number | null };
      process.stderr.write(`\r${d.done}/${d.total ?? '?'}  ${d.ratePerSecond ? Math.round(d.ratePerSecond) : '-'} rows/s   `);
    }
  });
  try {
    const done = await ctx.jobs.wait(startDemoJob(ctx, records, seed));
    if (!args.flags.json) process.stderr.write('\n');
    if (done.status !== 'succeeded') throw new ApiError('INTERNAL', { detail: done.message ?? done.status });
    const seconds = (performance.now() - t0) / 1000;
    // a large demo leaves the full-text index and alert detection to the refresh job: finish it unless deferred
    const refresh = defer ? null : await waitDerivedRefresh(ctx);
    if (!args.flags.json) process.stderr.write('\n');
    if (refresh && refresh.status !== 'succeeded') process.stderr.write(`derived data refresh ${refresh.status}: it resumes when the project is next opened\n`);
    const info = ctx.projects.info();
    return {
      path: info.path, records, seed, seconds: Number(seconds.toFixed(2)), rowsPerSecond: Math.round(records / seconds),
      derivedSeconds: refresh ? Number(refresh.seconds.toFixed(2)) : null, derivedDeferred: defer && derivedPending(ctx),
      fileSizeBytes: info.fileSizeBytes, synthetic: true,
    };
  } finally {
    off();
    release();
  }
}

export function demoText(o: DemoCmdOut): string {
  const derived = o.derivedSeconds !== null ? `\nfull-text index and alert detection: ${o.derivedSeconds} s`
    : o.derivedDeferred ? '\n全文索引与预警检测将在应用打开项目时完成 / full-text index and alert detection follow when the app opens the project' : '';
  return `合成示例数据 synthetic demo → ${o.path}\n${o.records} records in ${o.seconds} s = ${o.rowsPerSecond} rows/s${derived}\n${(o.fileSizeBytes / 1048576).toFixed(0)} MB`;
}
