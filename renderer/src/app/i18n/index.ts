import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Locale } from '../../../../shared/api/errors';
import { en } from './en';
import { zhCN } from './zh-CN';

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
const STORAGE_KEY = 'minsheng.locale';

export function isLocale(x: unknown): x is Locale {
  return x === 'zh-CN' || x === 'en';
}

/** The locale remembered by this browser profile (first paint, before the engine answers). */
export function storedLocale(): Locale {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLocale(v) ? v : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function rememberLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // storage may be unavailable (private mode); the engine setting still persists it
  }
}

function applyDocumentLocale(locale: Locale): void {
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

const initial = storedLocale();
applyDocumentLocale(initial);

void i18next.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initial,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** Switches the UI language (i18next, dayjs, <html lang>, localStorage). */
export async function applyLocale(locale: Locale): Promise<void> {
  applyDocumentLocale(locale);
  rememberLocale(locale);
  if (i18next.language !== locale) await i18next.changeLanguage(locale);
}

export function currentLocale(): Locale {
  return isLocale(i18next.language) ? i18next.language : DEFAULT_LOCALE;
}

export { i18next };
