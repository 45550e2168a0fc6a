/**
 * The alerts screens' contract: settings saved in the project with documented defaults (bad values
 * refused with a message), emerging hot spots per area per period, and the on-demand scan job whose
 * result (parameters, clusters, stored alert ids) is read back by alerts.lastScan.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../shared/api/client';
import { tmpDir } from '../helpers/tmp';
import { inProcess, type TransportHarness } from './transports';
import { runJob } from './layers-support';

describe('alert settings, emerging hot spots and the scan (contract)', () => {
  let h: TransportHarness; let api: ApiClient; let cleanup: () => void;
  beforeAll(async () => {
    const t = tmpDir(); cleanup = t.cleanup;
    h = await inProcess(path.join(t.dir, 'data'));
    api = createApiClient(h.transport);
    await api.call('project.create', { path: path.join(t.dir, 'a.minsheng') });
    await runJob(api, () => api.call('demo.generate', { records: 3000, seed: 5 }));
  }, 180_000);
  afterAll(async () => { await h.close(); cleanup(); });

  it('saves settings in the project, keeps the defaults apart and refuses bad values', async () => {
    const defaults = await api.call('alerts.defaultConfig', {});
    expect(await api.call('alerts.config', {})).toEqual(defaults);
    const saved = await api.call('alerts.setConfig', { minCount: 7, detectors: ['regression'], terms: 0 });
    expect(saved).toMatchObject({ minCount: 7, detectors: ['regression'], terms: 0, pAlarm: defaults.pAlarm });
    expect(await api.call('alerts.config', {})).toEqual(saved);
    expect(await api.call('alerts.defaultConfig', {})).toEqual(defaults);
    await expect(api.call('alerts.setConfig', { detectors: [] })).rejects.toThrow();
    await expect(api.call('alerts.setConfig', { minCount: 0 })).rejects.toThrow();
    expect((await api.call('alerts.config', {})).minCount).toBe(7);
  });

  it('emerging hot spots: one Gi* class per area per period, with the periods and parameters', async () => {
    const r = await api.call('hotspots.emerging', { filter: {}, level: 'district', periodDays: 14, periods: 6 });
    expect(r.periods).toHaveLength(6);
    expect(r.areas.length).toBeGreaterThan(1);
    for (const a of r.areas) {
      expect(a.classes).toHaveLength(6);
      expect(a.hotPeriods).toBe(a.classes.filter((c) => c === 'hot').length);
      expect(a.classes.every((c) => c === 'hot' || c === 'cold' || c === 'ns')).toBe(true);
    }
    expect(r.params).toMatchObject({ level: 'district', periodDays: 14, periods: 6, permutations: 0 });
    const last = r.periods[5];
    expect(Date.parse(last.to) - Date.parse(last.from)).toBe(13 * 86_400_000);
  });

  it('runs the scan with chosen parameters as a job and reads the result back', async () => {
    await runJob(api, () => api.call('alerts.scan', { level: 'street', days: 7, studyDays: 90, replications: 49, alertP: 0.5 }));
    const r = (await api.call('alerts.lastScan', {}))!;
    expect(r.params).toMatchObject({ level: 'street', days: 7, studyDays: 90, replications: 49, alertP: 0.5 });
    expect(r.clusters.length).toBeGreaterThan(0);
    for (const c of r.clusters) expect(c.alertId != null).toBe(c.pValue <= 0.5);
    const stored = r.clusters.filter((c) => c.alertId != null);
    if (stored.length) {
      const d = await api.call('alerts.get', { id: stored[0].alertId! });
      expect(d.alert.detectors).toEqual(['scan']);
      expect(d.alert.areaLevel).toBe('street');
      expect(d.alert.area.join('/')).toBe(stored[0].centre);
    }
  }, 120_000);
});
