import { useState } from 'react';
import { Card, Segmented, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { RunResult } from '../../../../../shared/api/areas/evaluation';
import type { IndicatorNode, RoleCounts, RowRole } from '../../../../../shared/domain/evaluation';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useAsync } from '../../../hooks/useAsync';
import { api } from '../../../platform/select';
import { localName } from '../scheme/names';
import { decodeEvidence, type EvidenceRow } from './evidence-arrow';
import { Timeline } from './Timeline';

const ROLE_COLOR: Record<RowRole, string> = { ok: 'green', flag: 'red', excluded: 'orange', na: 'default' };
const time = (ms: number | null) => (ms === null ? '—' : dayjs(ms).format('YYYY-MM-DD HH:mm'));
const hours = (h: number | null) => (h === null ? '—' : h.toFixed(1));

/** The records behind one indicator, by the role each played; a click opens the record's trail. */
export function EvidenceRecords({ run, period, object, indicator, counts }: { run: RunResult; period: string; object: string; indicator: IndicatorNode; counts: RoleCounts | undefined }) {
  const { t, i18n } = useTranslation();
  const [role, setRole] = useState<RowRole | 'all'>(counts && counts.flag > 0 ? 'flag' : 'all');
  const [page, setPage] = useState(1);
  const [record, setRecord] = useState<number | null>(null);
  const pageSize = 20;
  const total = !counts ? 0 : role === 'all' ? counts.ok + counts.flag + counts.excluded + counts.na : counts[role];
  const rows = useAsync(async () => decodeEvidence(await api.call('evaluation.evidenceRecords', {
    runId: run.id, period, object, indicatorId: indicator.id, ...(role === 'all' ? {} : { roles: [role] }), offset: (page - 1) * pageSize, limit: pageSize,
  })), `${run.id}|${period}|${object}|${indicator.id}|${role}|${page}`);
  const roles: (RowRole | 'all')[] = ['all', 'flag', 'excluded', 'ok', 'na'];
  return (
    <Card size="small" title={t('evaluation.evidence.records', { name: localName(indicator.name, i18n.language) })} style={{ marginTop: 12 }} data-testid="evidence-records">
      <Segmented value={role} onChange={(v) => { setRole(v as RowRole | 'all'); setPage(1); }} style={{ marginBottom: 8 }}
        options={roles.map((r) => ({ value: r, label: `${t(r === 'all' ? 'evaluation.evidence.all' : `evaluation.evidence.${r}`)}${counts && r !== 'all' ? ` ${counts[r]}` : ''}` }))} />
      {rows.error != null && <ErrorAlert error={rows.error} />}
      <Table<EvidenceRow> size="small" rowKey="id" dataSource={rows.data ?? []} loading={rows.loading} scroll={{ x: 1000 }}
        pagination={{ current: page, pageSize, total, showSizeChanger: false, onChange: setPage }}
        onRow={(r) => ({ onClick: () => setRecord(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('evaluation.evidence.role'), dataIndex: 'role', width: 80, render: (r: RowRole) => <Tag color={ROLE_COLOR[r]}>{t(`evaluation.evidence.${r}`)}</Tag> },
          { title: t('evaluation.evidence.externalId'), dataIndex: 'externalId', width: 130 },
          { title: t('evaluation.evidence.receivedAt'), dataIndex: 'receivedAt', width: 140, render: time },
          { title: t('evaluation.evidence.responseH'), dataIndex: 'responseH', width: 90, render: hours },
          { title: t('evaluation.evidence.closeH'), dataIndex: 'closeH', width: 90, render: hours },
          { title: t('evaluation.evidence.status'), dataIndex: 'status', width: 90, render: (v: string | null) => (v ? t(`status.${v}`, { defaultValue: v }) : '—') },
          { title: t('evaluation.evidence.transfers'), dataIndex: 'transfers', width: 60 },
          { title: t('evaluation.evidence.satisfaction'), dataIndex: 'satisfaction', width: 70, render: (s: number | null) => (s === null ? '—' : s.toFixed(2)) },
          { title: t('evaluation.evidence.titleCol'), dataIndex: 'title', ellipsis: true },
        ]} />
      <Timeline recordId={record} onClose={() => setRecord(null)} />
    </Card>
  );
}
