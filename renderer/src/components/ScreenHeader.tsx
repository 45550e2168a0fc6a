import type { ReactNode } from 'react';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ScreenName } from '../app/routes';
import { isEmptyFilter, useFilter } from '../state/filters';

/** Title and one-line purpose of a screen; shows when the global filter narrows the data. */
export function ScreenHeader({ screen, extra }: { screen: ScreenName; extra?: ReactNode }) {
  const { t } = useTranslation();
  const filter = useFilter();
  return (
    <Flex className="ms-screen-header" justify="space-between" align="flex-start" gap={16}>
      <div>
        <Typography.Title level={4}>
          {t(`screens.${screen}.title`)}
          {!isEmptyFilter(filter) && <Tag color="blue" style={{ marginInlineStart: 12, verticalAlign: 'middle' }}>{t('filter.active')}</Tag>}
        </Typography.Title>
        <Typography.Text type="secondary">{t(`screens.${screen}.description`)}</Typography.Text>
      </div>
      {extra}
    </Flex>
  );
}
