/**
 * Alert settings (stored per project in alert_config) and their mapping to detector options.
 * Defaults, chosen on the synthetic demo's backtest (see README, 预警 Alerts):
 * p < 1e-5 (regression), ≥ 4 requests and ≥ 2.5 × expected in the day or the 3-day window,
 * 84 training days ending 3 days before the day assessed, all five detectors, four series levels,
 * the top 20 emerging terms monitored as series, alerts below severity score 5 hidden, 14-day follow-up.
 */
import type { AlertConfig } from '../../../../shared/api/areas/alerts';
import { DEFAULT_DETECT, type DetectOptions, type DetectorName } from '../../../../shared/domain/surveillance/detect';
import { DEFAULT_LEVELS } from '../../../../shared/domain/surveillance/series';
import type { SqliteAlertsRepository } from '../../db/repos/alerts-repo';

export const DEFAULT_ALERT_CONFIG: AlertConfig = {
  pAlarm: DEFAULT_DETECT.pAlarm,
  minCount: DEFAULT_DETECT.minCount,
  minRatio: DEFAULT_DETECT.minRatio,
  windowDays: DEFAULT_DETECT.windowDays,
  trainingDays: DEFAULT_DETECT.baseline.trainingDays,
  detectors: [...DEFAULT_DETECT.detectors] as AlertConfig['detectors'],
  levels: DEFAULT_LEVELS.map((l) => ({ ...l })),
  minScore: 5,
  followUpDays: 14,
  autoRun: true,
  terms: 20,
};

export function readConfig(repo: SqliteAlertsRepository): AlertConfig {
  return { ...DEFAULT_ALERT_CONFIG, ...repo.getConfig() } as AlertConfig;
}

export function detectOptions(c: AlertConfig): DetectOptions {
  return {
    ...DEFAULT_DETECT,
    pAlarm: c.pAlarm, minCount: c.minCount, minRatio: c.minRatio, windowDays: c.windowDays,
    detectors: c.detectors as DetectorName[],
    baseline: { ...DEFAULT_DETECT.baseline, trainingDays: c.trainingDays },
  };
}
