import { useState } from 'react';
import { App, Button } from 'antd';
import { PlusSquareOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AddReportItem } from '../../../../shared/domain/report/spec';
import { errorText } from '../../app/errors';
import { currentLocale } from '../../app/i18n';
import { useFilter } from '../../state/filters';
import { addToBasket, type SnapshotSource } from './basket';

export interface AddToReportProps {
  title: string;
  /** Screen the item comes from: trends, map, text, alerts, evaluation. */
  source: string;
  kind?: AddReportItem['kind'];
  snapshot: SnapshotSource;
  table?: { columns: string[]; rows: (string | number | null)[][] };
  disabled?: boolean;
  testId?: string;
}

/** "加入报告": saves a snapshot of a chart or map (with its data and the current filter) in the project's basket. */
export function AddToReportButton({ title, source, kind = 'chart', snapshot, table, disabled, testId }: AddToReportProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const filter = useFilter();
  const [busy, setBusy] = useState(false);
  const add = async () => {
    setBusy(true);
    try {
      const snap = await snapshot();
      if (!snap) return;
      await addToBasket({ title, source, kind, png: snap.png, ...(snap.svg ? { svg: snap.svg } : {}), table, filter });
      void message.success(t('report.basket.added'));
    } catch (e) {
      void message.error(t('report.basket.addFailed', { error: errorText(e, currentLocale()) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" icon={<PlusSquareOutlined />} onClick={() => void add()} loading={busy} disabled={disabled}
      title={t('report.basket.add')} aria-label={t('report.basket.add')} data-testid={testId} />
  );
}
