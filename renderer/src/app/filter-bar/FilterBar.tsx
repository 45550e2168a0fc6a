import { Alert, Button, DatePicker, Flex, Select, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useFacets } from '../../state/facets';
import { dayRangeToFilter, filterToDayRange, isEmptyFilter, useFilters, type ListKey } from '../../state/filters';
import { errorText } from '../errors';
import { currentLocale } from '../i18n';
import { FilterCrumbs } from './FilterCrumbs';
import { QueryInput } from './QueryInput';
import { useFilterOptions, WithCount, type Option } from './useFilterOptions';

/** The global filter (time, hotline, category, district, department, status, text) shared by all views. */
export function FilterBar() {
  const { t } = useTranslation();
  const filter = useFilters((s) => s.filter);
  const { setTimeRange, setList, reset } = useFilters.getState();
  const loading = useFacets((s) => s.loading);
  const error = useFacets((s) => s.error);
  const options = useFilterOptions();
  const [fromDay, toDay] = filterToDayRange(filter);
  const range: [Dayjs | null, Dayjs | null] | null = fromDay || toDay
    ? [fromDay ? dayjs(fromDay) : null, toDay ? dayjs(toDay) : null]
    : null;

  const multi = (key: Exclude<ListKey, 'categories'>, opts: Option[], placeholder: string) => (
    <Select<string[], Option>
      data-testid={`filter-${key}`}
      className="ms-filter-item"
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      loading={loading}
      placeholder={placeholder}
      options={opts}
      value={filter[key] ?? []}
      onChange={(v) => setList(key, v)}
      showSearch={{ optionFilterProp: 'label' }}
      optionRender={(o) => <WithCount label={o.label} count={(o.data as Option).count} />}
      popupMatchSelectWidth={false}
    />
  );

  return (
    <div className="ms-filter-bar" data-testid="filter-bar">
      <Flex wrap gap={8} align="center">
        <span data-testid="filter-time">
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            value={range}
            placeholder={[t('filter.rangeStart'), t('filter.rangeEnd')]}
            onChange={(v) => {
              const r = dayRangeToFilter(v?.[0]?.format('YYYY-MM-DD') ?? null, v?.[1]?.format('YYYY-MM-DD') ?? null);
              setTimeRange(r.from, r.to);
            }}
          />
        </span>
        {multi('sources', options.sources, t('filter.sources'))}
        <TreeSelect<number[]>
          data-testid="filter-categories"
          className="ms-filter-item"
          treeData={options.categories}
          treeCheckable
          showCheckedStrategy={TreeSelect.SHOW_PARENT}
          allowClear
          maxTagCount="responsive"
          placeholder={t('filter.categories')}
          value={filter.categories ?? []}
          onChange={(v) => setList('categories', v)}
          treeNodeLabelProp="label"
          showSearch={{ treeNodeFilterProp: 'label' }}
          popupMatchSelectWidth={false}
          styles={{ popup: { root: { maxHeight: 420, overflow: 'auto', minWidth: 280 } } }}
        />
        {multi('districts', options.districts, t('filter.districts'))}
        {multi('departments', options.departments, t('filter.departments'))}
        {multi('statuses', options.statuses, t('filter.statuses'))}
        <QueryInput />
        {!isEmptyFilter(filter) && <Button onClick={reset} data-testid="filter-reset">{t('filter.reset')}</Button>}
      </Flex>
      <FilterCrumbs />
      {error != null && (
        <Alert style={{ marginTop: 8 }} type="error" showIcon title={t('filter.facetsFailed', { error: errorText(error, currentLocale()) })} />
      )}
    </div>
  );
}
