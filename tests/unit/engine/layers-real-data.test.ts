/**
 * Real boundary files through the layer readers and preparation the import uses (../shared/data,
 * skipped when absent; the MIT-licensed Fuzhou 台江 streets are also a fixture):
 * converting the DataV districts from GCJ-02 moves the 鼓楼区 and 台江区 centroids towards the
 * centroids of the union of their streets (digitised independently in WGS-84) by ≥ 300 m each.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { areaM2, centroid, distanceM } from '../../../shared/domain/geo/measure';
import { prepareFeatures } from '../../../shared/domain/geo/prepare';
import { resolveCrs } from '../../../shared/domain/geo/crs';
import { readLayerFile } from '../../../electron/engine/services/layers/readers';

const DATA = path.resolve(__dirname, '../../../../shared/data');
const present = fs.existsSync(DATA);
if (!present) console.warn(`SKIP layers-real-data (DataV part): ${DATA} is absent`);
const FIXTURE = path.resolve(__dirname, '../../fixtures/geo/fuzhou-taijiang-streets.geojson');

/** Area-weighted centroid of a set of polygons (their union, as they do not overlap). */
function unionCentroid(gs: ReturnType<typeof prepareFeatures>['loaded']): [number, number] {
  let a = 0; let x = 0; let y = 0;
  for (const f of gs) { const w = areaM2(f.geometry); const c = centroid(f.geometry)!; a += w; x += w * c[0]; y += w * c[1]; }
  return [x / a, y / a];
}

describe('Fuzhou street fixture (MIT)', () => {
  it('loads all 10 台江 streets as polygons in WGS-84 with their names', async () => {
    const src = await readLayerFile(FIXTURE);
    const p = prepareFeatures(src.features, resolveCrs('wgs84')!, { kind: 'street', nameField: 'name' });
    expect(p.loaded).toHaveLength(10);
    expect(p.loaded.map((f) => f.name)).toContain('鳌峰街道');
    for (const f of p.loaded) expect(f.bbox[0]).toBeGreaterThan(119.2);
  });
});

describe.skipIf(!present)('DataV GCJ-02 districts against WGS-84 streets', () => {
  it('GCJ-02 → WGS-84 brings 鼓楼区 and 台江区 centroids ≥ 300 m closer to their streets\' union centroid', async () => {
    const datav = await readLayerFile(path.join(DATA, 'china-admin-datav/350100_full.json'));
    const asGcj = prepareFeatures(datav.features, resolveCrs('gcj02')!, { kind: 'district', nameField: 'name' }).loaded;
    const asIs = prepareFeatures(datav.features, resolveCrs('wgs84')!, { kind: 'district', nameField: 'name' }).loaded;
    for (const [district, file] of [['鼓楼区', 'gulou'], ['台江区', 'taijiang']]) {
      const streets = await readLayerFile(path.join(DATA, `fuzhou-street-boundaries/${file}.geojson`));
      const u = unionCentroid(prepareFeatures(streets.features, resolveCrs('wgs84')!, { kind: 'street' }).loaded);
      const before = asIs.find((f) => f.name === district)!.centroid;
      const after = asGcj.find((f) => f.name === district)!.centroid;
      const dBefore = distanceM(before[0], before[1], u[0], u[1]);
      const dAfter = distanceM(after[0], after[1], u[0], u[1]);
      console.log(`${district}: ${dBefore.toFixed(0)} m → ${dAfter.toFixed(0)} m`);
      expect(dBefore - dAfter).toBeGreaterThanOrEqual(300);
    }
  });

  it('the province file starts with a BOM and still loads', async () => {
    const file = path.join(DATA, 'china-admin-datav/100000_full.json');
    expect([...fs.readFileSync(file).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const src = await readLayerFile(file);
    expect(src.features.length).toBeGreaterThan(30);
  });
});
