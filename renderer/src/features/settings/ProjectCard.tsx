import { Button, Card, Descriptions, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProjectInfo } from '../../../../shared/model/project';
import { formatBytes, formatShanghai } from '../records/format';

interface Props { project: ProjectInfo | undefined; loading: boolean; closing: boolean; onClose: () => void }

/** The open project: file, schema, size, rows per table, and "close". */
export function ProjectCard({ project, loading, closing, onClose }: Props) {
  const { t } = useTranslation();
  const created = project ? Date.parse(project.createdAt) : NaN;
  return (
    <Card
      title={t('settings.project')}
      loading={loading && !project}
      data-testid="settings-project"
      extra={<Button danger onClick={onClose} loading={closing} data-testid="close-project">{t('settings.closeProject')}</Button>}
    >
      {project && (
        <>
          <Descriptions column={1} size="small" bordered items={[
            { key: 'name', label: t('settings.projectName'), children: project.name },
            { key: 'path', label: t('settings.path'), children: <span style={{ wordBreak: 'break-all' }}>{project.path}</span> },
            { key: 'schema', label: t('settings.schemaVersion'), children: project.schemaVersion },
            { key: 'size', label: t('settings.size'), children: formatBytes(project.fileSizeBytes) },
            { key: 'created', label: t('settings.createdAt'), children: Number.isFinite(created) ? formatShanghai(created) : project.createdAt },
            { key: 'synthetic', label: t('settings.synthetic'), children: project.synthetic ? <Tag color="orange">{t('header.synthetic')}</Tag> : t('common.no') },
          ]} />
          <Table
            style={{ marginTop: 16 }}
            size="small"
            rowKey="table"
            pagination={false}
            title={() => t('settings.tables')}
            dataSource={project.counts}
            columns={[
              { title: t('settings.table'), dataIndex: 'table', key: 'table' },
              { title: t('settings.rows'), dataIndex: 'rows', key: 'rows', align: 'right', render: (n: number) => n.toLocaleString() },
            ]}
          />
        </>
      )}
    </Card>
  );
}
