import { useMemo, useState } from 'react';
import { App, Button, Flex, Popconfirm, Space, Table, Tooltip, Typography, Upload, type TableColumnsType } from 'antd';
import { DeleteOutlined, DownloadOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../app/errors';
import { currentLocale } from '../../../app/i18n';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useAsync } from '../../../hooks/useAsync';
import { api } from '../../../platform/select';
import { useProjectKey, useSources } from '../hooks';
import { TEMPLATES_FILE, exportInput, templateRows, type TemplateRow } from './template-rows';

/** Saves text as a file through a temporary <a download> on a blob: URL. */
function downloadJson(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saved mapping templates of the project: list, delete, export to / import from a JSON file. */
export function TemplatesTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const projectKey = useProjectKey();
  const [reload, setReload] = useState(0);
  const list = useAsync(() => api.call('templates.list', {}), `${projectKey}|${reload}`);
  const sources = useSources();
  const [selected, setSelected] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);

  const sourceNames = useMemo(() => new Map((sources.data ?? []).map((s) => [s.code, s.name])), [sources.data]);
  const rows = useMemo(() => templateRows(list.data ?? [], sourceNames), [list.data, sourceNames]);
  const refresh = () => setReload((n) => n + 1);

  const remove = async (r: TemplateRow) => {
    try {
      await api.call('templates.delete', { id: r.id });
      message.success(t('import.templates.deleted', { name: r.name }));
      setSelected((s) => s.filter((id) => id !== r.id));
      refresh();
    } catch (e) {
      message.error(t('import.templates.failed', { error: errorText(e, currentLocale()) }));
    }
  };

  const exportSelected = async () => {
    setBusy(true);
    try {
      const { json } = await api.call('templates.export', exportInput(selected));
      downloadJson(json, TEMPLATES_FILE);
      message.success(t('import.templates.exported', { n: selected.length || rows.length, file: TEMPLATES_FILE }));
    } catch (e) {
      message.error(t('import.templates.failed', { error: errorText(e, currentLocale()) }));
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (file: File) => {
    setBusy(true);
    try {
      const text = await file.text();
      const { imported } = await api.call('templates.import', { json: text });
      message.success(t('import.templates.imported', { n: imported }));
      refresh();
    } catch (e) {
      message.error(t('import.templates.failed', { error: errorText(e, currentLocale()) }));
    } finally {
      setBusy(false);
    }
  };

  const columns: TableColumnsType<TemplateRow> = [
    { title: t('import.templates.name'), dataIndex: 'name', key: 'name', width: 200, ellipsis: { showTitle: true } },
    { title: t('import.templates.source'), key: 'source', width: 160, ellipsis: true, render: (_: unknown, r) => <span title={r.sourceCode}>{r.sourceLabel}</span> },
    { title: t('import.templates.columns'), dataIndex: 'mappedColumns', key: 'columns', width: 100, align: 'right' },
    {
      title: t('import.templates.signature'), key: 'signature', width: 280,
      render: (_: unknown, r) => (r.signature
        ? <Tooltip title={<span style={{ wordBreak: 'break-all' }}>{r.signature}</span>}><Typography.Text code style={{ whiteSpace: 'nowrap' }}>{r.signatureShort}</Typography.Text></Tooltip>
        : '—'),
    },
    { title: t('import.templates.updated'), dataIndex: 'updated', key: 'updated', width: 150 },
    {
      title: t('import.templates.actions'), key: 'actions', width: 80, fixed: 'right',
      render: (_: unknown, r) => (
        <Popconfirm
          title={t('import.templates.deleteConfirm', { name: r.name })}
          okButtonProps={{ danger: true }}
          okText={t('import.templates.delete')}
          onConfirm={() => remove(r)}
        >
          <Tooltip title={t('import.templates.delete')}>
            <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('import.templates.delete')} data-testid={`template-delete-${r.id}`} />
          </Tooltip>
        </Popconfirm>
      ),
    },
  ];

  return (
    <div data-testid="templates-tab">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('import.templates.hint')}</Typography.Text>
        <Space wrap>
          <Button icon={<ReloadOutlined />} onClick={refresh} loading={list.loading}>{t('import.templates.refresh')}</Button>
          <Upload
            accept=".json,application/json"
            showUploadList={false}
            maxCount={1}
            beforeUpload={(file) => {
              void importFile(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} disabled={busy} data-testid="templates-import">{t('import.templates.import')}</Button>
          </Upload>
          <Button type="primary" icon={<DownloadOutlined />} onClick={() => void exportSelected()} loading={busy} disabled={rows.length === 0} data-testid="templates-export">
            {selected.length ? t('import.templates.exportSelected', { n: selected.length }) : t('import.templates.exportAll')}
          </Button>
        </Space>
      </Flex>
      {list.error != null && <ErrorAlert error={list.error} />}
      <Table<TemplateRow>
        data-testid="templates-table"
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={list.loading}
        scroll={{ x: 970 }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)) }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('import.templates.empty') }}
      />
    </div>
  );
}
