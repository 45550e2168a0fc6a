import { useState } from 'react';
import { Button, Card, Flex, Input, Space, Typography } from 'antd';
import { FolderOpenOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { dialogs } from '../../platform/select';

interface Props {
  busy: string | null;
  onCreate: (path: string) => void;
  onOpen: (path: string) => void;
}

/** New / open project by path; in Electron the native file dialogs fill the path in. */
export function ProjectForms({ busy, onCreate, onOpen }: Props) {
  const { t } = useTranslation();
  const [newPath, setNewPath] = useState<string | null>(null); // null: the (localized) default path
  const [openPath, setOpenPath] = useState('');
  const createPath = newPath ?? t('start.defaultPath');

  const pickSave = async () => {
    const p = await dialogs.pickSaveFile(createPath);
    if (p) setNewPath(p);
  };
  const pickOpen = async () => {
    const p = await dialogs.pickOpenFile();
    if (p) {
      setOpenPath(p);
      onOpen(p);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Card title={t('start.newTitle')} data-testid="new-project">
        <Typography.Paragraph type="secondary">{t('start.newHint')}</Typography.Paragraph>
        <Space.Compact style={{ width: '100%' }}>
          <Input
            aria-label={t('start.pathLabel')}
            data-testid="new-project-path"
            value={createPath}
            onChange={(e) => setNewPath(e.target.value)}
            onPressEnter={() => createPath.trim() && onCreate(createPath.trim())}
          />
          {dialogs.available && <Button onClick={() => void pickSave()}>{t('start.chooseLocation')}</Button>}
          <Button
            type="primary" icon={<PlusOutlined />} data-testid="new-project-create"
            loading={busy === 'create'} disabled={!createPath.trim() || (busy !== null && busy !== 'create')}
            onClick={() => onCreate(createPath.trim())}
          >
            {t('start.create')}
          </Button>
        </Space.Compact>
      </Card>
      <Card title={t('start.openTitle')} data-testid="open-project">
        <Space.Compact style={{ width: '100%' }}>
          <Input
            aria-label={t('start.pathLabel')}
            data-testid="open-project-path"
            placeholder={t('start.openPlaceholder')}
            value={openPath}
            onChange={(e) => setOpenPath(e.target.value)}
            onPressEnter={() => openPath.trim() && onOpen(openPath.trim())}
          />
          {dialogs.available && <Button icon={<FolderOpenOutlined />} onClick={() => void pickOpen()}>{t('start.browse')}</Button>}
          <Button
            data-testid="open-project-open"
            loading={busy === 'open'} disabled={!openPath.trim() || (busy !== null && busy !== 'open')}
            onClick={() => onOpen(openPath.trim())}
          >
            {t('start.open')}
          </Button>
        </Space.Compact>
      </Card>
    </Flex>
  );
}
