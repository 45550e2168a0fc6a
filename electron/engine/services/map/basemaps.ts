import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Basemap } from '../../../../shared/api/areas/map';
import { ApiError } from '../../../../shared/api/errors';
import { openTileFile, type TileSource } from './tile-sources';

/**
 * The user's basemaps from disk (MBTiles / PMTiles), per user in <dataDir>/basemaps.json: the
 * files stay where they are; each entry remembers its coordinate system (WGS-84 or GCJ-02).
 */
export class BasemapRegistry {
  private readonly file: string;
  private readonly open = new Map<string, TileSource>();
  constructor(dataDir: string) { this.file = path.join(dataDir, 'basemaps.json'); }

  list(): Basemap[] {
    try {
      const parsed = JSON.parse(fs.readFileSync(this.file, 'utf8')) as unknown;
      return Array.isArray(parsed) ? (parsed as Basemap[]).filter((b) => typeof b?.id === 'string' && typeof b.path === 'string') : [];
    } catch {
      return [];
    }
  }

  private save(list: Basemap[]): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(list, null, 2));
    fs.renameSync(tmp, this.file);
  }

  async add(file: string, crs: Basemap['crs'], name?: string): Promise<Basemap> {
    const abs = path.resolve(file);
    const src = openTileFile(abs);
    const info = await src.info().finally(() => src.close());
    const list = this.list();
    const existing = list.find((b) => b.path === abs);
    const entry: Basemap = {
      ...info,
      id: existing?.id ?? crypto.createHash('sha256').update(abs).digest('hex').slice(0, 12),
      name: name ?? (info.name || path.basename(abs)), path: abs, crs,
    };
    this.closeSource(entry.id);
    this.save([...list.filter((b) => b.id !== entry.id), entry]);
    return entry;
  }

  update(id: string, patch: { crs?: Basemap['crs']; name?: string }): Basemap {
    const list = this.list();
    const b = list.find((x) => x.id === id);
    if (!b) throw new ApiError('BAD_INPUT', { detail: `basemap ${id} is not registered` });
    const next = { ...b, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as Basemap;
    this.save(list.map((x) => (x.id === id ? next : x)));
    return next;
  }

  remove(id: string): boolean {
    const list = this.list();
    this.closeSource(id);
    if (!list.some((b) => b.id === id)) return false;
    this.save(list.filter((b) => b.id !== id));
    return true;
  }

  async tile(id: string, z: number, x: number, y: number): Promise<Uint8Array> {
    let src = this.open.get(id);
    if (!src) {
      const b = this.list().find((e) => e.id === id);
      if (!b) throw new ApiError('BAD_INPUT', { detail: `basemap ${id} is not registered` });
      src = openTileFile(b.path);
      this.open.set(id, src);
    }
    return (await src.tile(z, x, y)) ?? new Uint8Array(0);
  }

  private closeSource(id: string): void {
    this.open.get(id)?.close();
    this.open.delete(id);
  }
}

const registries = new Map<string, BasemapRegistry>();
export function basemapRegistry(dataDir: string): BasemapRegistry {
  let r = registries.get(dataDir);
  if (!r) { r = new BasemapRegistry(dataDir); registries.set(dataDir, r); }
  return r;
}
