import { Card, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ScreenName } from '../app/routes';
import { ScreenHeader } from './ScreenHeader';

type Upcoming = 'text' | 'alerts' | 'evaluation' | 'reports' | 'audit' | 'map';

/** An honest placeholder screen: real header, and what will come here. */
export function ComingSoon({ screen }: { screen: ScreenName & Upcoming }) {
  const { t } = useTranslation();
  return (
    <div data-testid={`screen-${screen}`}>
      <ScreenHeader screen={screen} />
      <Card>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`comingSoon.${screen}`)} />
      </Card>
    </div>
  );
}
