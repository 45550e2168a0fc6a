import { useEffect } from 'react';
import { App, Button, Card, Empty, Flex, Popconfirm, Tag, Typography } from 'antd';
import { DeleteOutlined, PictureOutlined, VerticalAlignBottomOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ReportItemSummary } from '../../../../shared/domain/report/spec';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsync } from '../../hooks/useAsync';
import { errorText } from '../../app/errors';
import { currentLocale } from '../../app/i18n';
import { thumbnailOf, useBasket } from './basket';
import { useReport } from './builder/report-store';

function BasketItem({ item }: { item: ReportItemSummary }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const add = useReport((s) => s.add);
  const thumb = useAsync(() => thumbnailOf(item), item.id);
  const insert = () => {
    const id = add('item', { itemId: item.id });
    useReport.getState().edit(id, { title: item.title });
    void message.success(t('report.basket.inserted', { title: item.title }));
  };
  const remove = () => useBasket.getState().remove(item.id).then(
    () => void message.success(t('report.basket.removed')),
    (e: unknown) => void message.error(errorText(e, currentLocale())),
  );
  return (
    <Card size="small" data-testid="report-basket-item" styles={{ body: { padding: 6 } }}
      cover={<div className="ms-thumb">{thumb.data ? <img src={thumb.data} alt={item.title} /> : <PictureOutlined style={{ fontSize: 28, color: '#bfbfbf' }} />}</div>}>
      <Typography.Text strong ellipsis={{ tooltip: item.title }} style={{ display: 'block' }}>{item.title}</Typography.Text>
      <Flex justify="space-between" align="center">
        <span>
          <Tag bordered={false} style={{ marginInlineEnd: 2 }}>{t(`report.basket.sources.${item.source}`, { defaultValue: item.source })}</Tag>
          <Typography.Text type="secondary" style={{ fontSize: 11 }}>{new Date(item.createdAt).toLocaleDateString()}</Typography.Text>
        </span>
        <span>
          <Button size="small" type="text" icon={<VerticalAlignBottomOutlined />} onClick={insert} title={t('report.basket.insert')} aria-label={t('report.basket.insert')} data-testid="report-basket-insert" />
          <Popconfirm title={t('report.basket.remove')} onConfirm={() => void remove()}>
            <Button size="small" type="text" danger icon={<DeleteOutlined />} title={t('report.basket.remove')} aria-label={t('report.basket.remove')} />
          </Popconfirm>
        </span>
      </Flex>
    </Card>
  );
}

/** 报告素材: what other screens added ("加入报告"), with thumbnails; insert one as a section or remove it. */
export function BasketCard() {
  const { t } = useTranslation();
  const { items, error, load } = useBasket();
  useEffect(() => { void load(); }, [load]);
  return (
    <Card size="small" title={<span>{t('report.basket.title')} {items?.length ? <Tag>{items.length}</Tag> : null}</span>} data-testid="report-basket">
      {error != null && <ErrorAlert error={error} template="report.basket.loadFailed" />}
      {items && !items.length ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('report.basket.empty')} /> : (
        <div className="ms-report-basket">{(items ?? []).map((i) => <BasketItem key={i.id} item={i} />)}</div>
      )}
    </Card>
  );
}
