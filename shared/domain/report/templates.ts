/** The three built-in report templates: 简报 (one-page brief), 专报 (thematic), 评估报告 (assessment). */
import { ReportTemplateSchema, type ReportTemplate, type ReportTemplateInput } from './spec';

const BUILTIN_INPUTS: ReportTemplateInput[] = [
  {
    id: 'brief', name: '简报', kind: 'brief', builtin: true, updatedAt: 0,
    spec: {
      title: '12345 热线诉求简报', compareTo: 'previous-period',
      sections: [
        { id: 'overview', kind: 'overview', params: {} },
        { id: 'trend', kind: 'trend', params: { granularity: 'auto' } },
        { id: 'categories', kind: 'categories', params: { level: 1, topN: 8 } },
        { id: 'commentary', kind: 'commentary', title: '分析与建议', params: { text: '' } },
      ],
    },
  },
  {
    id: 'thematic', name: '专报', kind: 'thematic', builtin: true, updatedAt: 0,
    spec: {
      title: '12345 热线诉求专题报告', compareTo: 'previous-period',
      sections: [
        { id: 'overview', kind: 'overview', params: {} },
        { id: 'trend', kind: 'trend', params: { granularity: 'auto' } },
        { id: 'trend-sources', kind: 'trend', title: '各热线诉求量走势', params: { granularity: 'month', bySource: true } },
        { id: 'categories', kind: 'categories', params: { level: 1, topN: 10 } },
        { id: 'categories2', kind: 'categories', params: { level: 2, topN: 15 } },
        { id: 'map', kind: 'map', params: { mode: 'choropleth', level: 'street' } },
        { id: 'hotspots', kind: 'map', params: { mode: 'hotspots', level: 'street' } },
        { id: 'performance', kind: 'performance', params: { by: 'department', topN: 15 } },
        { id: 'text', kind: 'text', params: { show: ['keywords', 'cloud', 'emerging', 'messages'], n: 10 } },
        { id: 'alerts', kind: 'alerts', params: { which: 'all', limit: 20 } },
        { id: 'evaluation', kind: 'evaluation', params: { runId: 'latest', topN: 15 } },
        { id: 'commentary', kind: 'commentary', title: '分析与建议', params: { text: '' } },
      ],
    },
  },
  {
    id: 'assessment', name: '评估报告', kind: 'assessment', builtin: true, updatedAt: 0,
    spec: {
      title: '12345 热线办理绩效评估报告', compareTo: 'previous-period',
      sections: [
        { id: 'overview', kind: 'overview', params: {} },
        { id: 'performance', kind: 'performance', params: { by: 'department', topN: 20 } },
        { id: 'performance-d', kind: 'performance', params: { by: 'district', topN: 20 } },
        { id: 'evaluation', kind: 'evaluation', params: { runId: 'latest', topN: 30 } },
        { id: 'map', kind: 'map', params: { mode: 'choropleth', level: 'district' } },
        { id: 'commentary', kind: 'commentary', title: '评估结论', params: { text: '' } },
      ],
    },
  },
];

export const BUILTIN_TEMPLATES: readonly ReportTemplate[] = BUILTIN_INPUTS.map((t) => ReportTemplateSchema.parse(t));
export const BUILTIN_TEMPLATE_IDS = BUILTIN_TEMPLATES.map((t) => t.id);

export function builtinTemplate(id: string): ReportTemplate | null {
  const t = BUILTIN_TEMPLATES.find((b) => b.id === id);
  return t ? (JSON.parse(JSON.stringify(t)) as ReportTemplate) : null;
}
