/**
 * Follows the engine's job events so the main process can show progress in the taskbar/dock and ask
 * before closing during a job — PURE, unit-tested.
 */
export interface TrackedJob { jobId: string; kind: string; done: number; total: number | null }

/** Electron's setProgressBar values: -1 removes the bar, 2 is indeterminate on Windows, 0..1 a fraction. */
export const NO_PROGRESS = -1;
export const INDETERMINATE = 2;

export class JobTracker {
  private readonly jobs = new Map<string, TrackedJob>();

  /** Feed every engine event; returns true when the set of running jobs or their progress changed. */
  onEvent(event: string, data: unknown): boolean {
    if (typeof data !== 'object' || data === null) return false;
    const d = data as Record<string, unknown>;
    if (event === 'job.progress' && typeof d.jobId === 'string') {
      const done = typeof d.done === 'number' && Number.isFinite(d.done) ? d.done : 0;
      const total = typeof d.total === 'number' && Number.isFinite(d.total) && d.total > 0 ? d.total : null;
      this.jobs.set(d.jobId, { jobId: d.jobId, kind: typeof d.kind === 'string' ? d.kind : 'job', done, total });
      return true;
    }
    if (event === 'job.done') {
      const job = d.job as Record<string, unknown> | undefined;
      return typeof job?.jobId === 'string' ? this.jobs.delete(job.jobId) : false;
    }
    return false;
  }

  /** The engine is gone: its jobs are gone too (their transactions were never committed). */
  clear(): void { this.jobs.clear(); }

  running(): TrackedJob[] { return [...this.jobs.values()]; }

  /** One bar for all jobs: the sum of done over the sum of totals; indeterminate when a total is unknown. */
  progressValue(): number {
    const jobs = this.running();
    if (jobs.length === 0) return NO_PROGRESS;
    if (jobs.some((j) => j.total === null)) return INDETERMINATE;
    const total = jobs.reduce((a, j) => a + (j.total ?? 0), 0);
    const done = jobs.reduce((a, j) => a + Math.min(j.done, j.total ?? 0), 0);
    return total > 0 ? Math.min(1, Math.max(0, done / total)) : INDETERMINATE;
  }
}

/** Human names of job kinds for the close dialog. */
const KIND_NAMES: Record<string, { 'zh-CN': string; en: string }> = {
  'demo.generate': { 'zh-CN': '生成示例数据', en: 'generating the demo' },
  'import.file': { 'zh-CN': '导入数据', en: 'importing data' },
  'import.removeBatch': { 'zh-CN': '删除导入批次', en: 'removing an import batch' },
  'taxonomy.import': { 'zh-CN': '导入分类体系', en: 'importing a taxonomy' },
  'layers.add': { 'zh-CN': '导入图层', en: 'importing a layer' },
};

export function describeJobs(jobs: readonly TrackedJob[], locale: 'zh-CN' | 'en'): string {
  const names = [...new Set(jobs.map((j) => KIND_NAMES[j.kind]?.[locale] ?? j.kind))];
  return names.join(locale === 'zh-CN' ? '、' : ', ');
}
