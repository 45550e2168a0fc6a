import { Button, Card, Empty, Tag, Tooltip } from 'antd';
import { CloseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { RecentProject } from '../../../../shared/model/project';
import { formatShanghai } from '../records/format';

interface Props {
  recent: RecentProject[] | undefined;
  loading: boolean;
  busy: boolean;
  onOpen: (path: string) => void;
  onForget: (path: string) => void;
}

/** Recently opened projects; files that no longer exist are greyed out and cannot be opened. */
export function RecentProjects({ recent, loading, busy, onOpen, onForget }: Props) {
  const { t } = useTranslation();
  return (
    <Card title={t('start.recentTitle')} loading={loading && !recent} data-testid="recent-projects">
      {!recent?.length && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('start.recentEmpty')} />}
      {recent?.map((r) => {
        const opened = Date.parse(r.openedAt);
        return (
          <div key={r.path} className={`ms-recent-row${r.exists ? '' : ' ms-recent-missing'}`} data-testid="recent-item">
            <div className="ms-recent-main">
              <div className="ms-recent-name">
                {r.name} {!r.exists && <Tag>{t('start.missing')}</Tag>}
              </div>
              <div className="ms-recent-path" title={r.path}>{r.path}</div>
              {Number.isFinite(opened) && <div className="ms-recent-path">{t('start.openedAt', { time: formatShanghai(opened) })}</div>}
            </div>
            <Button disabled={!r.exists || busy} onClick={() => onOpen(r.path)}>{t('start.open')}</Button>
            <Tooltip title={t('start.remove')}>
              <Button type="text" aria-label={t('start.remove')} icon={<CloseOutlined />} disabled={busy} onClick={() => onForget(r.path)} />
            </Tooltip>
          </div>
        );
      })}
    </Card>
  );
}
