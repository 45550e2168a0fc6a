import { Button, Flex, Tag, Tooltip } from 'antd';
import { ArrowLeftOutlined, ArrowRightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Filter } from '../../../../shared/model/filter';
import { useFacets } from '../../state/facets';
import { filterToDayRange, useFilters } from '../../state/filters';
import { useFilterHistory } from './history';

interface Crumb { key: string; label: string; remove(): void }

const KNOWN_LISTS = ['sources', 'categories', 'districts', 'departments', 'statuses'];

/** What the global filter holds, as removable tags, with back / forward through its history. */
export function FilterCrumbs() {
  const { t } = useTranslation();
  const filter = useFilters((s) => s.filter);
  const facets = useFacets((s) => s.facets);
  const { past, future, back, forward } = useFilterHistory();
  const patch = (p: Partial<Record<keyof Filter, undefined>>) => useFilters.setState((s) => ({ filter: Object.fromEntries(Object.entries({ ...s.filter, ...p }).filter(([, v]) => v !== undefined)) as Filter }));
  const crumbs: Crumb[] = [];
  const [from, to] = filterToDayRange(filter);
  if (from || to) crumbs.push({ key: 'time', label: `${t('filter.timeRange')}: ${from ?? '…'} ~ ${to ?? '…'}`, remove: () => patch({ from: undefined, to: undefined }) });
  const names = (key: string, vals: unknown[]): string => vals.map((v) => {
    if (key === 'sources') return facets?.sources.find((s) => s.code === v)?.name ?? String(v);
    if (key === 'categories') return facets?.categories.find((c) => c.id === v)?.name ?? String(v);
    if (key === 'statuses') return t(`status.${String(v)}`, { defaultValue: String(v) });
    if (key === 'channels') return t(`trends.channel.${String(v)}`, { defaultValue: String(v) });
    if (key === 'requestTypes') return t(`trends.requestType.${String(v)}`, { defaultValue: String(v) });
    return String(v);
  }).join('、');
  for (const [key, v] of Object.entries(filter)) {
    if (key === 'from' || key === 'to' || v === undefined) continue;
    const title = t(`filter.${key}`, { defaultValue: key });
    let label: string;
    if (Array.isArray(v)) label = `${title}: ${names(key, v.length > 3 ? [...v.slice(0, 3), '…'] : v)}`;
    else if (key === 'q') label = `${t('trends.crumbs.query')}: “${String(v)}”`;
    else label = `${title}: ${t('trends.crumbs.set')}`;
    crumbs.push({ key, label, remove: () => patch({ [key]: undefined } as never) });
  }
  if (!crumbs.length && !past.length && !future.length) return null;
  return (
    <Flex gap={6} align="center" wrap style={{ marginTop: 8 }} data-testid="filter-crumbs">
      <Tooltip title={t('trends.crumbs.back')}><Button size="small" icon={<ArrowLeftOutlined />} disabled={!past.length} onClick={back} data-testid="filter-back" aria-label={t('trends.crumbs.back')} /></Tooltip>
      <Tooltip title={t('trends.crumbs.forward')}><Button size="small" icon={<ArrowRightOutlined />} disabled={!future.length} onClick={forward} data-testid="filter-forward" aria-label={t('trends.crumbs.forward')} /></Tooltip>
      <span style={{ color: '#888' }}>{crumbs.length ? t('trends.crumbs.applied') : t('trends.crumbs.none')}</span>
      {crumbs.map((c) => (
        <Tag key={c.key} closable onClose={(e) => { e.preventDefault(); c.remove(); }} color={KNOWN_LISTS.includes(c.key) || c.key === 'time' ? 'blue' : 'geekblue'} data-testid={`crumb-${c.key}`}>{c.label}</Tag>
      ))}
    </Flex>
  );
}
