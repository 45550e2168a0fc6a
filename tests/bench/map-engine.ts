/**
 * Engine half of bench:map: the map's handlers timed directly on an existing project (no HTTP, no
 * renderer), so the engine's share of "filter change → map idle" is visible on its own.
 */
import Database from 'better-sqlite3';
import type { Filter } from '../../shared/model/filter';
import type { Bbox } from '../../shared/domain/spatial/mercator';
import { MapService } from '../../electron/engine/services/map/map-service';
import { MapState } from '../../electron/engine/services/map/state';

export interface EngineRow { name: string; ms: number[]; cpu?: number[]; target?: number }

/** The zoom at which `bbox` fills a `w`×`h` px viewport (MapLibre's 512-px tiles), and the view it shows. */
export function fitView(b: Bbox, w: number, h: number): { view: Bbox; zoom: number } {
  const x = (lon: number) => (lon + 180) / 360;
  const y = (lat: number) => 0.5 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI);
  const zoom = Math.min(Math.log2(w / 512 / (x(b[2]) - x(b[0]))), Math.log2(h / 512 / (y(b[1]) - y(b[3]))));
  return { view: b, zoom };
}

/** Wall-clock and CPU milliseconds of each run (CPU time shows the work when other processes share the cores). */
async function time(fn: () => Promise<unknown> | unknown, runs: number): Promise<{ ms: number[]; cpu: number[] }> {
  const ms: number[] = []; const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage(); const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
    const c = process.cpuUsage(c0); cpu.push((c.user + c.system) / 1000);
  }
  return { ms, cpu };
}

const median = (a: number[]) => [...a].sort((p, q) => p - q)[Math.floor(a.length / 2)];

export async function engineTimings(projectPath: string): Promise<EngineRow[]> {
  const db = new Database(projectPath, { readonly: true });
  try {
    const state = new MapState(db);
    const svc = new MapService(state);
    const rows: EngineRow[] = [];
    const t0 = performance.now();
    const ov = await svc.overview({});
    rows.push({ name: `index load + overview (${ov.located.toLocaleString('en')} located)`, ms: [performance.now() - t0] });
    if (!ov.bbox) throw new Error('project has no located records');
    const { view, zoom } = fitView(ov.bbox, 1100, 760);
    const districts = (await svc.stats({})).districts.map((d) => d.name);
    const cats = (await svc.stats({})).categories.map((c) => c.id);
    const span = (ov.timeRange.max ?? 0) - (ov.timeRange.min ?? 0);
    // Distinct filters so that no selection is cached from an earlier run.
    const filters: Filter[] = [
      { districts: [districts[0]] }, { districts: [districts[1]] }, { categories: [cats[0]] }, { categories: [cats[1]] },
      { from: ov.timeRange.min! + span / 2, to: ov.timeRange.max! }, { from: ov.timeRange.min!, to: ov.timeRange.min! + span / 4 },
      { districts: [districts[2]], categories: [cats[2]] },
    ];
    rows.push({ name: 'heatmap bins, unfiltered (1st run bins, then cut)', ...await time(() => svc.bins({}, view, zoom, 'square', 10), 5), target: 500 });
    rows.push({ name: 'hex bins 28 px, unfiltered', ...await time(() => svc.bins({}, view, zoom, 'hex', 28), 5), target: 500 });
    let k = 0;
    rows.push({ name: 'filter change → heatmap bins (new filter each run)', ...await time(() => svc.bins(filters[k++ % filters.length], view, zoom, 'square', 10), filters.length), target: 500 });
    rows.push({ name: 'density, unfiltered', ...await time(() => svc.density({}, view, zoom, 4), 3), target: 500 });
    const more: Filter[] = [{ districts: [districts[3]] }, { categories: [cats[3]] }, { districts: [districts[4]] }];
    k = 0;
    rows.push({ name: 'filter change → density', ...await time(() => svc.density(more[k++], view, zoom, 4), more.length), target: 500 });
    const zoomed = fitView([view[0] + (view[2] - view[0]) * 0.4, view[1] + (view[3] - view[1]) * 0.4, view[0] + (view[2] - view[0]) * 0.6, view[1] + (view[3] - view[1]) * 0.6], 1100, 760);
    const dx = (view[2] - view[0]) * 0.3;
    let p = 0;
    rows.push({ name: 'heatmap bins, panned at the same zoom level', ...await time(() => { p++; return svc.bins({}, [view[0] + p * dx / 5, view[1], view[2] + p * dx / 5, view[3]], zoom, 'square', 10); }, 5), target: 500 });
    rows.push({ name: 'hex bins, zoomed in ×5 (pan/zoom)', ...await time(() => svc.bins({}, zoomed.view, zoomed.zoom, 'hex', 28), 5), target: 500 });
    const community = ov.layers.find((l) => l.kind === 'community');
    if (community) rows.push({ name: 'community choropleth', ...await time(() => svc.choropleth({}, community.id), 3), target: 500 });
    rows.push({ name: 'stats (popup) of a district', ...await time(() => svc.stats({ districts: [districts[0]] }), 3) });
    return rows;
  } finally {
    db.close();
  }
}

export function printEngine(rows: EngineRow[]): void {
  console.log('\nEngine (in-process, no HTTP)');
  for (const r of rows) {
    const m = median(r.ms);
    const cpu = r.cpu ? `  cpu ${median(r.cpu).toFixed(1).padStart(7)} ms` : '';
    const verdict = r.target === undefined ? '' : m <= r.target ? `PASS (< ${r.target} ms)` : `FAIL (> ${r.target} ms)`;
    console.log(`  ${r.name.padEnd(58)} median ${m.toFixed(1).padStart(7)} ms${cpu}  [${r.ms.map((v) => v.toFixed(0)).join(', ')}]  ${verdict}`);
  }
}
