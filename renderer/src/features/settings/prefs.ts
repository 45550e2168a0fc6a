import { create } from 'zustand';
import { theme as antdTheme } from 'antd';
import type { AppSettingsValue, SettingsPatch } from '../../../../shared/api/areas/settings';
import { api } from '../../platform/select';
import { setImportDefaults } from '../import/mapping-state';

/**
 * The application preferences (engine `settings.get/set`) as a store the whole UI reads:
 * theme, privacy default (mask PII on screen), import defaults (time zone, coordinate system), data folder.
 * Screens that show personal data read `usePrefs((s) => s.maskPii)` and mask with shared/domain/text/pii.ts.
 */
export type Prefs = Omit<AppSettingsValue, 'locale'>;

const THEME_KEY = 'minsheng.theme';
export const DEFAULT_PREFS: Prefs = { timeZone: 'Asia/Shanghai', importCrs: 'wgs84', theme: 'light', maskPii: true, dataFolder: '', dataDir: '' };

function storedTheme(): Prefs['theme'] {
  try {
    return globalThis.localStorage?.getItem(THEME_KEY) === 'dark' ? 'dark' : 'light';
  } catch {
    return 'light';
  }
}

/** `<html data-theme>` drives the app's own CSS (header, sider, filter bar); antd follows the algorithm. */
export function applyTheme(t: Prefs['theme']): void {
  if (typeof document !== 'undefined') document.documentElement.dataset.theme = t;
  try {
    globalThis.localStorage?.setItem(THEME_KEY, t);
  } catch { /* the engine keeps it anyway */ }
}

export interface PrefsState extends Prefs {
  loaded: boolean;
  load(): Promise<void>;
  /** Saves a change; resolves with the saved settings or rejects with the engine's error (nothing changed then). */
  save(patch: SettingsPatch): Promise<void>;
}

function adopt(v: AppSettingsValue): Partial<PrefsState> {
  const { locale: _locale, ...prefs } = v;
  applyTheme(prefs.theme);
  setImportDefaults({ timezone: prefs.timeZone, crs: prefs.importCrs });
  return { ...prefs, loaded: true };
}

export const usePrefs = create<PrefsState>()((set) => ({
  ...DEFAULT_PREFS,
  theme: storedTheme(),
  loaded: false,
  load: async () => {
    set(adopt(await api.call('settings.get', {})));
  },
  save: async (patch) => {
    set(adopt(await api.call('settings.set', patch)));
  },
}));

applyTheme(usePrefs.getState().theme);

/** antd's algorithm for the current theme (Root's ConfigProvider). */
export function useThemeAlgorithm() {
  const t = usePrefs((s) => s.theme);
  return t === 'dark' ? antdTheme.darkAlgorithm : antdTheme.defaultAlgorithm;
}
