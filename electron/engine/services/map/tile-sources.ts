import fs from 'node:fs';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { PMTiles, type Source } from 'pmtiles';
import { ApiError } from '../../../../shared/api/errors';

/** What a tile file says about itself. */
export interface TileFileInfo {
  format: 'mbtiles' | 'pmtiles';
  kind: 'raster' | 'vector';
  tileType: string;
  minzoom: number; maxzoom: number;
  bounds: [number, number, number, number] | null;
  vectorLayers: string[];
  name: string; attribution: string;
}

export interface TileSource {
  info(): Promise<TileFileInfo>;
  /** Tile bytes (vector tiles decompressed) or null when the archive has no such tile. */
  tile(z: number, x: number, y: number): Promise<Uint8Array | null>;
  close(): void;
}

const unreadable = (path: string, detail: string) => new ApiError('BASEMAP_UNREADABLE', { path, detail });
const isGzip = (b: Uint8Array) => b.length > 2 && b[0] === 0x1f && b[1] === 0x8b;

function vectorLayerNames(json: unknown): string[] {
  const layers = (json as { vector_layers?: { id?: unknown }[] } | null)?.vector_layers;
  return Array.isArray(layers) ? layers.map((l) => String(l.id ?? '')).filter(Boolean) : [];
}

/** MBTiles: an SQLite file (metadata + tiles in TMS row order), read-only. */
export function openMbtiles(path: string): TileSource {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    db.prepare('SELECT 1 FROM tiles LIMIT 1').get();
  } catch (e) {
    throw unreadable(path, e instanceof Error ? e.message : String(e));
  }
  const tileStmt = db.prepare('SELECT tile_data AS d FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?');
  return {
    async info() {
      const meta = new Map((db.prepare('SELECT name, value FROM metadata').all() as { name: string; value: string }[]).map((r) => [r.name, r.value]));
      const format = (meta.get('format') ?? 'png').toLowerCase();
      const b = (meta.get('bounds') ?? '').split(',').map(Number);
      let json: unknown = null;
      try { json = meta.has('json') ? JSON.parse(meta.get('json') as string) : null; } catch { /* ignore */ }
      const zooms = db.prepare('SELECT min(zoom_level) AS lo, max(zoom_level) AS hi FROM tiles').get() as { lo: number | null; hi: number | null };
      return {
        format: 'mbtiles', kind: format === 'pbf' || format === 'mvt' ? 'vector' : 'raster', tileType: format,
        minzoom: Number(meta.get('minzoom') ?? zooms.lo ?? 0), maxzoom: Number(meta.get('maxzoom') ?? zooms.hi ?? 18),
        bounds: b.length === 4 && b.every(Number.isFinite) ? [b[0], b[1], b[2], b[3]] : null,
        vectorLayers: vectorLayerNames(json), name: meta.get('name') ?? '', attribution: meta.get('attribution') ?? '',
      };
    },
    async tile(z, x, y) {
      const row = tileStmt.get(z, x, 2 ** z - 1 - y) as { d: Buffer } | undefined;
      if (!row) return null;
      const bytes = new Uint8Array(row.d);
      return isGzip(bytes) ? new Uint8Array(zlib.gunzipSync(bytes)) : bytes;
    },
    close() { db.close(); },
  };
}

/** A local file as a PMTiles byte-range source. */
class FileSource implements Source {
  private readonly fd: number;
  constructor(private readonly path: string) { this.fd = fs.openSync(path, 'r'); }
  getKey() { return this.path; }
  async getBytes(offset: number, length: number) {
    const buf = Buffer.alloc(length);
    const n = fs.readSync(this.fd, buf, 0, length, offset);
    return { data: buf.buffer.slice(buf.byteOffset, buf.byteOffset + n) as ArrayBuffer };
  }
  close() { fs.closeSync(this.fd); }
}

const nodeDecompress = async (buf: ArrayBuffer, compression: number): Promise<ArrayBuffer> => {
  const b = Buffer.from(buf);
  const out = compression === 2 ? zlib.gunzipSync(b) : compression === 3 ? zlib.brotliDecompressSync(b) : b;
  if (compression === 4) throw new Error('zstd-compressed PMTiles are not supported');
  return out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer;
};

const PMTILES_TYPES: Record<number, string> = { 1: 'pbf', 2: 'png', 3: 'jpg', 4: 'webp', 5: 'avif', 6: 'mlt' };

export function openPmtiles(path: string): TileSource {
  let src: FileSource;
  try { src = new FileSource(path); } catch (e) { throw unreadable(path, e instanceof Error ? e.message : String(e)); }
  const p = new PMTiles(src, undefined, nodeDecompress);
  return {
    async info() {
      try {
        const h = await p.getHeader();
        const meta = await p.getMetadata().catch(() => null);
        const m = (meta ?? {}) as { name?: string; attribution?: string };
        return {
          format: 'pmtiles', kind: h.tileType === 1 ? 'vector' : 'raster', tileType: PMTILES_TYPES[h.tileType] ?? 'unknown',
          minzoom: h.minZoom, maxzoom: h.maxZoom, bounds: [h.minLon, h.minLat, h.maxLon, h.maxLat],
          vectorLayers: vectorLayerNames(meta), name: m.name ?? '', attribution: m.attribution ?? '',
        };
      } catch (e) {
        throw unreadable(path, e instanceof Error ? e.message : String(e));
      }
    },
    async tile(z, x, y) {
      const r = await p.getZxy(z, x, y);
      return r ? new Uint8Array(r.data) : null;
    },
    close() { src.close(); },
  };
}

export function openTileFile(path: string): TileSource {
  if (!fs.existsSync(path)) throw new ApiError('FILE_NOT_FOUND', { path });
  const head = Buffer.alloc(16);
  const fd = fs.openSync(path, 'r');
  try { fs.readSync(fd, head, 0, 16, 0); } finally { fs.closeSync(fd); }
  if (head.subarray(0, 7).toString('latin1') === 'PMTiles') return openPmtiles(path);
  if (head.toString('latin1').startsWith('SQLite format 3')) return openMbtiles(path);
  throw unreadable(path, 'neither an MBTiles (SQLite) nor a PMTiles file');
}
