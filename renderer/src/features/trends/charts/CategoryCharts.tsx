import { useMemo, useState } from 'react';
import { Breadcrumb, Col, Row } from 'antd';
import type { EChartsOption } from 'echarts';
import { useTranslation } from 'react-i18next';
import type { CategoryTreeOut } from '../../../../../shared/api/areas/stats';
import { useFilter, useFilters } from '../../../state/filters';
import { ChartCard } from '../ChartCard';
import { fmtInt, fmtPct } from '../format';
import { useStats } from '../useStats';

type Node = CategoryTreeOut['nodes'][number];
interface SunNode { name: string; value: number; id: number; children?: SunNode[] }

function toSunburst(nodes: Node[]): SunNode[] {
  const kids = new Map<number | null, Node[]>();
  for (const n of nodes) kids.set(n.parentId, [...(kids.get(n.parentId) ?? []), n]);
  const build = (parent: number | null): SunNode[] => (kids.get(parent) ?? [])
    .sort((a, b) => b.count - a.count)
    .map((n) => ({ name: n.name, value: n.count, id: n.id, children: kids.has(n.id) ? build(n.id) : undefined }));
  return build(null);
}

/**
 * The unified 3-level tree as a sunburst, and bars for the level below the one in focus. Clicking a
 * bar drills down (and sets the global category filter, so every view follows).
 */
export function CategoryCharts() {
  const { t } = useTranslation();
  const filter = useFilter();
  const q = useStats('stats.categoryTree', { filter });
  const [focus, setFocus] = useState<number | null>(null);
  const nodes = useMemo(() => q.data?.nodes ?? [], [q.data]);
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  const focusNode = focus === null ? null : byId.get(focus) ?? null;
  const children = useMemo(() => nodes.filter((n) => n.parentId === (focusNode?.id ?? null) && (focusNode || n.level === 1)).sort((a, b) => b.count - a.count), [nodes, focusNode]);
  const total = focusNode?.count ?? q.data?.total ?? 0;
  const path: Node[] = [];
  for (let n = focusNode; n; n = n.parentId === null ? null : byId.get(n.parentId) ?? null) path.unshift(n);

  const sun = useMemo<EChartsOption>(() => ({
    tooltip: { formatter: (p: unknown) => { const x = p as { name: string; value: number; treePathInfo: unknown[] }; return `${x.name}<br/>${fmtInt(x.value)}`; } },
    series: [{
      type: 'sunburst', data: toSunburst(nodes), radius: ['14%', '95%'], sort: undefined, nodeClick: false,
      levels: [
        {},
        { r0: '14%', r: '44%', label: { rotate: 'radial', fontSize: 11, color: '#fff', minAngle: 6 }, itemStyle: { borderWidth: 2 } },
        { r0: '44%', r: '72%', label: { rotate: 'radial', fontSize: 10, color: '#fff', minAngle: 9 }, itemStyle: { borderWidth: 1 } },
        { r0: '72%', r: '95%', label: { show: false }, itemStyle: { borderWidth: 0.5, opacity: 0.85 } },
      ],
      emphasis: { focus: 'ancestor' },
    }],
  }), [nodes]);
  const select = (id: number) => {
    setFocus(id);
    useFilters.getState().setList('categories', [id]);
  };
  const bars = useMemo<EChartsOption>(() => {
    const rev = [...children].reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: rev.map((n) => n.name), axisLabel: { width: 130, overflow: 'truncate' } },
      series: [{ type: 'bar', data: rev.map((n) => n.count), barMaxWidth: 18, label: { show: true, position: 'right', formatter: (p: unknown) => fmtPct(total ? (p as { value: number }).value / total : 0), fontSize: 11, color: '#666' } }],
    };
  }, [children, total]);
  const tableAll = useMemo(() => ({
    columns: [t('trends.cat.level'), t('trends.cat.name'), t('trends.cat.parent'), t('trends.volume.count')],
    rows: nodes.map((n) => [n.level, n.name, n.parentId === null ? null : byId.get(n.parentId)?.name ?? null, n.count]),
  }), [nodes, byId, t]);
  const tableLevel = useMemo(() => ({ columns: [t('trends.cat.name'), t('trends.volume.count'), t('trends.top.share')], rows: children.map((n) => [n.name, n.count, total ? Number((n.count / total).toFixed(6)) : 0]) }), [children, total, t]);
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} xl={11}>
        <ChartCard title={t('trends.cat.sunburst')} testId="chart-sunburst" option={sun} table={tableAll} loading={q.loading} height={420}
          onClick={(e) => { const id = (e.data as { id?: number } | undefined)?.id; if (id) select(id); }}
          footer={q.data?.uncategorised ? <div className="ms-chart-note">{t('trends.cat.uncategorised', { count: fmtInt(q.data.uncategorised) })}</div> : null} />
      </Col>
      <Col xs={24} xl={13}>
        <ChartCard
          title={focusNode ? t('trends.cat.childrenOf', { name: focusNode.name }) : t('trends.cat.level1')}
          testId="chart-category-bars" option={bars} table={tableLevel} loading={q.loading} height={Math.max(240, children.length * 22 + 24)}
          onClick={(e) => { const n = [...children].reverse()[e.dataIndex]; if (n && n.level < 3) select(n.id); else if (n) useFilters.getState().setList('categories', [n.id]); }}
          controls={(
            <Breadcrumb items={[{ title: <a onClick={() => setFocus(null)}>{t('trends.cat.all')}</a> }, ...path.map((n) => ({ title: <a onClick={() => setFocus(n.id)}>{n.name}</a> }))]} />
          )}
        />
      </Col>
    </Row>
  );
}
