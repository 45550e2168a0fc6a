import { useEffect, useMemo, useState } from 'react';
import { Alert, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { parseSatisfaction, parseStatus, type Status } from '../../../../../shared/domain/ingest';
import type { OutputOf } from '../../../../../shared/api/contract';
import { api } from '../../../platform/select';
import { errorText } from '../../../app/errors';
import { useLocale } from '../../../app/useLocale';
import { useImportWizard } from '../import-store';
import { effectiveReadOptions } from '../read-options';
import { usedFields } from '../mapping-state';

type Distinct = OutputOf<'import.distinctValues'>;
type Kind = 'satisfaction' | 'status';

const SAT_LEVELS = [1, 0.75, 0.5, 0.25, 0] as const;
const STATUSES: readonly Status[] = ['open', 'in_progress', 'closed', 'returned', 'other'];

/** The distinct values of one source column, fetched from the engine for the current file and read options. */
function useDistinct(column: number | undefined): { data: Distinct | null; error: unknown; loading: boolean } {
  const path = useImportWizard((s) => s.preview?.path ?? s.path);
  const sniffed = useImportWizard((s) => s.preview?.sniffed ?? null);
  const overrides = useImportWizard((s) => s.overrides);
  const options = useMemo(() => (sniffed ? effectiveReadOptions(sniffed, overrides) : null), [sniffed, overrides]);
  const [state, setState] = useState<{ key: string; data: Distinct | null; error: unknown }>({ key: '', data: null, error: null });
  const key = column === undefined || !options ? '' : JSON.stringify([path, options, column]);
  useEffect(() => {
    if (!key || column === undefined || !options) return undefined;
    let live = true;
    api.call('import.distinctValues', { path, options, column, top: 200 })
      .then((data) => { if (live) setState({ key, data, error: null }); })
      .catch((error: unknown) => { if (live) setState({ key, data: null, error }); });
    return () => { live = false; };
  }, [key, path, options, column]);
  return { data: state.key === key ? state.data : null, error: state.key === key ? state.error : null, loading: !!key && state.key !== key };
}

function ValueTable({ kind, column }: { kind: Kind; column: number }) {
  const { t } = useTranslation();
  const [locale] = useLocale();
  const header = useImportWizard((s) => s.mapping.headers[column] ?? '');
  const labels = useImportWizard((s) => (kind === 'satisfaction' ? s.mapping.satisfactionLabels : s.mapping.statusLabels));
  const dispatch = useImportWizard((s) => s.dispatch);
  const { data, error, loading } = useDistinct(column);

  const satText = (v: number | null) => (v === null ? t('import.values.unrated') : t(`import.values.sat.${v}`, { defaultValue: String(v) }));
  const autoOf = (value: string) => {
    if (kind === 'satisfaction') {
      const r = parseSatisfaction(value);
      return r.known ? <span>{satText(r.value)}</span> : <Tag color="warning">{t('import.values.unknown')}</Tag>;
    }
    const r = parseStatus(value);
    return r.known && r.value ? <span>{t(`status.${r.value}`)}</span> : <Tag color="warning">{t('import.values.unknown')}</Tag>;
  };
  const options = kind === 'satisfaction'
    ? SAT_LEVELS.map((v) => ({ value: String(v), label: satText(v) }))
    : STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }));
  const set = (label: string, v: string | undefined) => {
    if (kind === 'satisfaction') dispatch({ type: 'setLabel', kind, label, value: v === undefined ? null : Number(v) });
    else dispatch({ type: 'setLabel', kind, label, value: (v as Status | undefined) ?? null });
  };
  const overridden = Object.keys(labels).length;

  return (
    <Card size="small" data-testid={`import-values-${kind}`}
      title={t(`import.values.${kind}`, { header })}
      extra={overridden ? <Tag color="blue">{t('import.values.overridden', { n: overridden })}</Tag> : null}>
      {error ? <Alert type="error" showIcon title={t('import.values.failed', { error: errorText(error, locale) })} /> : (
        <Flex vertical gap={6}>
          <Table<{ value: string; count: number }>
            size="small" rowKey="value" loading={loading} pagination={{ pageSize: 8, hideOnSinglePage: true, size: 'small' }}
            dataSource={data?.values ?? []}
            locale={{ emptyText: loading ? t('import.values.loading') : undefined }}
            columns={[
              { title: t('import.values.value'), dataIndex: 'value', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
              { title: t('import.values.count'), dataIndex: 'count', align: 'right', width: 90, render: (n: number) => n.toLocaleString() },
              { title: t('import.values.auto'), key: 'auto', width: 170, render: (_: unknown, r) => autoOf(r.value) },
              {
                title: t('import.values.override'), key: 'override', width: 210,
                render: (_: unknown, r) => {
                  const cur = labels[r.value as keyof typeof labels];
                  return (
                    <Select<string> size="small" style={{ width: 190 }} allowClear placeholder={t('import.values.keep')}
                      data-testid={`import-value-${kind}-${r.value}`}
                      value={cur === undefined ? undefined : String(cur)} options={options} onChange={(v) => set(r.value, v)} />
                  );
                },
              },
            ]}
          />
          {data && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('import.values.scanned', { rows: data.rowsScanned.toLocaleString(), distinct: data.distinct.toLocaleString(), blank: data.blank.toLocaleString() })}
              {data.complete ? '' : ` ${t('import.values.partial', { rows: data.rowsScanned.toLocaleString() })}`}
            </Typography.Text>
          )}
        </Flex>
      )}
    </Card>
  );
}

/** Editors for how the source's satisfaction and status labels are read, shown when those fields are mapped. */
export function ValueLabels() {
  const { t } = useTranslation();
  const mapping = useImportWizard((s) => s.mapping);
  const used = usedFields(mapping);
  const sat = used.get('satisfaction');
  const st = used.get('status');
  if (sat === undefined && st === undefined) return null;
  return (
    <Card size="small" title={t('import.values.title')} data-testid="import-values">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>{t('import.values.hint')}</Typography.Paragraph>
      <Flex gap={16} wrap>
        {sat !== undefined && <div style={{ flex: '1 1 520px' }}><ValueTable kind="satisfaction" column={sat} /></div>}
        {st !== undefined && <div style={{ flex: '1 1 520px' }}><ValueTable kind="status" column={st} /></div>}
      </Flex>
    </Card>
  );
}
