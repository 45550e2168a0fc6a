import { Card, Col, DatePicker, Flex, Form, Input, Row, Select, Switch, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CompareTo } from '../../../../../shared/domain/report/spec';
import type { Filter } from '../../../../../shared/model/filter';
import { useFacets } from '../../../state/facets';
import { dayRangeToFilter, filterToDayRange, useFilter } from '../../../state/filters';
import { useReport } from './report-store';
import { reportFilter } from './sections';

/** The report's filter as read-only tags (what the report covers besides its period). */
function FilterTags({ filter }: { filter: Filter }) {
  const { t } = useTranslation();
  const facets = useFacets((s) => s.facets);
  const name = (key: string, v: unknown): string => {
    if (key === 'sources') return facets?.sources.find((s) => s.code === v)?.name ?? String(v);
    if (key === 'categories') return facets?.categories.find((c) => c.id === v)?.name ?? String(v);
    if (key === 'statuses') return t(`status.${String(v)}`, { defaultValue: String(v) });
    return String(v);
  };
  const tags = Object.entries(filter).filter(([k, v]) => k !== 'from' && k !== 'to' && v !== undefined).map(([k, v]) => {
    const title = k === 'q' ? t('trends.crumbs.query') : t(`filter.${k}`, { defaultValue: k });
    const text = Array.isArray(v) ? v.slice(0, 4).map((x) => name(k, x)).join('、') + (v.length > 4 ? '…' : '') : k === 'q' ? `“${String(v)}”` : t('trends.crumbs.set');
    return <Tag key={k} color="blue">{title}: {text}</Tag>;
  });
  return (
    <Flex gap={4} wrap data-testid="report-filter-tags">
      {tags.length ? tags : <Typography.Text type="secondary">{t('report.meta.noFilter')}</Typography.Text>}
    </Flex>
  );
}

/** Title, subtitle, organisation, author; the period (follows the global filter or its own); comparison. */
export function MetaCard() {
  const { t } = useTranslation();
  const global = useFilter();
  const { meta, period, setMeta, setPeriod } = useReport();
  const filter = reportFilter(global, period);
  const [fromDay, toDay] = filterToDayRange(filter);
  const field = (key: 'title' | 'subtitle' | 'organisation' | 'author', label: string, placeholder?: string) => (
    <Form.Item label={label} style={{ marginBottom: 8 }} required={key === 'title'}
      validateStatus={key === 'title' && !meta.title.trim() ? 'warning' : undefined} help={key === 'title' && !meta.title.trim() ? t('report.meta.needTitle') : undefined}>
      <Input value={meta[key]} onChange={(e) => setMeta({ [key]: e.target.value })} placeholder={placeholder} maxLength={key === 'author' ? 100 : 200} data-testid={`report-meta-${key}`} />
    </Form.Item>
  );
  return (
    <Card size="small" title={t('report.meta.title')} data-testid="report-meta">
      <Form layout="vertical" size="small">
        {field('title', t('report.meta.reportTitle'), t('report.meta.titlePlaceholder'))}
        {field('subtitle', t('report.meta.subtitle'))}
        <Row gutter={8}>
          <Col span={14}>{field('organisation', t('report.meta.organisation'))}</Col>
          <Col span={10}>{field('author', t('report.meta.author'))}</Col>
        </Row>
        <Form.Item label={t('report.meta.period')} extra={t('report.meta.periodHint')} style={{ marginBottom: 8 }}>
          <Flex gap={8} align="center" wrap>
            <DatePicker.RangePicker allowEmpty={[true, true]} data-testid="report-period"
              value={fromDay || toDay ? [fromDay ? dayjs(fromDay) : null, toDay ? dayjs(toDay) : null] : null}
              onChange={(v) => setPeriod({ follow: false, ...dayRangeToFilter(v?.[0]?.format('YYYY-MM-DD') ?? null, v?.[1]?.format('YYYY-MM-DD') ?? null) })} />
            <span><Switch size="small" checked={period.follow} onChange={(v) => setPeriod(v ? { follow: true } : { follow: false, from: global.from, to: global.to })} data-testid="report-period-follow" /> {t('report.meta.followGlobal')}</span>
          </Flex>
        </Form.Item>
        <Form.Item label={t('report.meta.filter')} style={{ marginBottom: 8 }}><FilterTags filter={filter} /></Form.Item>
        <Form.Item label={t('report.meta.compare')} style={{ marginBottom: 0 }}>
          <Select<CompareTo> value={meta.compareTo} onChange={(v) => setMeta({ compareTo: v })} style={{ width: 240 }} data-testid="report-compare"
            options={(['previous-period', 'previous-year', 'none'] as const).map((v) => ({ value: v, label: t(`report.meta.compareTo.${v}`) }))} />
        </Form.Item>
      </Form>
    </Card>
  );
}
