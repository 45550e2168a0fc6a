import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../shared/api/client';
import { ApiError } from '../../shared/api/errors';
import { tmpDir } from '../helpers/tmp';
import { ALL_TRANSPORTS, type TransportHarness } from './transports';

async function errorCode(p: Promise<unknown>): Promise<string> {
  try { await p; return 'no error'; } catch (e) { return e instanceof ApiError ? e.code : `not ApiError: ${String(e)}`; }
}

describe.each(ALL_TRANSPORTS)('settings and desktop services over %s', (_name, make) => {
  let h: TransportHarness; let api: ApiClient; let dir: string; let cleanup: () => void;
  beforeAll(async () => {
    ({ dir, cleanup } = tmpDir());
    h = await make(path.join(dir, 'data'));
    api = createApiClient(h.transport);
  });
  afterAll(async () => { await h.close(); cleanup(); });

  it('reads and writes settings; the first version of settings.set ({ locale }) still works', async () => {
    const s = await api.call('settings.get', {});
    expect(s).toMatchObject({ locale: 'zh-CN', theme: 'light', maskPii: true, importCrs: 'wgs84', timeZone: 'Asia/Shanghai' });
    expect((await api.call('settings.set', { locale: 'en' })).locale).toBe('en');
    const next = await api.call('settings.set', { theme: 'dark', importCrs: 'bd09', timeZone: 'UTC' });
    expect(next).toMatchObject({ locale: 'en', theme: 'dark', importCrs: 'bd09', timeZone: 'UTC' });
    expect(await errorCode(api.call('settings.set', { timeZone: 'Nowhere/City' }))).toBe('BAD_INPUT');
    expect(await errorCode(api.call('settings.set', { dataFolder: 'not/absolute' }))).toBe('BAD_FOLDER');
    expect(await api.call('settings.get', {})).toEqual(next);
    await api.call('settings.set', { locale: 'zh-CN' });
  });

  it('receives a dropped file in chunks into the data folder', async () => {
    const first = await api.call('desktop.uploadChunk', { uploadId: null, name: '工单.csv', offset: 0, dataBase64: Buffer.from('a,b\n').toString('base64'), done: false });
    const last = await api.call('desktop.uploadChunk', { uploadId: first.uploadId, name: '工单.csv', offset: 4, dataBase64: Buffer.from('1,2\n').toString('base64'), done: true });
    expect(last.path).toMatch(/dropped[/\\]\d{8}-\d{6}-工单\.csv$/);
    expect(fs.readFileSync(last.path!, 'utf8')).toBe('a,b\n1,2\n');
    expect(await errorCode(api.call('desktop.uploadChunk', { uploadId: 'x', name: 'a', offset: 0, dataBase64: '', done: true }))).toBe('BAD_INPUT');
  });

  it('reads the log tail and checks update files with typed errors', async () => {
    const logs = await api.call('desktop.logs', { lines: 5 });
    expect(logs.lines).toEqual([]);
    expect(await errorCode(api.call('desktop.checkUpdate', { path: path.join(dir, 'missing.json') }))).toBe('FILE_NOT_FOUND');
    const f = path.join(dir, 'bad-update.json');
    fs.writeFileSync(f, '{"product":"minsheng","version":"banana"}');
    expect(await errorCode(api.call('desktop.checkUpdate', { path: f }))).toBe('BAD_UPDATE_FILE');
  });
});
