import { useEffect, useState } from 'react';
import { Alert, Card, Descriptions, Empty, Flex, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PackagePreview } from '../../../../../shared/api/areas/package';
import { PII_KINDS } from '../../../../../shared/domain/text/pii';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useAsync } from '../../../hooks/useAsync';
import { api } from '../../../platform/select';
import { filterKey, useFilter } from '../../../state/filters';
import { usePackage } from './package-store';
import { cellOf, changedFields, changedSpan, type PreviewField } from './preview-format';

const FIELD_KEYS: Record<PreviewField, string> = {
  title: 'package.anon.fields.title', content: 'package.anon.fields.content', reply: 'package.anon.fields.reply', address: 'package.anon.fields.address',
  place: 'package.anon.location', received_at: 'package.preview.receivedAt', closed_at: 'package.preview.closedAt', external_id: 'package.anon.externalId',
  caller_hash: 'package.anon.callerHash', caller_phone: 'package.anon.callerPhone', street: 'package.anon.column.street', community: 'package.anon.column.community',
  department: 'package.anon.column.department', category_original: 'package.anon.column.category_original', status_original: 'package.anon.column.status_original',
  satisfaction_label: 'package.anon.column.satisfaction_label',
};

/** Settings and filter, settled for 350 ms before the engine is asked again. */
function useDebounced<T>(value: T, key: string, ms = 350): { value: T; key: string } {
  const [v, setV] = useState({ value, key });
  useEffect(() => {
    const id = setTimeout(() => setV({ value, key }), ms);
    return () => clearTimeout(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` identifies the value
  }, [key, ms]);
  return v;
}

function KCheck({ p }: { p: PackagePreview }) {
  const { t } = useTranslation();
  const k = p.kAnonymity;
  const s = usePackage((x) => x.settings);
  if (!s.quasiIdentifiers.length) return <Typography.Text type="secondary">{t('package.preview.kNone')}</Typography.Text>;
  if (!k) return <Alert type="info" showIcon title={t('package.preview.kTooBig', { n: p.kLimit.toLocaleString() })} />;
  const ok = k.recordsBelowK === 0;
  return (
    <Flex vertical gap={8} data-testid="package-kcheck">
      <Flex gap={32} wrap>
        <Statistic title={t('package.preview.kSmallest')} value={k.smallest?.size ?? 0} valueStyle={{ color: ok ? undefined : '#cf1322' }} />
        <Statistic title={t('package.preview.kBelow')} value={k.recordsBelowK} />
        <Statistic title={t('package.preview.kGroups')} value={k.groups} />
      </Flex>
      <Alert type={ok ? 'success' : 'warning'} showIcon title={ok ? t('package.preview.kOk', { k: k.k }) : t('package.preview.kBad', { n: k.recordsBelowK, k: k.k })} />
      {k.smallest && (
        <Typography.Text type="secondary">
          {t('package.preview.smallestValues')}{Object.entries(k.smallest.values).map(([q, v]) => <Tag key={q}>{t(`package.anon.qi.${q}`)} {v ?? '—'}</Tag>)}
        </Typography.Text>
      )}
    </Flex>
  );
}

function Sample({ p }: { p: PackagePreview }) {
  const { t } = useTranslation();
  const rows = p.sample.flatMap((s, i) => {
    const fields = changedFields(s.before, s.after);
    return fields.map((f, j) => ({ key: `${i}-${f}`, rec: i + 1, first: j === 0, span: fields.length, field: f, before: cellOf(s.before, f), after: cellOf(s.after, f) }));
  });
  if (!rows.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('package.preview.unchanged')} />;
  return (
    <Table size="small" pagination={false} dataSource={rows} data-testid="package-sample" scroll={{ y: 420 }}
      columns={[
        { title: '#', dataIndex: 'rec', width: 40, onCell: (r) => ({ rowSpan: r.first ? r.span : 0 }) },
        { title: t('package.preview.field'), dataIndex: 'field', width: 110, render: (f: PreviewField) => t(FIELD_KEYS[f]) },
        { title: t('package.preview.before'), dataIndex: 'before', render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('package.preview.empty')}</Typography.Text> },
        {
          title: t('package.preview.after'), dataIndex: 'after',
          render: (v: string | null, r) => {
            if (v === null) return <Typography.Text type="danger">{p.columns.dropped.includes(r.field === 'place' ? 'lon' : r.field) ? t('package.preview.removedCell') : t('package.preview.empty')}</Typography.Text>;
            const [head, mid, tail] = changedSpan(r.before, v);
            return <>{head}<Typography.Text mark>{mid}</Typography.Text>{tail}</>;
          },
        },
      ]} />
  );
}

/** What the settings remove from the current selection: PII found, columns left out, the k-anonymity check, sample rows. */
export function PreviewPanel() {
  const { t } = useTranslation();
  const filter = useFilter();
  const settings = usePackage((x) => x.settings);
  const live = useDebounced({ filter, settings }, `${filterKey(filter)}|${JSON.stringify(settings)}`);
  const pv = useAsync(() => api.call('package.preview', { filter: live.value.filter, settings: live.value.settings, sample: 6 }), live.key);
  const p = pv.data;
  const found = p ? PII_KINDS.reduce((n, k) => n + (p.stats.piiByKind[k] ?? 0), 0) : 0;
  return (
    <Card title={t('package.preview.title')} size="small" data-testid="package-preview" extra={pv.loading && p ? <Typography.Text type="secondary">…</Typography.Text> : null}>
      {pv.error ? <ErrorAlert error={pv.error} template="package.preview.failed" /> : null}
      {!p ? <Skeleton active /> : (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('package.preview.scanned', { n: p.scanned })}>
              {found === 0 ? <Typography.Text type="secondary">{t('package.preview.none')}</Typography.Text> : (
                <Flex vertical gap={4} data-testid="package-pii">
                  <div>{PII_KINDS.filter((k) => p.stats.piiByKind[k]).map((k) => <Tag key={k} color="volcano">{t(`package.anon.kind.${k}`)} {t('package.preview.found', { n: p.stats.piiByKind[k] })}</Tag>)}</div>
                  <Typography.Text>{t('package.preview.records', { n: p.stats.recordsWithPii })} · {t('package.preview.removed', { n: p.stats.piiRemoved })}</Typography.Text>
                  {p.stats.piiRemoved < found && <Typography.Text type="warning">{t('package.preview.keptNote')}</Typography.Text>}
                </Flex>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('package.preview.dropped')}>
              {p.columns.dropped.length ? p.columns.dropped.map((c) => <Tag key={c}>{c}</Tag>) : t('package.preview.noneDropped')}
            </Descriptions.Item>
            {(p.stats.locationsMoved > 0 || p.stats.locationsRemoved > 0) && (
              <Descriptions.Item label={t('package.anon.location')}>{t('package.preview.moved', { n: p.stats.locationsMoved, m: p.stats.locationsRemoved })}</Descriptions.Item>
            )}
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('package.preview.k')}</Typography.Title>
            <KCheck p={p} />
          </div>
          <div>
            <Typography.Title level={5}>{t('package.preview.sample')}</Typography.Title>
            <Sample p={p} />
          </div>
        </Flex>
      )}
    </Card>
  );
}
