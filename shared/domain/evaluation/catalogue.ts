/**
 * The metric library: what the engine can compute from the records for each object and period.
 * Labels are bilingual because the CLI's XLSX export and the UI both show them.
 */
import type { Direction } from './normalise';

export const METRIC_IDS = [
  'volume', 'volumePerCapita', 'topCategoryShare', 'areaGini', 'areaEntropy',
  'responseMedianH', 'responseP90H', 'responseOnTimeRate', 'closeMedianH', 'closeP90H', 'onTimeRate',
  'transfersMean', 'transferRate', 'returnRate', 'repeatRate', 'resolutionRate',
  'satisfactionRate', 'satisfactionMean', 'ratedShare',
  'crisisAssignH', 'crisisResolveH',
  'replyCompleteness', 'replyRelevance', 'dataQuality',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

export type MetricUnit = 'count' | 'per10k' | 'share' | 'hours' | 'index';
export type MetricParam = 'limitHours' | 'topN' | 'windowDays';
/** What a metric needs beyond the basic record columns. */
export type MetricNeed = 'text' | 'alerts' | 'population' | 'subareas';

export interface MetricInfo {
  id: MetricId;
  unit: MetricUnit;
  direction: Direction;
  params: readonly MetricParam[];
  needs: readonly MetricNeed[];
  zh: string;
  en: string;
  /** How it is computed, shown beside the evidence. */
  defZh: string;
  defEn: string;
}

const m = (id: MetricId, unit: MetricUnit, direction: Direction, zh: string, en: string, defZh: string, defEn: string,
  params: readonly MetricParam[] = [], needs: readonly MetricNeed[] = []): MetricInfo => ({ id, unit, direction, params, needs, zh, en, defZh, defEn });

export const METRICS: Readonly<Record<MetricId, MetricInfo>> = {
  volume: m('volume', 'count', 'lower', '诉求量', 'Request volume', '期内受理的诉求条数', 'Requests received in the period'),
  volumePerCapita: m('volumePerCapita', 'per10k', 'lower', '万人诉求量', 'Requests per 10,000 residents', '诉求量 ÷ 图层要素属性中的人口（population / 人口）× 10000', 'Requests ÷ population (layer feature property population / 人口) × 10,000', [], ['population']),
  topCategoryShare: m('topCategoryShare', 'share', 'lower', '前 N 类诉求占比', 'Share of the top N categories', '最多的 N 个一级分类占诉求量的比例', 'Share of requests in the N largest level-1 categories', ['topN']),
  areaGini: m('areaGini', 'index', 'lower', '地区分布基尼系数', 'Gini across areas', '诉求在下级区域（部门/热线→区县，区县→街道，街道→社区）间分布的基尼系数', 'Gini coefficient of requests across sub-areas (department/hotline → districts, district → streets, street → communities)', [], ['subareas']),
  areaEntropy: m('areaEntropy', 'index', 'higher', '地区分布熵', 'Entropy across areas', '诉求在下级区域间分布的归一化香农熵（0–1）', 'Normalised Shannon entropy of requests across sub-areas (0–1)', [], ['subareas']),
  responseMedianH: m('responseMedianH', 'hours', 'lower', '首次响应时长中位数', 'Median time to first response', '受理到首次响应的小时数中位数（剔除不可能时长）', 'Median hours from receipt to first response (impossible durations excluded)'),
  responseP90H: m('responseP90H', 'hours', 'lower', '首次响应时长 P90', 'Time to first response, P90', '受理到首次响应小时数的第 90 百分位', '90th percentile of hours to first response'),
  responseOnTimeRate: m('responseOnTimeRate', 'share', 'higher', '及时响应率', 'On-time response rate', '在时限内首次响应的比例（超时未响应计为不及时）', 'Share first responded within the limit (unanswered past the limit counts as late)', ['limitHours']),
  closeMedianH: m('closeMedianH', 'hours', 'lower', '办结时长中位数', 'Median time to close', '受理到办结的小时数中位数（剔除即时办结与不可能时长）', 'Median hours from receipt to closing (instant closures and impossible durations excluded)'),
  closeP90H: m('closeP90H', 'hours', 'lower', '办结时长 P90', 'Time to close, P90', '受理到办结小时数的第 90 百分位', '90th percentile of hours to close'),
  onTimeRate: m('onTimeRate', 'share', 'higher', '按时办结率', 'On-time closing rate', '时限内办结 ÷（时限内办结 + 超时办结 + 超时未办结）', 'Closed on time ÷ (on time + late + open past the limit)', ['limitHours']),
  transfersMean: m('transfersMean', 'count', 'lower', '平均转办次数', 'Mean transfers', '每条诉求的平均转办次数', 'Mean number of transfers per request'),
  transferRate: m('transferRate', 'share', 'lower', '转办率', 'Transfer rate', '至少转办一次的诉求比例', 'Share of requests transferred at least once'),
  returnRate: m('returnRate', 'share', 'lower', '退单率', 'Return rate', '状态为退回的诉求比例', 'Share of requests returned'),
  repeatRate: m('repeatRate', 'share', 'lower', '重复诉求率', 'Repeat rate', '同一来电人在 N 天内就同一三级分类再次来电的比例', 'Share of requests repeating a call by the same caller about the same level-3 category within N days', ['windowDays']),
  resolutionRate: m('resolutionRate', 'share', 'higher', '办结率', 'Resolution rate', '已办结诉求占诉求量的比例', 'Share of requests closed'),
  satisfactionRate: m('satisfactionRate', 'share', 'higher', '满意率', 'Satisfaction rate', '（满意 + 基本满意）÷ 已评价', '(satisfied + basically satisfied) ÷ rated'),
  satisfactionMean: m('satisfactionMean', 'index', 'higher', '满意度均值', 'Mean satisfaction', '已评价诉求满意度（0–1）的平均值', 'Mean satisfaction (0–1) of rated requests'),
  ratedShare: m('ratedShare', 'share', 'higher', '评价参与率', 'Rated share', '已办结诉求中有评价的比例', 'Share of closed requests that were rated'),
  crisisAssignH: m('crisisAssignH', 'hours', 'lower', '预警分派时长', 'Alert to assignment', '预警产生到分派的小时数中位数（来自预警处置流程）', 'Median hours from an alert to its assignment (from the alert workflow)', [], ['alerts']),
  crisisResolveH: m('crisisResolveH', 'hours', 'lower', '预警处置时长', 'Alert to resolution', '预警产生到处置完毕的小时数中位数（来自预警处置流程）', 'Median hours from an alert to its resolution (from the alert workflow)', [], ['alerts']),
  replyCompleteness: m('replyCompleteness', 'share', 'higher', '答复完整率', 'Reply completeness', '已办结诉求中答复包含核实、处理结果、依据说明三类要素中至少两类的比例', 'Share of closed requests whose reply has at least two of: verification, outcome, explanation', [], ['text']),
  replyRelevance: m('replyRelevance', 'index', 'higher', '答复相关度', 'Reply relevance', '答复与诉求内容的汉字二元组重合度（0–1）的平均值', 'Mean overlap (0–1) of Chinese character bigrams between the request and the reply', [], ['text']),
  dataQuality: m('dataQuality', 'share', 'higher', '数据质量', 'Data quality', '分类、位置、承办部门、状态齐全且时间先后合理的工单比例', 'Share of records with category, location, department and status present and time order valid'),
};

export const metricLabel = (id: MetricId, locale: 'zh-CN' | 'en'): string => (locale === 'en' ? METRICS[id].en : METRICS[id].zh);
