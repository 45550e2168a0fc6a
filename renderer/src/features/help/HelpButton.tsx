import { Button } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ScreenName } from '../../app/routes';
import { openHelp, SCREEN_HELP } from './manual';

/** The context-help button of a screen (under the navigation): opens the manual page that explains it. */
export function HelpButton({ screen }: { screen: ScreenName }) {
  const { t } = useTranslation();
  if (screen === 'help') return null;
  return (
    <div style={{ padding: '4px 12px' }}>
      <Button
        type="link"
        size="small"
        icon={<QuestionCircleOutlined />}
        data-testid={`context-help-${screen}`}
        onClick={() => openHelp(SCREEN_HELP[screen])}
      >
        {t('help.contextHelp')}
      </Button>
    </div>
  );
}
