import { useState } from 'react';
import { Button, Empty, Flex, Input, List, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AlertDetail, AlertStatus } from '../../../../shared/api/areas/alerts';
import { fmtDate, fmtTime } from './format';

const statusText = (t: (k: string) => string, s: AlertStatus | null) => (s ? t(`alerts.status.${s}`) : '—');

/** The event trail (time, actor, change, department, due date, note). */
export function EventTrail({ events }: { events: AlertDetail['events'] }) {
  const { t } = useTranslation();
  return (
    <Timeline data-testid="alert-trail" items={[...events].reverse().map((e) => ({
      key: `${e.at}-${e.action}-${e.toStatus ?? ''}`,
      content: (
        <div>
          <Typography.Text type="secondary">{fmtTime(e.at)} · {e.actor}</Typography.Text>
          <div>
            {e.toStatus ? `${statusText(t, e.fromStatus)} → ${statusText(t, e.toStatus)}` : e.action}
            {e.department ? ` · ${e.department}` : ''}
            {e.dueAt ? ` · ${t('alerts.detail.due', { date: fmtDate(e.dueAt) })}` : ''}
          </div>
          {e.note && <Typography.Text italic>{e.note}</Typography.Text>}
        </div>
      ),
    }))} />
  );
}

/** Comments on the alert and a box to add one. */
export function Comments({ comments, busy, onAdd }: { comments: AlertDetail['comments']; busy: boolean; onAdd(text: string): Promise<boolean> }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  return (
    <div data-testid="alert-comments">
      {comments.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('alerts.noComments')} /> : (
        <List size="small" dataSource={comments} renderItem={(c) => (
          <List.Item key={`${c.at}-${c.text}`}>
            <div><Typography.Text type="secondary">{fmtTime(c.at)} · {c.actor}</Typography.Text><div style={{ whiteSpace: 'pre-wrap' }}>{c.text}</div></div>
          </List.Item>
        )} />
      )}
      <Flex gap={8} style={{ marginTop: 8 }}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={4000} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('alerts.commentPlaceholder')} />
        <Button loading={busy} disabled={!text.trim()} onClick={() => void onAdd(text.trim()).then((ok) => { if (ok) setText(''); })}>{t('alerts.commentAdd')}</Button>
      </Flex>
    </div>
  );
}
