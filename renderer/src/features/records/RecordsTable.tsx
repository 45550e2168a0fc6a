import { useMemo, useState } from 'react';
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Filter } from '../../../../shared/model/filter';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsync } from '../../hooks/useAsync';
import { api } from '../../platform/select';
import { useFacets } from '../../state/facets';
import { usePrefs } from '../settings/prefs';
import { filterKey } from '../../state/filters';
import { decodeRecords, type RecordRow } from './arrow';
import { recordColumns, type Sort, type SortField } from './columns';

const PAGE_SIZES = [20, 50, 100, 200];

/** Server-paginated table of the requests matching `filter` (rows come as Arrow IPC). */
export function RecordsTable({ filter, total }: { filter: Filter; total: number | undefined }) {
  const { t } = useTranslation();
  const fKey = filterKey(filter);
  // The page belongs to a filter: a new filter starts again at page 1.
  const [pos, setPos] = useState({ fKey, page: 1 });
  const page = pos.fKey === fKey ? pos.page : 1;
  const [pageSize, setPageSize] = useState(50);
  const [sort, setSort] = useState<Sort | undefined>(undefined);

  const mask = usePrefs((s) => s.maskPii);
  const sources = useFacets((s) => s.facets?.sources);
  const sourceName = useMemo(() => {
    const names = new Map((sources ?? []).map((s) => [s.code, s.name]));
    return (code: string | null) => (code ? names.get(code) ?? code : '');
  }, [sources]);

  const offset = (page - 1) * pageSize;
  const rows = useAsync(async () => decodeRecords(await api.call('records.page', {
    filter, offset, limit: pageSize, ...(sort ? { sort } : {}),
  })), `${fKey}|${offset}|${pageSize}|${sort?.field ?? ''}:${sort?.dir ?? ''}`);
  const data: RecordRow[] = (rows.data ?? []).slice(0, pageSize);

  return (
    <div data-testid="records-table">
      {rows.error != null && <ErrorAlert error={rows.error} template="records.loadFailed" />}
      <Table<RecordRow>
        size="small"
        rowKey="id"
        columns={recordColumns(t, sourceName, sort, mask)}
        dataSource={data}
        loading={rows.loading}
        scroll={{ x: 1700 }}
        pagination={{
          current: page,
          pageSize,
          total: total ?? data.length,
          pageSizeOptions: PAGE_SIZES,
          showSizeChanger: true,
          showTotal: (n) => t('records.total', { total: n.toLocaleString() }),
        }}
        onChange={(p, _filters, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const field = (s?.columnKey ?? s?.field) as SortField | undefined;
          const next: Sort | undefined = s?.order && field ? { field, dir: s.order === 'ascend' ? 'asc' : 'desc' } : undefined;
          const sortChanged = next?.field !== sort?.field || next?.dir !== sort?.dir;
          setSort(next);
          setPageSize(p.pageSize ?? pageSize);
          setPos({ fKey, page: sortChanged || p.pageSize !== pageSize ? 1 : p.current ?? 1 });
        }}
      />
    </div>
  );
}
