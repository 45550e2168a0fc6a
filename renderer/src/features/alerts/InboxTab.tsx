import { useMemo, useState } from 'react';
import { App, Alert as AntAlert, Button, Checkbox, Flex, Progress, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ALERT_STATUSES, type Alert, type AlertStatus } from '../../../../shared/api/areas/alerts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsync } from '../../hooks/useAsync';
import { api } from '../../platform/select';
import { filterKey, useFilter } from '../../state/filters';
import { AlertDrawer } from './AlertDrawer';
import { SEVERITY_COLOR, STATUS_COLOR, evidenceText, fmtDate, fmtNum, fmtTime, seriesLabel } from './format';
import { useAlertsJob } from './useAlertsJob';

type Severity = Alert['severity'];
const SEVERITIES: Severity[] = ['high', 'medium', 'low'];
const SEVERITY_RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1 };

/** The alert inbox: ranked by severity, filtered by status and severity, with "run detection". */
export function InboxTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const filter = useFilter();
  const [statuses, setStatuses] = useState<AlertStatus[]>([]);
  const [severities, setSeverities] = useState<Severity[]>([]);
  const [includeLow, setIncludeLow] = useState(false);
  const [includeSnoozed, setIncludeSnoozed] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const [changed, setChanged] = useState(0);
  const job = useAlertsJob((_name, result) => {
    const r = result as { series?: number; signals?: number; created?: number } | undefined;
    void message.success(t('alerts.inbox.created', { series: r?.series ?? '—', signals: r?.signals ?? '—', created: r?.created ?? '—' }));
  });
  const list = useAsync(() => api.call('alerts.list', {
    ...(statuses.length > 0 ? { statuses } : {}), includeLow: includeLow || severities.includes('low'), includeSnoozed, limit: 2000,
  }), `${statuses.join(',')}|${includeLow}|${includeSnoozed}|${severities.includes('low')}|${job.version}|${changed}`);
  const rows = useMemo(() => (list.data?.alerts ?? [])
    .filter((a) => severities.length === 0 || severities.includes(a.severity))
    .sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || b.score - a.score), [list.data, severities]);
  const pct = job.progress?.total ? Math.round((100 * job.progress.done) / job.progress.total) : null;
  return (
    <div data-testid="alerts-inbox">
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Button type="primary" data-testid="alerts-run" loading={job.running === 'detect'} disabled={job.running !== null}
          onClick={() => void job.run('detect', () => api.call('alerts.detect', filterKey(filter) === filterKey({}) ? {} : { filter }))}>
          {job.running === 'detect' ? t('alerts.inbox.running') : t('alerts.inbox.run')}
        </Button>
        {job.running && <Progress style={{ width: 200 }} size="small" percent={pct ?? 0} status="active" format={() => (pct === null ? '…' : `${pct}%`)} data-testid="alerts-progress" />}
        <Flex gap={4} wrap align="center" data-testid="alerts-status-filter" role="group" aria-label={t('alerts.inbox.statusFilter')}>
          <Typography.Text type="secondary">{t('alerts.col.status')}:</Typography.Text>
          {ALERT_STATUSES.map((s) => (
            <Tag.CheckableTag key={s} checked={statuses.includes(s)} data-testid={`alerts-status-${s}`}
              onChange={(on) => setStatuses((cur) => (on ? [...cur, s] : cur.filter((x) => x !== s)))}>{t(`alerts.status.${s}`)}</Tag.CheckableTag>
          ))}
        </Flex>
        <Flex gap={4} align="center" role="group" aria-label={t('alerts.inbox.severityFilter')}>
          <Typography.Text type="secondary">{t('alerts.col.severity')}:</Typography.Text>
          {SEVERITIES.map((s) => (
            <Tag.CheckableTag key={s} checked={severities.includes(s)} data-testid={`alerts-severity-${s}`}
              onChange={(on) => setSeverities((cur) => (on ? [...cur, s] : cur.filter((x) => x !== s)))}>{t(`alerts.severity.${s}`)}</Tag.CheckableTag>
          ))}
        </Flex>
        <Checkbox checked={includeLow} onChange={(e) => setIncludeLow(e.target.checked)}>{t('alerts.inbox.includeLow')}</Checkbox>
        <Checkbox checked={includeSnoozed} onChange={(e) => setIncludeSnoozed(e.target.checked)}>{t('alerts.inbox.includeSnoozed')}</Checkbox>
        <Typography.Text type="secondary" style={{ marginInlineStart: 'auto' }}>
          {list.data?.lastRunAt ? t('alerts.inbox.lastRun', { time: fmtTime(list.data.lastRunAt) }) : ''}
        </Typography.Text>
      </Flex>
      {list.data && list.data.lastRunAt === null && <AntAlert type="info" showIcon style={{ marginBottom: 12 }} title={t('alerts.inbox.neverRun')} />}
      {list.error != null && <ErrorAlert error={list.error} />}
      <Table<Alert> size="small" rowKey="id" dataSource={rows} loading={list.loading} data-testid="alerts-table"
        locale={{ emptyText: t('alerts.inbox.empty') }} scroll={{ x: 1350 }}
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: () => t('alerts.inbox.total', { count: rows.length }) }}
        onRow={(a) => ({ onClick: () => setOpenId(a.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('alerts.col.severity'), dataIndex: 'severity', width: 90, render: (s: Severity) => <Tag color={SEVERITY_COLOR[s]}>{t(`alerts.severity.${s}`)}</Tag> },
          { title: t('alerts.col.score'), dataIndex: 'score', width: 70, align: 'right', render: (v: number) => fmtNum(v) },
          { title: t('alerts.col.status'), dataIndex: 'status', width: 90, render: (s: AlertStatus) => <Tag color={STATUS_COLOR[s]}>{t(`alerts.status.${s}`)}</Tag> },
          { title: t('alerts.col.series'), key: 'series', width: 340, ellipsis: { showTitle: true }, render: (_v, a) => seriesLabel(a, t) },
          { title: t('alerts.col.observed'), key: 'obs', width: 110, align: 'right', render: (_v, a) => `${fmtNum(a.observed, 0)} / ${fmtNum(a.expected)}` },
          { title: t('alerts.col.evidence'), key: 'ev', width: 160, render: (_v, a) => evidenceText(a, t) },
          { title: t('alerts.col.detectors'), dataIndex: 'detectors', width: 200, render: (d: Alert['detectors']) => d.map((x) => <Tag key={x}>{t(`alerts.detector.${x}`)}</Tag>) },
          { title: t('alerts.col.days'), key: 'days', width: 190, render: (_v, a) => (a.firstDay === a.lastDay ? a.firstDay : `${a.firstDay} — ${a.lastDay}`) },
          { title: t('alerts.col.department'), key: 'dept', width: 150, render: (_v, a) => (a.department ? `${a.department}${a.dueAt ? ` · ${fmtDate(a.dueAt)}` : ''}` : '—') },
        ]} />
      <AlertDrawer id={openId} onClose={() => setOpenId(null)} onChanged={() => setChanged((c) => c + 1)} />
    </div>
  );
}
