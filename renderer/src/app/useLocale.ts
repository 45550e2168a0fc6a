import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { App } from 'antd';
import type { Locale } from '../../../shared/api/errors';
import { api } from '../platform/select';
import { errorText } from './errors';
import { applyLocale, DEFAULT_LOCALE, isLocale } from './i18n';

/** The current UI language and a setter that persists it (localStorage + engine `settings.set`). */
export function useLocale(): [Locale, (l: Locale) => void] {
  const { i18n, t } = useTranslation();
  const { message } = App.useApp();
  const locale: Locale = isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
  const setLocale = useCallback((next: Locale) => {
    void applyLocale(next);
    api.call('settings.set', { locale: next }).catch((e: unknown) => {
      message.warning(t('lang.saveFailed', { error: errorText(e, next) }));
    });
  }, [message, t]);
  return [locale, setLocale];
}
