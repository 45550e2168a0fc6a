import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { SettingsPatchSchema } from '../../../shared/api/areas/settings';
import { AppSettings, sanitizeSettings } from '../../../electron/engine/services/app-settings';
import { readLogTail } from '../../../electron/engine/services/desktop/logs';
import { checkUpdate, compareVersions, pickInstaller } from '../../../electron/engine/services/desktop/update-check';
import { safeFileName, stampedName, UploadService } from '../../../electron/engine/services/desktop/upload';
import { tmpDir } from '../../helpers/tmp';

const tmp = tmpDir('minsheng-desktop-');
afterEach(() => { for (const f of fs.readdirSync(tmp.dir)) fs.rmSync(path.join(tmp.dir, f), { recursive: true, force: true }); });

describe('application settings', () => {
  it('defaults, saves a patch and reads it back in a new process', () => {
    const s = new AppSettings(tmp.dir);
    expect(s.values()).toEqual({ locale: 'zh-CN', timeZone: 'Asia/Shanghai', importCrs: 'wgs84', theme: 'light', maskPii: true, dataFolder: '', dataDir: tmp.dir });
    s.touchRecent('/p/a.minsheng', 'A');
    s.update({ theme: 'dark', timeZone: 'America/Los_Angeles', importCrs: 'gcj02', maskPii: false });
    const again = new AppSettings(tmp.dir);
    expect(again.values()).toMatchObject({ theme: 'dark', timeZone: 'America/Los_Angeles', importCrs: 'gcj02', maskPii: false, locale: 'zh-CN' });
    expect(again.recent().map((r) => r.path)).toEqual(['/p/a.minsheng']);
  });

  it('keeps the old `{ locale }` call working and validates patches', () => {
    expect(SettingsPatchSchema.safeParse({ locale: 'en' }).success).toBe(true);
    expect(SettingsPatchSchema.safeParse({ timeZone: 'Mars/Olympus' }).success).toBe(false);
    expect(SettingsPatchSchema.safeParse({ theme: 'blue' }).success).toBe(false);
    expect(SettingsPatchSchema.safeParse({ nope: 1 }).success).toBe(false);
  });

  it('accepts a writable absolute data folder and refuses a relative one without changing anything', () => {
    const s = new AppSettings(tmp.dir);
    const folder = path.join(tmp.dir, '项目', 'new');
    expect(s.update({ dataFolder: folder }).dataFolder).toBe(folder);
    expect(fs.existsSync(folder)).toBe(true);
    expect(s.dataFolder).toBe(folder);
    expect(() => s.update({ dataFolder: 'relative/dir', theme: 'dark' })).toThrow(expect.objectContaining({ code: 'BAD_FOLDER' }));
    expect(() => s.update({ dataFolder: 'relative/dir' })).toThrow(ApiError);
    expect(s.values()).toMatchObject({ dataFolder: folder, theme: 'light' });
    expect(s.update({ dataFolder: '' }).dataFolder).toBe('');
    expect(s.dataFolder).toBe(tmp.dir);
  });

  it('repairs a damaged settings file field by field', () => {
    const fixed = sanitizeSettings({ locale: 'fr', timeZone: 'Asia/Shanghai', theme: 'dark', maskPii: 'yes', dataFolder: 'rel', recent: [{ path: '/x' }, { nope: 1 }] });
    expect(fixed).toMatchObject({ locale: 'zh-CN', timeZone: 'Asia/Shanghai', theme: 'dark', maskPii: true, dataFolder: '' });
    expect(fixed.recent).toHaveLength(1);
    fs.writeFileSync(path.join(tmp.dir, 'settings.json'), '{broken');
    expect(new AppSettings(tmp.dir).values().theme).toBe('light');
  });
});

