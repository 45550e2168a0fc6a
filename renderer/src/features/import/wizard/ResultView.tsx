import { Alert, Button, Card, Flex, Space, Typography } from 'antd';
import { CheckCircleFilled, FileSearchOutlined, HistoryOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../../../shared/api/areas/import';
import { countsAddUp } from '../progress';
import { OUTCOMES, shareOf, type Outcome } from '../result';
import '../import.css';

const COLORS: Record<Outcome | 'read', string> = { read: '#262626', imported: '#389e0d', updated: '#1677ff', duplicates: '#8c8c8c', rejected: '#cf1322' };

function Count({ kind, value, rowsRead }: { kind: Outcome | 'read'; value: number; rowsRead: number }) {
  const { t } = useTranslation();
  return (
    <div className="ms-import-count" style={{ minWidth: 120 }}>
      <div className="ms-import-count-value" style={{ color: COLORS[kind] }} data-testid={`import-count-${kind}`}>{value.toLocaleString()}</div>
      <div className="ms-import-count-label">{t(`import.run.${kind}`)}</div>
      {kind !== 'read' && <div className="ms-import-count-share">{shareOf(value, rowsRead)}%</div>}
    </div>
  );
}

interface Props {
  result: ImportResult;
  onRejected: () => void;
  onQuality: () => void;
  onHistory: () => void;
  onAnother: () => void;
}

/** The outcome of an import: imported + updated + duplicates + rejected = rows read, shown big. */
export function ResultView({ result: r, onRejected, onQuality, onHistory, onAnother }: Props) {
  const { t } = useTranslation();
  const ok = countsAddUp(r);
  return (
    <Card data-testid="import-result"
      title={<Space><CheckCircleFilled style={{ color: '#52c41a' }} />{t('import.run.done')}<Typography.Text type="secondary">{t('import.run.batch', { id: r.batchId })}</Typography.Text></Space>}>
      <Flex wrap gap={8} align="stretch">
        <Count kind="read" value={r.rowsRead} rowsRead={r.rowsRead} />
        <span className="ms-import-op">=</span>
        {OUTCOMES.map((k, i) => (
          <Flex key={k} gap={8} align="stretch">
            {i > 0 && <span className="ms-import-op">+</span>}
            <Count kind={k} value={r[k]} rowsRead={r.rowsRead} />
          </Flex>
        ))}
      </Flex>
      <Flex gap={24} style={{ marginTop: 16 }} wrap align="center">
        <Typography.Text type="secondary" data-testid="import-count-blank">{t('import.run.blank', { count: r.blankRows, n: r.blankRows.toLocaleString() })}</Typography.Text>
        <Typography.Text type="secondary" data-testid="import-seconds">{t('import.run.seconds', { seconds: r.seconds.toFixed(r.seconds < 10 ? 2 : 1) })}</Typography.Text>
        {ok
          ? <Typography.Text type="success"><CheckCircleFilled /> {t('import.run.sumCheck')}</Typography.Text>
          : <Typography.Text type="danger"><WarningOutlined /> {t('import.run.sumMismatch')}</Typography.Text>}
      </Flex>
      {r.rejected > 0 && (
        <Alert type="warning" showIcon style={{ marginTop: 16 }} title={t('import.run.rejectedHint', { count: r.rejected, n: r.rejected.toLocaleString() })} />
      )}
      <Flex wrap gap={8} style={{ marginTop: 16 }}>
        <Button icon={<FileSearchOutlined />} data-testid="import-view-rejected" onClick={onRejected} disabled={r.rejected === 0} danger={r.rejected > 0}>
          {t('import.run.viewRejected')}
        </Button>
        <Button data-testid="import-view-quality" onClick={onQuality}>{t('import.run.viewQuality')}</Button>
        <Button icon={<HistoryOutlined />} onClick={onHistory}>{t('import.run.goHistory')}</Button>
        <Button type="primary" icon={<PlusOutlined />} onClick={onAnother} data-testid="import-another">{t('import.run.another')}</Button>
      </Flex>
    </Card>
  );
}
