import { useState } from 'react';
import { Alert, Drawer, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PeriodResult, RunResult } from '../../../../../shared/api/areas/evaluation';
import { indicatorsOf, METRICS, type IndicatorNode } from '../../../../../shared/domain/evaluation';
import { localName } from '../scheme/names';
import { EvidenceRecords } from './EvidenceRecords';

const fmtRaw = (v: number | null | undefined, unit: string) => {
  if (v === null || v === undefined) return '—';
  if (unit === 'share') return `${(v * 100).toFixed(1)}%`;
  if (unit === 'count') return Number.isInteger(v) ? String(v) : v.toFixed(2);
  return v.toFixed(2);
};

/** One object's evidence: every indicator's raw value, score, weight and record counts; then the records behind one. */
export function EvidenceDrawer({ run, period, object, onClose }: { run: RunResult; period: PeriodResult; object: string | null; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const [indicator, setIndicator] = useState<IndicatorNode | null>(null);
  const o = period.objects.find((x) => x.key === object);
  const inds = indicatorsOf(run.scheme.root);
  const unavailable = new Set(period.unavailable.map((u) => u.id));
  const close = () => { setIndicator(null); onClose(); };
  return (
    <Drawer open={!!o} onClose={close} size={1100} title={o ? t('evaluation.evidence.title', { name: o.key, period: period.label }) : ''} destroyOnHidden>
      {o && (
        <div data-testid="evidence-drawer">
          <Alert type="info" showIcon style={{ marginBottom: 8 }}
            title={t('evaluation.evidence.exclusionsNote', { instant: run.scheme.exclusions.instantMinutes, days: run.scheme.exclusions.maxDays })} />
          <Typography.Text type="secondary">{t('evaluation.evidence.pickIndicator')}</Typography.Text>
          <Table<IndicatorNode> size="small" rowKey="id" pagination={false} dataSource={inds} data-testid="evidence-indicators" style={{ marginTop: 8 }}
            onRow={(ind) => ({ onClick: () => setIndicator(ind), style: { cursor: 'pointer', background: ind.id === indicator?.id ? '#fff1f0' : undefined } })}
            columns={[
              { title: t('evaluation.evidence.indicator'), key: 'n', render: (_: unknown, i) => (
                <span data-testid={`evidence-ind-${i.id}`}>{localName(i.name, i18n.language)}{unavailable.has(i.id) && <Tag style={{ marginInlineStart: 6 }}>—</Tag>}</span>) },
              { title: t('evaluation.evidence.raw'), key: 'r', width: 100, render: (_: unknown, i) => fmtRaw(o.raw[i.id], METRICS[i.metric].unit) },
              { title: t('evaluation.evidence.score'), key: 's', width: 90, render: (_: unknown, i) => (o.scores[i.id] == null ? '—' : o.scores[i.id]!.toFixed(1)) },
              { title: t('evaluation.evidence.weight'), key: 'w', width: 90, render: (_: unknown, i) => `${((period.globalWeights[i.id] ?? 0) * 100).toFixed(1)}%` },
              { title: t('evaluation.evidence.contribution'), key: 'c', width: 90, render: (_: unknown, i) => (o.scores[i.id] == null ? '—' : ((period.globalWeights[i.id] ?? 0) * o.scores[i.id]!).toFixed(2)) },
              ...(['ok', 'flag', 'excluded', 'na'] as const).map((role) => ({
                title: t(`evaluation.evidence.${role}`), key: role, width: 76,
                render: (_: unknown, i: IndicatorNode) => { const n = o.counts[i.id]?.[role] ?? 0; return role === 'flag' && n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n; },
              })),
            ]} />
          {indicator && <EvidenceRecords run={run} period={period.label} object={o.key} indicator={indicator} counts={o.counts[indicator.id]} />}
        </div>
      )}
    </Drawer>
  );
}
