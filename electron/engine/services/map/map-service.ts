import type { Filter } from '../../../../shared/model/filter';
import type { MapLayer, MapStats } from '../../../../shared/api/areas/map';
import type { BinKind } from '../../../../shared/domain/spatial/bins';
import type { Bbox } from '../../../../shared/domain/spatial/mercator';
import { ApiError } from '../../../../shared/api/errors';
import type { MapDim } from '../../db/repos/map-repo';
import { columnsToArrowIPC } from './arrow-out';
import { binsInView, countByCategory, countByDim, densityInView, pointsInView } from './queries';
import type { MapState } from './state';

const POPULATION_KEYS = ['population', 'pop', 'residents', '人口', '常住人口', '户籍人口'];
const LAYER_DIM: Record<string, MapDim> = { district: 'district', street: 'street', community: 'community' };

function population(props: string | null): number | null {
  if (!props) return null;
  try {
    const p = JSON.parse(props) as Record<string, unknown>;
    for (const k of POPULATION_KEYS) { const v = Number(p[k]); if (p[k] !== undefined && p[k] !== null && Number.isFinite(v) && v > 0) return v; }
  } catch { /* not JSON: no population */ }
  return null;
}

const top = <K>(m: Map<K, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);

/** The map's use cases over the in-memory index; results as Arrow bytes or small JSON. */
export class MapService {
  constructor(private readonly state: MapState) {}

  async overview(filter: Filter): Promise<{ located: number; total: number; bbox: [number, number, number, number] | null; timeRange: { min: number | null; max: number | null }; layers: MapLayer[] }> {
    const { index, sel } = await this.state.select(filter);
    // Layers change only with the project's data: read once per data version, not at every filter change.
    const layers = this.state.once('layers', () => this.state.repo.layers().map((l) => ({
      ...l, hasPopulation: l.geometryType !== 'LineString' && this.state.repo.layerFeatures(l.id).slice(0, 50).some((f) => population(f.props) !== null),
    })));
    return { located: sel.length, total: index.n, bbox: index.bbox, timeRange: { min: index.tMin, max: index.tMax }, layers };
  }

  async bins(filter: Filter, view: Bbox, zoom: number, kind: BinKind, px: number): Promise<Uint8Array> {
    const { index, sel, memo } = await this.state.select(filter);
    const r = binsInView(index, sel, view, zoom, kind, px, memo);
    return columnsToArrowIPC({ x: r.x, y: r.y, lon: r.lon, lat: r.lat, count: r.count }, { kind, size: r.size, max: r.max, total: r.total });
  }

  async points(filter: Filter, view: Bbox, limit: number): Promise<Uint8Array> {
    const { index, sel } = await this.state.select(filter);
    const p = pointsInView(index, sel, view, limit);
    const n = p.rows.length;
    const id = new Int32Array(n); const lon = new Float64Array(n); const lat = new Float64Array(n); const cat1 = new Int32Array(n);
    const status: (string | null)[] = new Array(n);
    const st = index.dims.status;
    for (let k = 0; k < n; k++) {
      const i = p.rows[k];
      id[k] = index.id[i]; lon[k] = index.lon[i]; lat[k] = index.lat[i]; cat1[k] = index.cats[0][i];
      status[k] = st.dict[st.codes[i]];
    }
    return columnsToArrowIPC({ id, lon, lat, cat1, status }, { total: p.total, step: p.step });
  }

  async density(filter: Filter, view: Bbox, zoom: number, cellPx: number, bandwidthM?: number): Promise<Uint8Array> {
    const { index, sel } = await this.state.select(filter);
    const d = densityInView(index, sel, view, zoom, { cellPx, bandwidthM, maxCells: 250_000 });
    // Rows from the north-west (image order): the grid's row 0 is its northern edge already (world y grows south).
    return columnsToArrowIPC({ v: d.values }, { width: d.width, height: d.height, bounds: JSON.stringify(d.bounds), max: d.max, cellM: d.cellM, bandwidthM: d.bandwidthM, points: d.points, unit: 'per km²' });
  }

