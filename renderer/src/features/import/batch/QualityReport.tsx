import { Alert, Card, Descriptions, Empty, Flex, Progress, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../../app/i18n';
import { formatShanghai } from '../../records/format';
import { FIELD_LABELS, fieldLabel, type StandardField } from '../fields';
import { shortHash } from '../progress';
import type { BatchDetails } from './useBatch';

const FLAG_COLORS: Record<string, string> = {
  closed_before_received: 'red', negative_response: 'red', future_date: 'red', coords_swapped: 'orange', coords_out_of_range: 'orange',
  instant_closure: 'gold', missing_coords: 'default', unknown_category: 'purple', unparsed_satisfaction: 'gold', unparsed_status: 'gold',
};

/** Location statuses of the accepted rows, in reading order. */
const LOCATION_ORDER = ['coordinates', 'placeholder', 'invalid', 'none'] as const;

const pct = (n: number, of: number) => (of > 0 ? Math.round((n / of) * 1000) / 10 : 0);

interface Props { details: BatchDetails; onReason?: (code: string) => void }

/** Quality of one batch: missing values per field, quality flags, placeholder points, reject reasons. */
export function QualityReport({ details, onReason }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { batch: b, quality: q, rejectReasons } = details;
  const label = (k: string) => (k in FIELD_LABELS ? fieldLabel(k as StandardField, locale) : k);
  const missing = q ? Object.entries(q.missing).filter(([, n]) => n > 0).sort((a, z) => z[1] - a[1]) : [];
  const flags = q ? Object.entries(q.flags).filter(([, n]) => n > 0).sort((a, z) => z[1] - a[1]) : [];
  const locations = q ? LOCATION_ORDER.filter((k) => (q.locations?.[k] ?? 0) > 0).map((k) => [k, q.locations[k]] as const) : [];

  return (
    <Flex vertical gap={16} data-testid="quality-report">
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} items={[
        { key: 'file', label: t('import.history.fileName'), children: b.fileName },
        { key: 'source', label: t('import.history.source'), children: `${b.sourceName ?? b.sourceCode} (${b.sourceCode})` },
        { key: 'sha', label: 'SHA-256', children: b.sha256 ? <Typography.Text copyable={{ text: b.sha256 }} code>{shortHash(b.sha256, 16)}</Typography.Text> : '—' },
        { key: 'time', label: t('import.history.time'), children: formatShanghai(b.startedAt) },
        { key: 'rows', label: t('import.quality.rows'), children: (q?.rows ?? b.imported + b.updated).toLocaleString() },
        { key: 'range', label: t('import.quality.range'), children: q?.receivedAt.min != null ? `${formatShanghai(q.receivedAt.min)} — ${formatShanghai(q.receivedAt.max)}` : '—' },
      ]} />
      {!q && <Alert type="info" showIcon title={t('import.quality.noReport')} />}
      {q && (
        <Card size="small" title={t('import.quality.flags')}>
          {flags.length === 0
            ? <Typography.Text type="success">{t('import.quality.flagsNone')}</Typography.Text>
            : (
              <Flex vertical gap={6} data-testid="quality-flags">
                {flags.map(([f, n]) => (
                  <Flex key={f} gap={12} align="center">
                    <Tag color={FLAG_COLORS[f] ?? 'default'} style={{ minWidth: 150 }}>{t(`import.quality.flagNames.${f}`, { defaultValue: f })}</Tag>
                    <Typography.Text strong style={{ minWidth: 70, textAlign: 'right' }}>{n.toLocaleString()}</Typography.Text>
                    <Typography.Text type="secondary">{pct(n, q.rows)}%</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`import.quality.flagHints.${f}`, { defaultValue: '' })}</Typography.Text>
                  </Flex>
                ))}
              </Flex>
            )}
        </Card>
      )}
      {q && (
        <Card size="small" title={t('import.quality.missing')}>
          {missing.length === 0 ? <Typography.Text type="success">{t('import.quality.missingNone')}</Typography.Text> : (
            <Table size="small" pagination={false} rowKey="0" dataSource={missing} data-testid="quality-missing"
              columns={[
                { title: t('import.quality.field'), key: 'f', render: (_: unknown, r: [string, number]) => label(r[0]) },
                { title: t('import.quality.missingCount'), key: 'n', align: 'right', width: 120, render: (_: unknown, r: [string, number]) => r[1].toLocaleString() },
                { title: t('import.quality.share'), key: 's', width: 220, render: (_: unknown, r: [string, number]) => <Progress size="small" percent={pct(r[1], q.rows)} status="normal" strokeColor="#faad14" /> },
              ]} />
          )}
        </Card>
      )}
      {q && locations.length > 0 && (
        <Card size="small" title={t('import.quality.locations')}>
          <Flex wrap gap={24} data-testid="quality-locations">
            {locations.map(([k, n]) => (
              <div key={k}>
                <Typography.Text type="secondary">{t(`import.quality.locationNames.${k}`, { defaultValue: k })}</Typography.Text>
                <div style={{ fontSize: 18, fontWeight: 600 }}>{n.toLocaleString()} <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>{pct(n, q.rows)}%</Typography.Text></div>
              </div>
            ))}
          </Flex>
        </Card>
      )}
      {q && q.placeholderPoints.length > 0 && (
        <Card size="small" title={t('import.quality.placeholder')}>
          <Typography.Paragraph type="secondary">{t('import.quality.placeholderHint')}</Typography.Paragraph>
          {q.placeholderPoints.map((p) => (
            <div key={`${p.lon},${p.lat}`}>
              <Typography.Text code>{p.lon.toFixed(6)}, {p.lat.toFixed(6)}</Typography.Text> · {t('import.quality.points', { n: p.count.toLocaleString() })}
            </div>
          ))}
        </Card>
      )}
      <Card size="small" title={t('import.quality.rejectReasons')}>
        {rejectReasons.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('import.rejected.none')} /> : (
          <Flex vertical gap={6} data-testid="quality-reject-reasons">
            {rejectReasons.map((r) => (
              <Flex key={r.code} gap={12} align="center">
                {onReason ? <Typography.Link onClick={() => onReason(r.code)}>{r.message || r.code}</Typography.Link> : <span>{r.message || r.code}</span>}
                <Typography.Text strong>{r.count.toLocaleString()}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.code}</Typography.Text>
              </Flex>
            ))}
          </Flex>
        )}
      </Card>
    </Flex>
  );
}
