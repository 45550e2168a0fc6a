/**
 * The default scheme: the national 12345 framework's three pillars (response, conduct, resolution)
 * holding the brief's six dimensions (demand volume, demand distribution, response cycle, crisis
 * response, policy execution, public satisfaction). A starting point to edit, not a standard.
 */
import { METRICS, type MetricId } from './catalogue';
import type { Direction, MissingRule, Normalisation } from './normalise';
import { SCHEME_FORMAT, type GroupNode, type IndicatorNode, type IndicatorParams, type LocalText, type Scheme, type SchemeNode, type Weighting } from './scheme';

export function indicator(id: string, metric: MetricId, weight: number, opts: {
  name?: LocalText; params?: IndicatorParams; direction?: Direction; normalisation?: Normalisation; target?: number; missing?: MissingRule;
} = {}): IndicatorNode {
  const info = METRICS[metric];
  return {
    kind: 'indicator', id, metric, weight,
    name: opts.name ?? { zh: info.zh, en: info.en },
    params: opts.params ?? {},
    direction: opts.direction ?? info.direction,
    normalisation: opts.normalisation ?? 'minmax',
    ...(opts.target !== undefined ? { target: opts.target } : {}),
    missing: opts.missing ?? 'mean',
  };
}

export function group(id: string, zh: string, en: string, weight: number, children: SchemeNode[], weighting: Weighting = { method: 'manual' }): GroupNode {
  return { kind: 'group', id, name: { zh, en }, weight, weighting, children };
}

export function defaultScheme(): Scheme {
  const response = group('response', '响应', 'Response', 1, [
    group('responseCycle', '响应周期', 'Response cycle', 3, [
      indicator('resp-median', 'responseMedianH', 2),
      indicator('resp-p90', 'responseP90H', 1),
      indicator('resp-ontime', 'responseOnTimeRate', 2, { normalisation: 'target', target: 0.95 }),
      indicator('close-median', 'closeMedianH', 2),
      indicator('close-p90', 'closeP90H', 1),
    ]),
    group('crisis', '危机响应', 'Crisis response', 1, [
      indicator('crisis-assign', 'crisisAssignH', 1),
      indicator('crisis-resolve', 'crisisResolveH', 1),
    ]),
  ]);
  const conduct = group('conduct', '办理', 'Conduct', 1, [
    group('demandVolume', '诉求量', 'Demand volume', 1, [
      indicator('volume', 'volume', 1, { normalisation: 'zscore' }),
      indicator('volume-capita', 'volumePerCapita', 1),
    ]),
    group('demandDistribution', '诉求分布', 'Demand distribution', 1, [
      indicator('top-cats', 'topCategoryShare', 1, { params: { topN: 3 } }),
      indicator('area-gini', 'areaGini', 1),
    ]),
    group('policyExecution', '政策执行', 'Policy execution', 3, [
      indicator('ontime', 'onTimeRate', 3, { normalisation: 'target', target: 0.95 }),
      indicator('transfers', 'transfersMean', 1),
      indicator('returns', 'returnRate', 1),
      indicator('reply-complete', 'replyCompleteness', 1),
      indicator('reply-relevance', 'replyRelevance', 1),
      indicator('data-quality', 'dataQuality', 1),
    ]),
  ], { method: 'combined', subjective: 'manual', alpha: 0.7 });
  const resolution = group('resolution', '解决', 'Resolution', 1, [
    group('solved', '问题解决', 'Problems solved', 1, [
      indicator('resolved', 'resolutionRate', 2),
      indicator('repeats', 'repeatRate', 1, { params: { windowDays: 30 } }),
    ]),
    group('satisfaction', '群众满意', 'Public satisfaction', 1, [
      indicator('sat-rate', 'satisfactionRate', 3),
      indicator('sat-mean', 'satisfactionMean', 1),
      indicator('rated', 'ratedShare', 1),
    ]),
  ]);
  return {
    format: SCHEME_FORMAT, formatVersion: 1, key: 'national-12345', version: 0,
    name: { zh: '12345 热线三支柱评估（默认）', en: '12345 three-pillar evaluation (default)' },
    description: {
      zh: '按全国 12345 热线评估框架的响应、办理、解决三大支柱，覆盖诉求量、诉求分布、响应周期、危机响应、政策执行、群众满意六个维度。',
      en: 'The national 12345 framework\'s pillars response, conduct and resolution, covering demand volume, demand distribution, response cycle, crisis response, policy execution and public satisfaction.',
    },
    aggregation: 'weightedSum', minRecords: 30,
    exclusions: { instantMinutes: 5, maxDays: 365 },
    timeLimitHours: 120, responseLimitHours: 24,
    // AHP over the pillars: resolution matters most (Saaty scale judgements; CR = 0).
    root: group('overall', '综合评价', 'Overall', 1, [response, conduct, resolution], {
      method: 'ahp', matrix: [[1, 1, 1 / 2], [1, 1, 1 / 2], [2, 2, 1]],
    }),
  };
}
