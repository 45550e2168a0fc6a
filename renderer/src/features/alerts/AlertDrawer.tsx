import { useRef, useState } from 'react';
import type { ECharts } from 'echarts';
import { App, Button, Card, Descriptions, Drawer, Dropdown, Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AlertDetail } from '../../../../shared/api/areas/alerts';
import { errorText } from '../../app/errors';
import { currentLocale } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsync } from '../../hooks/useAsync';
import { api } from '../../platform/select';
import { Comments, EventTrail } from './AlertTrail';
import { SEVERITY_COLOR, STATUS_COLOR, evidenceText, fmtDate, fmtNum, seriesLabel } from './format';
import { SampleRecords } from './SampleRecords';
import { AddToReportButton } from '../reports/AddToReportButton';
import { chartSnapshot } from '../reports/basket';
import { SeriesChart } from './SeriesChart';
import { WorkflowActions, type TransitionInput } from './WorkflowActions';

const DAY = 86_400_000;

/** The alert detail drawer: series chart, keywords, sample requests, workflow actions, comments, trail, snooze. */
export function AlertDrawer({ id, onClose, onChanged }: { id: number | null; onClose(): void; onChanged(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [version, setVersion] = useState(0);
  const [override, setOverride] = useState<AlertDetail | null>(null);
  const [busy, setBusy] = useState(false);
  const loaded = useAsync(() => (id === null ? Promise.resolve(null) : api.call('alerts.get', { id })), `${id}|${version}`);
  const detail = override && override.alert.id === id ? override : loaded.data;
  const apply = async (call: () => Promise<AlertDetail>, success?: string): Promise<boolean> => {
    setBusy(true);
    try {
      setOverride(await call());
      onChanged();
      if (success) void message.success(success);
      return true;
    } catch (e) {
      void message.error(errorText(e, currentLocale()));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const transition = (i: TransitionInput) => apply(() => api.call('alerts.transition', { id: id as number, ...i }), t('alerts.action.done', { status: t(`alerts.status.${i.to}`) }));
  const snooze = (until: number | null) => apply(() => api.call('alerts.snooze', { id: id as number, until }));
  const a = detail?.alert;
  const seriesChart = useRef<ECharts | null>(null);
  return (
    <Drawer open={id !== null} onClose={() => { setOverride(null); setVersion((v) => v + 1); onClose(); }} size={860} title={t('alerts.detail.title')} destroyOnHidden
      extra={a && (
        <Dropdown menu={{ items: [
          { key: '1', label: t('alerts.snooze1'), onClick: () => void snooze(Date.now() + DAY) },
          { key: '7', label: t('alerts.snooze7'), onClick: () => void snooze(Date.now() + 7 * DAY) },
          ...(a.snoozedUntil ? [{ key: 'off', label: t('alerts.unsnooze'), onClick: () => void snooze(null) }] : []),
        ] }}>
          <Button data-testid="alert-snooze">{t('alerts.snooze')}</Button>
        </Dropdown>
      )}>
      {loaded.error != null && <ErrorAlert error={loaded.error} />}
      {a && detail && (
        <div data-testid="alert-detail">
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            <Tag color={SEVERITY_COLOR[a.severity]}>{t(`alerts.severity.${a.severity}`)} {fmtNum(a.score)}</Tag>
            {seriesLabel(a, t)}
            <Tag color={STATUS_COLOR[a.status]} style={{ marginInlineStart: 8 }} data-testid="alert-status">{t(`alerts.status.${a.status}`)}</Tag>
          </Typography.Title>
          <Descriptions size="small" column={3} items={[
            { key: 'days', label: t('alerts.col.days'), children: a.firstDay === a.lastDay ? a.firstDay : `${a.firstDay} — ${a.lastDay}` },
            { key: 'obs', label: t('alerts.col.observed'), children: `${fmtNum(a.observed, 0)} / ${fmtNum(a.expected)}` },
            { key: 'ev', label: t('alerts.col.evidence'), children: evidenceText(a, t) },
            { key: 'det', label: t('alerts.col.detectors'), children: a.detectors.map((d) => t(`alerts.detector.${d}`)).join('、') },
            { key: 'dept', label: t('alerts.col.department'), children: a.department ? `${a.department}${a.dueAt ? ` · ${t('alerts.detail.due', { date: fmtDate(a.dueAt) })}` : ''}` : '—' },
            ...(a.snoozedUntil ? [{ key: 'sn', label: t('alerts.snooze'), children: t('alerts.detail.snoozedUntil', { date: fmtDate(a.snoozedUntil) }) }] : []),
          ]} />
          {detail.followUp && <Typography.Paragraph type="secondary">{t('alerts.detail.followUp', {
            outcome: t(`alerts.detail.outcome.${detail.followUp.outcome}`), observed: fmtNum(detail.followUp.observed, 0), expected: fmtNum(detail.followUp.expected), upper: fmtNum(detail.followUp.upper),
          })}</Typography.Paragraph>}
          <Card size="small" style={{ marginBottom: 12 }}>
            <WorkflowActions detail={detail} busy={busy} onTransition={transition} />
          </Card>
          <Card size="small" title={t('alerts.detail.chart')} style={{ marginBottom: 12 }}
            extra={<AddToReportButton title={`${t('alerts.detail.chart')} #${a.id} ${seriesLabel(a, t)}`} source="alerts" testId="alert-series-add-report" snapshot={() => chartSnapshot(seriesChart.current)} />}>
            <SeriesChart id={a.id} firstDay={a.firstDay} lastDay={a.lastDay} version={a.updatedAt} onReady={(c) => { seriesChart.current = c; }} />
          </Card>
          <Card size="small" title={t('alerts.detail.keywords')} style={{ marginBottom: 12 }}>
            <Space size={[4, 4]} wrap data-testid="alert-keywords">
              {detail.keywords.length === 0 ? t('common.none') : detail.keywords.slice(0, 20).map((k) => <Tag key={k.term}>{k.term} <Typography.Text type="secondary">{k.count}</Typography.Text></Tag>)}
            </Space>
          </Card>
          {a.detectors.includes('scan') && detail.areas.length > 0 && (
            <Card size="small" title={t('alerts.detail.areas', { count: detail.areas.length })} style={{ marginBottom: 12 }}>
              <Space size={[4, 4]} wrap data-testid="alert-areas">
                {detail.areas.map((p) => <Tag key={p.join('/')}>{p.join(' / ')}</Tag>)}
              </Space>
            </Card>
          )}
          {detail.group.length > 1 && (
            <Card size="small" title={t('alerts.detail.group', { count: detail.group.length })} style={{ marginBottom: 12 }}>
              <Flex vertical gap={2}>{detail.group.filter((g) => g.id !== a.id).map((g) => <Typography.Text key={g.id}>#{g.id} {seriesLabel(g, t)} · {t(`alerts.status.${g.status}`)}</Typography.Text>)}</Flex>
            </Card>
          )}
          <Card size="small" title={t('alerts.detail.samples')} style={{ marginBottom: 12 }}>
            <SampleRecords filter={detail.filter} version={a.id} />
          </Card>
          <Flex gap={12} align="flex-start">
            <Card size="small" title={t('alerts.trail')} style={{ flex: 1 }}><EventTrail events={detail.events} /></Card>
            <Card size="small" title={t('alerts.comments')} style={{ flex: 1 }}>
              <Comments comments={detail.comments} busy={busy} onAdd={(text) => apply(() => api.call('alerts.comment', { id: a.id, text }))} />
            </Card>
          </Flex>
        </div>
      )}
    </Drawer>
  );
}
