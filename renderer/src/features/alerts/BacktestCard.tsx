import { Alert as AntAlert, Button, Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BacktestResult } from '../../../../shared/api/areas/alerts';
import { dayToDate } from '../../../../shared/domain/surveillance/holidays';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsync } from '../../hooks/useAsync';
import { api } from '../../platform/select';
import { fmtNum } from './format';
import { useAlertsJob } from './useAlertsJob';

type Event = BacktestResult['events'][number];

/** The last backtest: delay per injected event and false alarms per 100 series-weeks; a button to rerun. */
export function BacktestCard() {
  const { t } = useTranslation();
  const job = useAlertsJob();
  const last = useAsync(() => api.call('alerts.lastBacktest', {}), `${job.version}`);
  const b = last.data;
  return (
    <Card size="small" title={t('alerts.backtest.title')} data-testid="alerts-backtest"
      extra={<Button loading={job.running !== null} onClick={() => void job.run('backtest', () => api.call('alerts.backtest', {}))}>{t('alerts.backtest.run')}</Button>}>
      {last.error != null && <ErrorAlert error={last.error} />}
      {b === null && <Typography.Text type="secondary">{t('alerts.backtest.none')}</Typography.Text>}
      {b && (
        <>
          <Typography.Paragraph data-testid="backtest-summary">{t('alerts.backtest.summary', {
            series: b.series, signals: b.signals, tp: b.truePositives, fa: b.falseAlarms, rate: fmtNum(b.falseAlarmsPer100SeriesWeeks, 2),
            maxDelay: b.maxDelayDays ?? '—', seconds: fmtNum(b.seconds, 1),
          })}</Typography.Paragraph>
          {b.events.length === 0 ? <AntAlert type="info" showIcon title={t('alerts.backtest.noEvents')} /> : (
            <Table<Event> size="small" rowKey="eventId" pagination={false} dataSource={b.events}
              columns={[
                { title: t('alerts.backtest.event'), dataIndex: 'label' },
                { title: t('alerts.backtest.start'), dataIndex: 'startDay', width: 110, render: (d: number) => dayToDate(d) },
                { title: t('alerts.backtest.detected'), dataIndex: 'detected', width: 90, render: (v: boolean) => <Tag color={v ? 'green' : 'red'}>{t(v ? 'common.yes' : 'common.no')}</Tag> },
                { title: t('alerts.backtest.delay'), dataIndex: 'delayDays', width: 110, align: 'right', render: (v: number | null) => v ?? '—' },
                { title: t('alerts.backtest.signals'), dataIndex: 'signals', width: 80, align: 'right' },
              ]} />
          )}
        </>
      )}
    </Card>
  );
}