describe('dropped-file uploads', () => {
  const now = () => new Date(2025, 2, 1, 14, 22, 33);
  const b64 = (s: string) => Buffer.from(s).toString('base64');

  it('makes names safe and stamps them', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('a:b*c?.csv')).toBe('a_b_c_.csv');
    expect(safeFileName('C:\\x\\南京 数据.csv')).toBe('南京 数据.csv');
    expect(safeFileName('...')).toBe('dropped-file');
    expect(stampedName('x.csv', now())).toBe('20250301-142233-x.csv');
  });

  it('appends chunks in order and renames the finished file without overwriting', () => {
    const up = new UploadService(() => tmp.dir, now);
    const a = up.chunk({ uploadId: null, name: '南京.csv', offset: 0, dataBase64: b64('id,内容\n'), done: false });
    expect(a.path).toBeNull();
    const end = up.chunk({ uploadId: a.uploadId, name: '南京.csv', offset: a.received, dataBase64: b64('1,路灯\n'), done: true });
    expect(end.path).toBe(path.join(tmp.dir, 'dropped', '20250301-142233-南京.csv'));
    expect(fs.readFileSync(end.path!, 'utf8')).toBe('id,内容\n1,路灯\n');
    const again = up.chunk({ uploadId: null, name: '南京.csv', offset: 0, dataBase64: b64('x'), done: true });
    expect(again.path).toBe(path.join(tmp.dir, 'dropped', '20250301-142233-南京 (2).csv'));
    expect(fs.readdirSync(path.join(tmp.dir, 'dropped')).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('refuses out-of-order chunks and unknown uploads', () => {
    const up = new UploadService(() => tmp.dir, now);
    const a = up.chunk({ uploadId: null, name: 'x.csv', offset: 0, dataBase64: b64('abc'), done: false });
    expect(() => up.chunk({ uploadId: a.uploadId, name: 'x.csv', offset: 1, dataBase64: b64('d'), done: true })).toThrow(/expected offset 3/);
    expect(() => up.chunk({ uploadId: 'f'.repeat(32), name: 'x.csv', offset: 0, dataBase64: '', done: true })).toThrow(/unknown/);
    expect(() => up.chunk({ uploadId: null, name: 'x.csv', offset: 5, dataBase64: '', done: true })).toThrow(/offset 0/);
  });
});

describe('log viewer', () => {
  it('returns the last lines of the log, or nothing when there is none', () => {
    expect(readLogTail(tmp.dir, 10)).toEqual({ dir: path.join(tmp.dir, 'logs'), file: null, lines: [], truncated: false });
    fs.mkdirSync(path.join(tmp.dir, 'logs'));
    fs.writeFileSync(path.join(tmp.dir, 'logs', 'minsheng.log'), Array.from({ length: 30 }, (_, i) => `line ${i}`).join('\n') + '\n');
    const r = readLogTail(tmp.dir, 5);
    expect(r.lines).toEqual(['line 25', 'line 26', 'line 27', 'line 28', 'line 29']);
    expect(r.truncated).toBe(true);
  });
});

describe('offline update check', () => {
  const sha = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
  function release(version: string, installer = 'setup bytes', listed = installer) {
    const dir = path.join(tmp.dir, `r-${version}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'Minsheng-setup-x64.exe'), installer);
    fs.writeFileSync(path.join(dir, 'minsheng-update.json'), JSON.stringify({
      product: 'minsheng', version, date: '2025-06-01', notes: { 'zh-CN': '修复', en: 'Fixes' },
      files: [{ name: 'Minsheng-setup-x64.exe', sha256: sha(listed), platform: 'win32', arch: 'x64' }],
    }));
    return dir;
  }

  it('orders versions like semver', () => {
    expect(compareVersions('0.10.0', '0.9.9')).toBe(1);
    expect(compareVersions('1.0.0-beta.1', '1.0.0')).toBe(-1);
    expect(compareVersions('v1.2.3', '1.2.3')).toBe(0);
    expect(pickInstaller([{ name: 'a', sha256: sha('a'), platform: 'linux', arch: 'arm64' }], 'linux', 'x64')).toBeNull();
  });

  it('finds a newer version in a folder and verifies this platform\'s installer', async () => {
    const r = await checkUpdate(release('0.2.0'), { current: '0.1.0', locale: 'en', platform: 'win32', arch: 'x64' });
    expect(r).toMatchObject({ current: '0.1.0', available: '0.2.0', newer: true, notes: 'Fixes', installer: { status: 'verified' } });
  });

  it('reports a damaged installer, a missing one and an older version', async () => {
    const bad = await checkUpdate(release('0.3.0', 'tampered', 'original'), { current: '0.1.0', locale: 'zh-CN', platform: 'win32', arch: 'x64' });
    expect(bad.installer?.status).toBe('mismatch');
    expect(bad.notes).toBe('修复');
    const dir = release('0.0.9');
    fs.rmSync(path.join(dir, 'Minsheng-setup-x64.exe'));
    const old = await checkUpdate(path.join(dir, 'minsheng-update.json'), { current: '0.1.0', locale: 'en', platform: 'win32', arch: 'x64' });
    expect(old).toMatchObject({ newer: false, installer: { status: 'missing' } });
    expect((await checkUpdate(dir, { current: '0.1.0', locale: 'en', platform: 'darwin', arch: 'arm64' })).installer).toBeNull();
  });

  it('refuses a file that is not an update file, with a clear error', async () => {
    const f = path.join(tmp.dir, 'x.json');
    fs.writeFileSync(f, JSON.stringify({ product: 'other', version: '9' }));
    await expect(checkUpdate(f, { current: '0.1.0', locale: 'en' })).rejects.toMatchObject({ code: 'BAD_UPDATE_FILE' });
    await expect(checkUpdate(path.join(tmp.dir, 'none.json'), { current: '0.1.0', locale: 'en' })).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });
});
