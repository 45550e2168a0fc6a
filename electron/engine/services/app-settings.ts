import fs from 'node:fs';
import path from 'node:path';
import type { Locale } from '../../../shared/api/errors';
import { ApiError } from '../../../shared/api/errors';
import type { AppSettingsValue, SettingsPatch } from '../../../shared/api/areas/settings';
import { isValidTimeZone } from '../../../shared/api/areas/settings';
import type { RecentProject } from '../../../shared/model/project';

type Prefs = Omit<AppSettingsValue, 'dataDir'>;
interface SettingsFile extends Prefs { recent: { path: string; name: string; openedAt: string }[] }

const MAX_RECENT = 12;

export const DEFAULT_PREFS: Prefs = {
  locale: 'zh-CN', timeZone: 'Asia/Shanghai', importCrs: 'wgs84', theme: 'light', maskPii: true, dataFolder: '',
};

/** Keeps what is valid in a parsed settings file and falls back to the defaults for the rest. */
export function sanitizeSettings(parsed: unknown): SettingsFile {
  const p = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  const pick = <T>(ok: (v: unknown) => boolean, v: unknown, d: T): T => (ok(v) ? (v as T) : d);
  const str = (v: unknown) => typeof v === 'string';
  return {
    locale: pick((v) => v === 'en' || v === 'zh-CN', p.locale, DEFAULT_PREFS.locale),
    timeZone: pick((v) => str(v) && isValidTimeZone(v as string), p.timeZone, DEFAULT_PREFS.timeZone),
    importCrs: pick((v) => v === 'wgs84' || v === 'gcj02' || v === 'bd09', p.importCrs, DEFAULT_PREFS.importCrs),
    theme: pick((v) => v === 'light' || v === 'dark', p.theme, DEFAULT_PREFS.theme),
    maskPii: pick((v) => typeof v === 'boolean', p.maskPii, DEFAULT_PREFS.maskPii),
    dataFolder: pick((v) => str(v) && (v === '' || path.isAbsolute(v as string)), p.dataFolder, DEFAULT_PREFS.dataFolder),
    recent: Array.isArray(p.recent)
      ? p.recent.filter((r): r is SettingsFile['recent'][number] => typeof r?.path === 'string').slice(0, MAX_RECENT)
      : [],
  };
}

/** Checks that a folder can hold projects: absolute, creatable, writable. Throws BAD_FOLDER / READ_ONLY. */
function checkFolder(dir: string): string {
  if (!path.isAbsolute(dir)) throw new ApiError('BAD_FOLDER', { path: dir });
  const resolved = path.resolve(dir);
  try {
    fs.mkdirSync(resolved, { recursive: true });
    fs.accessSync(resolved, fs.constants.W_OK);
  } catch (e) {
    throw new ApiError('READ_ONLY', { path: resolved, detail: e instanceof Error ? e.message : String(e) });
  }
  return resolved;
}

/**
 * Per-user application settings (not per project), in <dataDir>/settings.json: language, import defaults
 * (time zone, coordinate system), theme, privacy default, data folder, recent projects.
 * The Electron main process reads the same file for the menu language and the recent-projects menu.
 */
export class AppSettings {
  private data: SettingsFile;
  private readonly file: string;
  constructor(readonly dataDir: string) {
    this.file = path.join(dataDir, 'settings.json');
    let parsed: unknown = {};
    try {
      parsed = JSON.parse(fs.readFileSync(this.file, 'utf8'));
    } catch { /* first start or unreadable: defaults */ }
    this.data = sanitizeSettings(parsed);
  }

  get locale(): Locale { return this.data.locale; }
  setLocale(locale: Locale): void { this.update({ locale }); }

  /** Everything the settings screen shows. */
  values(): AppSettingsValue {
    const { recent: _recent, ...prefs } = this.data;
    return { ...prefs, dataDir: this.dataDir };
  }

  /** The folder for new projects and dropped files. */
  get dataFolder(): string { return this.data.dataFolder || this.dataDir; }

  /** Applies a validated patch (all or nothing) and saves. */
  update(patch: SettingsPatch): AppSettingsValue {
    const next = { ...this.data };
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) (next as Record<string, unknown>)[k] = v;
    if (patch.dataFolder !== undefined && patch.dataFolder !== '') next.dataFolder = checkFolder(patch.dataFolder);
    this.data = next;
    this.save();
    return this.values();
  }

  recent(): RecentProject[] {
    return this.data.recent.map((r) => ({ ...r, exists: fs.existsSync(r.path) }));
  }
  touchRecent(p: string, name: string, now = new Date()): void {
    this.data.recent = [{ path: p, name, openedAt: now.toISOString() }, ...this.data.recent.filter((r) => r.path !== p)].slice(0, MAX_RECENT);
    this.save();
  }
  forgetRecent(p: string): void {
    this.data.recent = this.data.recent.filter((r) => r.path !== p);
    this.save();
  }

  private save(): void {
    fs.mkdirSync(this.dataDir, { recursive: true });
    const tmp = `${this.file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(this.data, null, 2));
    fs.renameSync(tmp, this.file);
  }
}
