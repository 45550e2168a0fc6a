import type { ScanParams } from '../../../../shared/api/areas/alerts';
import { runBacktest } from '../../services/alerts/backtest';
import { runDetection, type DetectParams } from '../../services/alerts/detect-run';
import { runScan } from '../../services/alerts/scan';
import type { JobBody } from '../types';

/** On-demand detection over chosen days (default: the last 7 days with data). */
export const detectJob: JobBody<DetectParams> = (ctx, params) =>
  runDetection(ctx.db, ctx.now(), params, (done, total) => { ctx.progress(done, total, '正在检测序列 detecting series'); ctx.checkCancelled(); });

/** Detectors over the whole history, scored against known events. */
export const backtestJob: JobBody<Record<string, never>> = (ctx) =>
  runBacktest(ctx.db, ctx.now(), (done, total) => { ctx.progress(done, total, '回测 backtest'); ctx.checkCancelled(); });

/** Space-time permutation scan. */
export const scanJob: JobBody<ScanParams> = (ctx, params) =>
  runScan(ctx.db, ctx.now(), params, (done, total) => {
    if (done % 10 === 0 || done === total) { ctx.progress(done, total, '蒙特卡罗模拟 Monte Carlo replicates'); ctx.checkCancelled(); }
  });
