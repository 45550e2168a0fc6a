import { useMemo } from 'react';
import { Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../../app/i18n';
import { sampleValues } from '../arrow-rows';
import { isTimeField } from '../fields';
import { useImportWizard } from '../import-store';
import { usedFields, type ColumnState } from '../mapping-state';
import { DateFormatPicker, FieldSelect } from './FieldSelect';
import '../import.css';

/** Suggestion scores as a percentage (the engine may send 0..1 or 0..100). */
function scorePercent(s: number): number {
  return Math.round(Math.max(0, Math.min(100, s <= 1 ? s * 100 : s)));
}

interface Row { index: number; header: string; samples: string[]; col: ColumnState }

/** One line per source column: header, sample values, standard field, date format for time fields. */
export function MappingTable() {
  const { t, i18n } = useTranslation();
  const mapping = useImportWizard((s) => s.mapping);
  const rows = useImportWizard((s) => s.rows);
  const dispatch = useImportWizard((s) => s.dispatch);
  const locale = currentLocale();
  const used = useMemo(() => usedFields(mapping), [mapping]);
  const data: Row[] = useMemo(() => mapping.headers.map((header, index) => ({
    index, header, samples: sampleValues(rows, index, 3), col: mapping.columns[index] ?? { field: null, dateFormat: '', score: null },
  })), [mapping, rows]);

  const columns: TableColumnsType<Row> = [
    { title: '#', dataIndex: 'index', key: 'index', width: 48, align: 'right', render: (i: number) => i + 1 },
    {
      title: t('import.mapping.column'), dataIndex: 'header', key: 'header', width: 200,
      render: (h: string) => (h ? <Typography.Text strong>{h}</Typography.Text> : <Typography.Text type="secondary">{t('import.preview.noHeader')}</Typography.Text>),
    },
    {
      title: t('import.mapping.samples'), key: 'samples',
      render: (_: unknown, r: Row) => (r.samples.length === 0
        ? <Typography.Text type="secondary">{t('import.mapping.noSamples')}</Typography.Text>
        : (
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
            {r.samples.map((v) => (
              <Tag key={v} style={{ maxWidth: 220, overflow: 'hidden', textOverflow: 'ellipsis', marginInlineEnd: 0 }} title={v}>{v}</Tag>
            ))}
          </div>
        )),
    },
    {
      title: t('import.mapping.field'), key: 'field', width: 260,
      render: (_: unknown, r: Row) => (
        <div>
          <FieldSelect column={r.index} value={r.col.field} used={used} locale={locale}
            onChange={(field) => dispatch({ type: 'setField', column: r.index, field })} />
          {r.col.score !== null && r.col.field && (
            <Tooltip title={t('import.mapping.scoreHint')}>
              <Typography.Text type="secondary" style={{ fontSize: 11 }} data-testid={`import-map-score-${r.index}`}>
                {t('import.mapping.score', { score: scorePercent(r.col.score) })}
              </Typography.Text>
            </Tooltip>
          )}
        </div>
      ),
    },
    {
      title: t('import.mapping.dateFormat'), key: 'dateFormat', width: 200,
      render: (_: unknown, r: Row) => (isTimeField(r.col.field)
        ? <DateFormatPicker key={`${r.index}-${r.col.field}`} column={r.index} value={r.col.dateFormat}
            onChange={(format) => dispatch({ type: 'setDateFormat', column: r.index, format })} />
        : null),
    },
  ];

  return (
    <Table<Row>
      key={i18n.language}
      data-testid="import-mapping"
      size="small"
      rowKey="index"
      columns={columns}
      dataSource={data}
      pagination={false}
      rowClassName={(r) => (r.col.field ? '' : 'ms-import-unmapped')}
    />
  );
}
