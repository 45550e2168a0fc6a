import { useState } from 'react';
import { Button, Flex, InputNumber, Modal, Space, Table, Tooltip } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFacets } from '../../../state/facets';
import { useRules } from './rules';

/** Exclusion rules (instant closures, impossible durations) and the on-time limits per category. */
export function RulesEditor() {
  const { t } = useTranslation();
  const { rules, set, setLimit } = useRules();
  const [open, setOpen] = useState(false);
  const cats = useFacets((s) => s.facets?.categories ?? []).filter((c) => c.level <= 2 && c.count > 0);
  return (
    <Flex gap={12} wrap align="center" data-testid="perf-rules">
      <Space size={4}>
        <Tooltip title={t('trends.perf.instantHint')}><span>{t('trends.perf.instant')}</span></Tooltip>
        <InputNumber size="small" min={0} max={1440} value={rules.instantMinutes} onChange={(v) => set({ instantMinutes: v ?? 0 })} style={{ width: 72 }} suffix={t('trends.perf.min')} />
      </Space>
      <Space size={4}>
        <Tooltip title={t('trends.perf.maxDaysHint')}><span>{t('trends.perf.maxDays')}</span></Tooltip>
        <InputNumber size="small" min={1} max={3650} value={rules.maxDays} onChange={(v) => set({ maxDays: v ?? 365 })} style={{ width: 84 }} suffix={t('trends.perf.days')} />
      </Space>
      <Space size={4}>
        <span>{t('trends.perf.limit')}</span>
        <InputNumber size="small" min={1} max={87600} value={rules.defaultLimitHours} onChange={(v) => set({ defaultLimitHours: v ?? 120 })} style={{ width: 84 }} suffix="h" />
      </Space>
      <Button size="small" icon={<SettingOutlined />} onClick={() => setOpen(true)}>
        {t('trends.perf.perCategory', { count: Object.keys(rules.limitHours).length })}
      </Button>
      <Modal open={open} onCancel={() => setOpen(false)} onOk={() => setOpen(false)} title={t('trends.perf.perCategoryTitle')} width={560} destroyOnHidden>
        <p style={{ color: '#666' }}>{t('trends.perf.perCategoryHint')}</p>
        <Table
          size="small" rowKey="id" pagination={false} scroll={{ y: 420 }}
          dataSource={cats}
          columns={[
            { title: t('trends.cat.name'), dataIndex: 'name', render: (v: string, c) => (c.level === 2 ? <span style={{ paddingLeft: 16 }}>{v}</span> : <b>{v}</b>) },
            { title: t('trends.volume.count'), dataIndex: 'count', align: 'right', width: 90, render: (v: number) => v.toLocaleString() },
            {
              title: t('trends.perf.limitHours'), width: 140,
              render: (_: unknown, c) => (
                <InputNumber size="small" min={1} max={87600} placeholder={String(rules.defaultLimitHours)} value={rules.limitHours[String(c.id)] ?? null} onChange={(v) => setLimit(c.id, v)} suffix="h" />
              ),
            },
          ]}
        />
      </Modal>
    </Flex>
  );
}