  async choropleth(filter: Filter, layerId: number): Promise<Uint8Array> {
    const kind = this.state.repo.layerKind(layerId);
    if (kind === null) throw new ApiError('BAD_INPUT', { detail: `layer ${layerId} does not exist` });
    const dim = LAYER_DIM[kind];
    if (!dim) throw new ApiError('BAD_INPUT', { detail: `layer ${layerId} (${kind}) is not a district, street or community layer` });
    const { index, sel } = await this.state.select(filter);
    const counts = countByDim(index, sel, dim);
    let prev: Map<string, number> | null = null;
    if (filter.from !== undefined && filter.to !== undefined) {
      const span = filter.to - filter.from;
      const p = await this.state.select({ ...filter, from: filter.from - span, to: filter.from });
      prev = countByDim(index, p.sel, dim);
    }
    const feats = this.state.repo.layerFeatures(layerId);
    const n = feats.length;
    const featureId = new Int32Array(n); const count = new Float64Array(n); const prevCol = new Float64Array(n); const pop = new Float64Array(n);
    feats.forEach((f, k) => {
      featureId[k] = f.id;
      count[k] = f.name ? counts.get(f.name) ?? 0 : 0;
      prevCol[k] = prev && f.name ? prev.get(f.name) ?? 0 : NaN;
      pop[k] = population(f.props) ?? NaN;
    });
    return columnsToArrowIPC({ featureId, code: feats.map((f) => f.code), name: feats.map((f) => f.name), count, prev: prevCol, population: pop },
      { kind, hasPrev: prev !== null, unmatched: [...counts.keys()].filter((k) => !feats.some((f) => f.name === k)).length });
  }

  features(layerId: number): Uint8Array {
    if (this.state.repo.layerKind(layerId) === null) throw new ApiError('BAD_INPUT', { detail: `layer ${layerId} does not exist` });
    const f = this.state.repo.layerFeatures(layerId);
    return columnsToArrowIPC({
      id: Int32Array.from(f, (r) => r.id), code: f.map((r) => r.code), name: f.map((r) => r.name),
      parentCode: f.map((r) => r.parentCode), geometry: f.map((r) => r.geometry),
    });
  }

  async records(filter: Filter, limit: number): Promise<Uint8Array> {
    const { index, sel } = await this.state.select(filter);
    const latest = Array.from(sel).sort((a, b) => index.t[b] - index.t[a]).slice(0, limit).map((i) => index.id[i]);
    const rows = this.state.repo.recordDetails(latest);
    const text = (k: string) => rows.map((r) => (r[k] === null || r[k] === undefined ? null : String(r[k])));
    return columnsToArrowIPC({
      id: Int32Array.from(rows, (r) => Number(r.id)), receivedAt: Float64Array.from(rows, (r) => Number(r.receivedAt)),
      externalId: text('externalId'), status: text('status'), category: text('category'), title: text('title'), content: text('content'),
      address: text('address'), community: text('community'), department: text('department'),
    }, { total: sel.length });
  }

  async stats(filter: Filter): Promise<MapStats> {
    const { index, sel } = await this.state.select(filter);
    const names = this.state.repo.categoryNames();
    let min = Infinity; let max = -Infinity;
    for (let k = 0; k < sel.length; k++) { const t = index.t[sel[k]]; if (t < min) min = t; if (t > max) max = t; }
    const named = (m: Map<string, number>, n: number) => top(m, n).map(([name, count]) => ({ name, count }));
    return {
      count: sel.length,
      categories: top(countByCategory(index, sel, 1), 10).map(([id, count]) => ({ id, name: names.get(id)?.name ?? '—', count })),
      statuses: named(countByDim(index, sel, 'status'), 10),
      districts: named(countByDim(index, sel, 'district'), 10),
      communities: named(countByDim(index, sel, 'community'), 10),
      timeRange: { min: sel.length ? min : null, max: sel.length ? max : null },
    };
  }
}
