/** Texts the report itself contains (titles, captions, labels), in Chinese and English. */
export type ReportLocale = 'zh-CN' | 'en';

const ZH = {
  zh: true as boolean,
  toc: '目录', period: '统计期间', organisation: '编制单位', author: '编制人', generated: '生成时间', synthetic: '合成数据 · 仅供演示',
  figure: '图', table: '表', page: '页',
  overview: '总体情况', trend: '诉求量走势', categories: '诉求类别', performance: '办理绩效', map: '空间分布', text: '诉求文本分析',
  alerts: '预警与处置', evaluation: '评估结果', commentary: '分析与建议', item: '附图',
  total: '诉求总量', closed: '已办结', medianClose: '办结时长中位数', onTime: '按期办结率', satisfaction: '满意率', topCategory: '诉求最多的类别', topDistrict: '诉求最多的区',
  hours: '小时', vsPrev: '较上期', vsYear: '较去年同期', noComparison: '无对比期', none: '无',
  count: '件数', share: '占比', previous: '上期', yearAgo: '去年同期', change: '变化', rank: '排名', name: '名称', category: '类别',
  level1: '一级类别', level2: '二级类别', level3: '三级类别', department: '承办单位', district: '区',
  n: '件数', medianResponse: '响应时长中位数（小时）', medianCloseH: '办结时长中位数（小时）', onTimeRate: '按期办结率', satRate: '满意率',
  keywords: '高频关键词', emerging: '新兴热词', messages: '代表性诉求（已脱敏）', term: '词语', score: '权重', recent: '近期', baseline: '基期', ratio: '倍数',
  alertsTotal: '预警', alertId: '编号', alertPeriod: '时段', area: '区域', observed: '观测', expected: '期望', severity: '级别', status: '状态', noAlerts: '期间内无预警。',
  noEvaluation: '项目中还没有评估结果。', scheme: '指标体系', object: '对象', evalScore: '得分', rankChange: '名次变化', records: '件数',
  heat: '热力', choropleth: '分级设色', hotspots: '热点分析', street: '街道', community: '社区', located: '已定位',
  hot: '热点', cold: '冷点', ns: '不显著', legend: '图例', north: '北', noData: '无数据', noLayer: '项目中没有该级别的区划图层。',
  itemMissing: '该报告素材已被删除。', time: '时间', place: '地点', message: '内容',
  appendix: '附录：数据来源与可追溯信息', batches: '数据批次', file: '文件名', sha256: 'SHA-256', rows: '记录数', source: '来源',
  filterWords: '筛选条件', filterJson: '筛选条件（JSON）', params: '各部分参数', version: '民声版本', schema: '数据库结构版本', hash: '报告哈希',
  hashHow: '报告哈希为对报告正文（图表以其配置计）与本附录（不含生成时间与本行）规范化 JSON 的 SHA-256。用同一项目、同一报告配置重新生成，哈希应完全一致。',
  noFilter: '全部记录', from: '起', to: '止', sectionKind: '部分', value: '取值', bySource: '按来源',
  granularity: { day: '日', week: '周', month: '月', quarter: '季度' } as Record<string, string>,
  statusNames: { new: '新预警', confirmed: '已确认', false_alarm: '误报', assigned: '已交办', in_progress: '处理中', resolved: '已办结', verified: '已核实', recurred: '复发' } as Record<string, string>,
  severityNames: { low: '低', medium: '中', high: '高' } as Record<string, string>,
  filterKeys: { sources: '来源', categories: '类别', districts: '区', streets: '街道', communities: '社区', departments: '承办单位', statuses: '状态', requestTypes: '诉求类型', channels: '渠道', area: '绘制区域', q: '全文检索' } as Record<string, string>,
};
export type ReportStrings = typeof ZH;

