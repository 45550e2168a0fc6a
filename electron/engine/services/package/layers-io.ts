/**
 * Layers in a package: one GeoJSON FeatureCollection per layer (WGS-84, RFC 7946), readable by any GIS.
 * Feature properties are the layer's own attributes; Minsheng's stored columns (code, name, centroid,
 * population, problems…) and the layer's description ride along as `minsheng` foreign members so a
 * receiving project restores the layer exactly.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { layerFeatures, layerMetas, type LayerFeature, type LayerMeta } from '../../db/repos/package-layers';

export interface WrittenLayer { file: string; name: string; kind: string; geometryType: string; features: number; synthetic: boolean }

const safeName = (s: string) => s.replace(/[^\w\u4e00-\u9fff-]+/gu, '_').slice(0, 60) || 'layer';

/** Writes every layer under `dir/layers/`, streaming features; returns the relative paths. */
export function writeLayers(db: Database.Database, dir: string, checkCancelled: () => void): WrittenLayer[] {
  const metas = layerMetas(db);
  if (metas.length === 0) return [];
  fs.mkdirSync(path.join(dir, 'layers'), { recursive: true });
  const out: WrittenLayer[] = [];
  for (const m of metas) {
    checkCancelled();
    const rel = `layers/${String(m.id).padStart(3, '0')}-${m.kind}-${safeName(m.name)}.geojson`;
    const { id: _id, ...layer } = m;
    const fd = fs.openSync(path.join(dir, rel), 'wx');
    let n = 0;
    try {
      fs.writeSync(fd, `{"type":"FeatureCollection","name":${JSON.stringify(m.name)},"minsheng":${JSON.stringify({ layer })},"features":[\n`);
      for (const f of layerFeatures(db, m.id)) {
        const { props, geometry, ...rest } = f;
        fs.writeSync(fd, `${n ? ',\n' : ''}${JSON.stringify({ type: 'Feature', properties: props ?? {}, geometry, minsheng: { ...rest, hadProps: props !== null } })}`);
        n++;
      }
      fs.writeSync(fd, '\n]}\n');
    } finally {
      fs.closeSync(fd);
    }
    out.push({ file: rel, name: m.name, kind: m.kind, geometryType: m.geometryType, features: n, synthetic: m.synthetic });
  }
  return out;
}

interface FileFeature { properties: Record<string, unknown>; geometry: unknown; minsheng?: Omit<LayerFeature, 'props' | 'geometry'> & { hadProps?: boolean } }

/** Reads a package layer file back into the stored form (a plain GeoJSON file works too: attributes only). */
export function readLayerFile(file: string): { layer: Omit<LayerMeta, 'id'> | null; features: LayerFeature[] } {
  const fc = JSON.parse(fs.readFileSync(file, 'utf8')) as { minsheng?: { layer?: Omit<LayerMeta, 'id'> }; features?: FileFeature[] };
  const features = (fc.features ?? []).map((f): LayerFeature => {
    const m = f.minsheng;
    return {
      code: m?.code ?? null, name: m?.name ?? null, parentCode: m?.parentCode ?? null,
      props: m && m.hadProps === false ? null : f.properties ?? {}, geometry: f.geometry,
      bbox: m?.bbox ?? [null, null, null, null], sourceIndex: m?.sourceIndex ?? null, problems: m?.problems ?? null,
      cx: m?.cx ?? null, cy: m?.cy ?? null, population: m?.population ?? null, households: m?.households ?? null,
    };
  });
  return { layer: fc.minsheng?.layer ?? null, features };
}
