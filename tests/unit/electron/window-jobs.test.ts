import { describe, expect, it } from 'vitest';
import { describeJobs, INDETERMINATE, JobTracker, NO_PROGRESS } from '../../../electron/main/job-tracker';
import { parseMainSettings } from '../../../electron/main/settings-file';
import { parseWindowState, restoreBounds, DEFAULT_SIZE } from '../../../electron/main/window-state';

const screen = { x: 0, y: 0, width: 1920, height: 1040 };
const second = { x: 1920, y: 0, width: 1280, height: 1000 };

describe('window state', () => {
  it('restores saved bounds on the display that shows them', () => {
    const saved = parseWindowState({ bounds: { x: 2000, y: 50, width: 1200, height: 800 }, maximized: false });
    expect(restoreBounds(saved, [screen, second]).bounds).toEqual({ x: 2000, y: 50, width: 1200, height: 800 });
  });

  it('falls back to the default size when the saved display is gone', () => {
    const saved = parseWindowState({ bounds: { x: 2000, y: 50, width: 1200, height: 800 }, maximized: true });
    const r = restoreBounds(saved, [screen]);
    expect(r.bounds).toEqual({ width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height });
    expect(r.maximized).toBe(true);
  });

  it('shrinks and moves a window larger than its display back inside, never below the minimum size', () => {
    const r = restoreBounds(parseWindowState({ bounds: { x: -100, y: 900, width: 3000, height: 500 } }), [screen]);
    // 500 px high is below the 640 px minimum; the bottom edge is kept on screen (1040 - 640 = 400)
    expect(r.bounds).toEqual({ x: 0, y: 400, width: 1920, height: 640 });
    const small = restoreBounds(null, [{ x: 0, y: 0, width: 1280, height: 720 }]);
    expect(small.bounds).toEqual({ width: 1280, height: 720 });
  });

  it('rejects damaged or foreign files', () => {
    for (const bad of [null, 'x', {}, { bounds: { x: 0, y: 0, width: -1, height: 5 } }, { bounds: { x: 'a', y: 0, width: 5, height: 5 } }, { bounds: { x: 1e9, y: 0, width: 5, height: 5 } }]) {
      expect(parseWindowState(bad)).toBeNull();
    }
  });
});

describe('job tracker: taskbar progress and close guard', () => {
  const progress = (jobId: string, done: number, total: number | null, kind = 'import.file') => ({ jobId, kind, done, total, ratePerSecond: null, etaSeconds: null, message: null });

  it('has no bar without jobs, a fraction with known totals, indeterminate otherwise', () => {
    const t = new JobTracker();
    expect(t.progressValue()).toBe(NO_PROGRESS);
    expect(t.onEvent('job.progress', progress('a', 25, 100))).toBe(true);
    expect(t.progressValue()).toBe(0.25);
    t.onEvent('job.progress', progress('b', 75, 100, 'demo.generate'));
    expect(t.progressValue()).toBe(0.5);
    t.onEvent('job.progress', progress('c', 5, null));
    expect(t.progressValue()).toBe(INDETERMINATE);
    expect(describeJobs(t.running(), 'zh-CN')).toBe('导入数据、生成示例数据');
  });

  it('forgets finished jobs and everything when the engine goes away; ignores other events', () => {
    const t = new JobTracker();
    t.onEvent('job.progress', progress('a', 1, 2));
    t.onEvent('job.progress', progress('b', 1, 2));
    expect(t.onEvent('project.changed', { project: null })).toBe(false);
    expect(t.onEvent('job.done', { job: { jobId: 'a' } })).toBe(true);
    expect(t.running().map((j) => j.jobId)).toEqual(['b']);
    expect(t.onEvent('job.done', { job: { jobId: 'zzz' } })).toBe(false);
    t.clear();
    expect(t.progressValue()).toBe(NO_PROGRESS);
  });

  it('clamps progress beyond the total', () => {
    const t = new JobTracker();
    t.onEvent('job.progress', progress('a', 150, 100));
    expect(t.progressValue()).toBe(1);
    expect(describeJobs([{ jobId: 'x', kind: 'odd.kind', done: 0, total: null }], 'en')).toBe('odd.kind');
  });
});

describe('settings file as the main process reads it', () => {
  it('reads the language and recent projects, tolerating junk', () => {
    const s = parseMainSettings(JSON.stringify({ locale: 'en', recent: [{ path: '/a.minsheng', name: 'A' }, { name: 'no path' }, { path: '/b.minsheng' }] }));
    expect(s).toEqual({ locale: 'en', recent: [{ path: '/a.minsheng', name: 'A' }, { path: '/b.minsheng', name: '' }] });
    expect(parseMainSettings('{not json')).toEqual({ locale: undefined, recent: [] });
    expect(parseMainSettings(null).recent).toEqual([]);
  });
});
