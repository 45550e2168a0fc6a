import { z } from 'zod';
import { json } from '../define';

/**
 * Per-user application settings (not per project). `settings.set` takes any subset and returns the
 * whole set, so `{ locale }` alone (the first version of this method) keeps working.
 */
export const LocaleSchema = z.enum(['zh-CN', 'en']);
export const ThemeSchema = z.enum(['light', 'dark']);
export const SettingsCrsSchema = z.enum(['wgs84', 'gcj02', 'bd09']);

/** An IANA zone name ('Asia/Shanghai', 'UTC') that this runtime's Intl knows. */
export function isValidTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const TimeZoneSchema = z.string().min(1).max(64).refine(isValidTimeZone, { message: 'unknown time zone' });

export const AppSettingsSchema = z.object({
  locale: LocaleSchema,
  /** Time zone assumed for source times without an offset in new imports. */
  timeZone: z.string(),
  /** Coordinate system assumed for longitude/latitude in new imports. */
  importCrs: SettingsCrsSchema,
  theme: ThemeSchema,
  /** Mask names, phone numbers and ID numbers on screen (exports follow their own options). */
  maskPii: z.boolean(),
  /** Folder for new projects and dropped files; '' = the application data folder. */
  dataFolder: z.string(),
  /** The application data folder (settings, logs, demo); read-only. */
  dataDir: z.string(),
});
export type AppSettingsValue = z.infer<typeof AppSettingsSchema>;

export const SettingsPatchSchema = z.object({
  locale: LocaleSchema.optional(),
  timeZone: TimeZoneSchema.optional(),
  importCrs: SettingsCrsSchema.optional(),
  theme: ThemeSchema.optional(),
  maskPii: z.boolean().optional(),
  dataFolder: z.string().max(4096).optional(),
}).strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const settingsMethods = {
  'settings.get': json(z.object({}).strict(), AppSettingsSchema),
  'settings.set': json(SettingsPatchSchema, AppSettingsSchema, false),
} as const;
