import { useState } from 'react';
import { Alert, Button, Card, Empty, Flex, Input, Space, Tooltip, Typography } from 'antd';
import { CloseOutlined, FileTextOutlined, FolderOpenOutlined, EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { getBridge } from '../../../platform/bridge';
import { useImportWizard } from '../import-store';
import { forgetPath, recentPaths } from '../recent-paths';

const DATA_EXTENSIONS = ['csv', 'tsv', 'txt', 'xlsx', 'json', 'jsonl', 'ndjson'];

/** Step 1: the file to import, by path (browser mode) or native dialog (Electron), plus recent paths. */
export function StepFile() {
  const { t } = useTranslation();
  const path = useImportWizard((s) => s.path);
  const previewing = useImportWizard((s) => s.previewing);
  const previewError = useImportWizard((s) => s.previewError);
  const { setPath, loadPreview } = useImportWizard.getState();
  const [recent, setRecent] = useState<string[]>(() => recentPaths());
  const bridge = getBridge();

  const preview = async (p: string) => {
    if (!p.trim()) return;
    await loadPreview(p);
    setRecent(recentPaths());
  };
  const browse = async () => {
    const picked = await bridge?.pickOpenFile?.({
      title: t('import.file.browseTitle'),
      filters: [{ name: t('import.file.dataFiles'), extensions: DATA_EXTENSIONS }, { name: t('import.file.allFiles'), extensions: ['*'] }],
    });
    if (picked) {
      setPath(picked);
      await preview(picked);
    }
  };

  return (
    <Flex vertical gap={16} style={{ maxWidth: 980 }}>
      <Card title={t('import.file.title')}>
        <Typography.Paragraph type="secondary">{t('import.file.hint')}</Typography.Paragraph>
        <Space.Compact style={{ width: '100%' }}>
          <Input
            data-testid="import-path"
            aria-label={t('import.file.pathLabel')}
            prefix={<FileTextOutlined />}
            placeholder={t('import.file.pathPlaceholder')}
            value={path}
            onChange={(e) => setPath(e.target.value)}
            onPressEnter={() => void preview(path)}
            allowClear
          />
          {bridge && <Button icon={<FolderOpenOutlined />} onClick={() => void browse()}>{t('import.file.browse')}</Button>}
          <Button
            type="primary" icon={<EyeOutlined />} data-testid="import-preview-btn"
            loading={previewing} disabled={!path.trim()} onClick={() => void preview(path)}
          >
            {t('import.file.preview')}
          </Button>
        </Space.Compact>
        {!bridge && <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>{t('import.file.browserHint')}</Typography.Text>}
        {previewError != null && <div style={{ marginTop: 12 }}><ErrorAlert error={previewError} template="import.file.previewFailed" /></div>}
      </Card>
      <Card title={t('import.file.recent')} size="small">
        {recent.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('import.file.recentEmpty')} />}
        {recent.map((p) => (
          <div key={p} className="ms-recent-row" data-testid="import-recent-path">
            <div className="ms-recent-main">
              <Typography.Link onClick={() => { setPath(p); void preview(p); }} title={p} disabled={previewing}>
                {p}
              </Typography.Link>
            </div>
            <Tooltip title={t('import.file.forget')}>
              <Button type="text" size="small" aria-label={t('import.file.forget')} icon={<CloseOutlined />} onClick={() => setRecent(forgetPath(p))} />
            </Tooltip>
          </div>
        ))}
      </Card>
      <Alert type="info" showIcon title={t('import.file.formats')} />
    </Flex>
  );
}
