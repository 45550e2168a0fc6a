import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/api/errors';
import { useLocale } from './useLocale';

/** 中文 / English switch; the choice is kept in localStorage and in the engine's settings. */
export function LangSwitch() {
  const { t } = useTranslation();
  const [locale, setLocale] = useLocale();
  return (
    <Segmented<Locale>
      data-testid="lang-switch"
      aria-label={t('lang.label')}
      size="small"
      value={locale}
      onChange={setLocale}
      options={[{ label: t('lang.zh'), value: 'zh-CN' }, { label: t('lang.en'), value: 'en' }]}
    />
  );
}
