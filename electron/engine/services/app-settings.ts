import fs from 'node:fs';
import path from 'node:path';
import type { Locale } from '../../../shared/api/errors';
import type { RecentProject } from '../../../shared/model/project';

interface SettingsFile { locale: Locale; recent: { path: string; name: string; openedAt: string }[] }

const MAX_RECENT = 12;

/** Per-user application settings (not per project): language and recent projects, in <dataDir>/settings.json. */
export class AppSettings {
  private data: SettingsFile;
  private readonly file: string;
  constructor(readonly dataDir: string) {
    this.file = path.join(dataDir, 'settings.json');
    this.data = { locale: 'zh-CN', recent: [] };
    try {
      const parsed = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Partial<SettingsFile>;
      if (parsed.locale === 'en' || parsed.locale === 'zh-CN') this.data.locale = parsed.locale;
      if (Array.isArray(parsed.recent)) this.data.recent = parsed.recent.filter((r) => typeof r?.path === 'string').slice(0, MAX_RECENT);
    } catch { /* first start or unreadable: defaults */ }
  }

  get locale(): Locale { return this.data.locale; }
  setLocale(locale: Locale): void { this.data.locale = locale; this.save(); }

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
