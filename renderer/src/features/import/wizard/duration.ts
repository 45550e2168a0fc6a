import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { splitDuration } from '../progress';

/** Seconds → "1 小时 2 分" / "3 分 4 秒" / "5 秒" in the UI language. */
export function useDurationText(): (seconds: number) => string {
  const { t } = useTranslation();
  return useCallback((seconds: number) => {
    const { h, m, s } = splitDuration(seconds);
    if (h > 0) return t('import.duration.hm', { h, m });
    if (m > 0) return t('import.duration.ms', { m, s });
    return t('import.duration.s', { s });
  }, [t]);
}