const EN: ReportStrings = {
  zh: false,
  toc: 'Contents', period: 'Period', organisation: 'Prepared by', author: 'Author', generated: 'Generated', synthetic: 'SYNTHETIC DATA · demo only',
  figure: 'Figure ', table: 'Table ', page: 'page',
  overview: 'Overview', trend: 'Volume over time', categories: 'Categories', performance: 'Handling performance', map: 'Where requests come from', text: 'What people write',
  alerts: 'Alerts and their handling', evaluation: 'Evaluation results', commentary: 'Analysis and recommendations', item: 'Figure',
  total: 'Requests', closed: 'Closed', medianClose: 'Median time to close', onTime: 'Closed on time', satisfaction: 'Satisfied', topCategory: 'Top category', topDistrict: 'Top district',
  hours: 'h', vsPrev: 'vs previous period', vsYear: 'vs a year earlier', noComparison: 'no comparison', none: 'none',
  count: 'Count', share: 'Share', previous: 'Previous', yearAgo: 'A year earlier', change: 'Change', rank: 'Rank', name: 'Name', category: 'Category',
  level1: 'Level-1 category', level2: 'Level-2 category', level3: 'Level-3 category', department: 'Department', district: 'District',
  n: 'Requests', medianResponse: 'Median response (h)', medianCloseH: 'Median close (h)', onTimeRate: 'On time', satRate: 'Satisfied',
  keywords: 'Top keywords', emerging: 'Emerging terms', messages: 'Representative requests (PII masked)', term: 'Term', score: 'Weight', recent: 'Recent', baseline: 'Baseline', ratio: 'Ratio',
  alertsTotal: 'Alerts', alertId: 'No.', alertPeriod: 'Period', area: 'Area', observed: 'Observed', expected: 'Expected', severity: 'Severity', status: 'Status', noAlerts: 'No alerts in the period.',
  noEvaluation: 'The project has no evaluation results yet.', scheme: 'Indicator scheme', object: 'Object', evalScore: 'Score', rankChange: 'Rank change', records: 'Requests',
  heat: 'heat', choropleth: 'choropleth', hotspots: 'hot spots (Gi*)', street: 'street', community: 'community', located: 'located',
  hot: 'Hot spot', cold: 'Cold spot', ns: 'Not significant', legend: 'Legend', north: 'N', noData: 'No data', noLayer: 'The project has no boundary layer of this level.',
  itemMissing: 'This report item was deleted.', time: 'Time', place: 'Place', message: 'Text',
  appendix: 'Appendix: data provenance', batches: 'Data batches', file: 'File', sha256: 'SHA-256', rows: 'Rows', source: 'Source',
  filterWords: 'Filter', filterJson: 'Filter (JSON)', params: 'Section parameters', version: 'Minsheng version', schema: 'Schema version', hash: 'Report hash',
  hashHow: 'The report hash is the SHA-256 of the canonical JSON of the report body (charts by their options) and this appendix (without the generation time and this line). Rendering the same report configuration from the same project gives the same hash.',
  noFilter: 'all records', from: 'from', to: 'to', sectionKind: 'Section', value: 'Value', bySource: 'by source',
  granularity: { day: 'day', week: 'week', month: 'month', quarter: 'quarter' },
  statusNames: { new: 'new', confirmed: 'confirmed', false_alarm: 'false alarm', assigned: 'assigned', in_progress: 'in progress', resolved: 'resolved', verified: 'verified', recurred: 'recurred' },
  severityNames: { low: 'low', medium: 'medium', high: 'high' },
  filterKeys: { sources: 'sources', categories: 'categories', districts: 'districts', streets: 'streets', communities: 'communities', departments: 'departments', statuses: 'statuses', requestTypes: 'request types', channels: 'channels', area: 'drawn area', q: 'text search' },
};

export const reportStrings = (l: ReportLocale): ReportStrings => (l === 'en' ? EN : ZH);

export const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US');
export const fmtPct = (r: number | null, digits = 1): string => (r === null || !Number.isFinite(r) ? '—' : `${(r * 100).toFixed(digits)}%`);
export const fmtNum = (n: number | null, digits = 1): string => (n === null || !Number.isFinite(n) ? '—' : n.toFixed(digits));
/** Signed relative change: +12.3% / −4.0%. */
export function fmtChange(cur: number, prev: number | null): string | null {
  if (prev === null || prev === 0) return null;
  const r = (cur - prev) / prev;
  return `${r >= 0 ? '+' : '−'}${Math.abs(r * 100).toFixed(1)}%`;
}
/** Day of an epoch ms in China time as 2024-03-01. */
export function fmtDay(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Escapes text for HTML / XML / SVG. */
export const escapeXml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]!));
