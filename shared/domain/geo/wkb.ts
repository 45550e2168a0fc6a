/**
 * Well-known binary (ISO/OGC, with EWKB and ISO Z/M flags tolerated: extra ordinates are read and
 * dropped) and the GeoPackage geometry blob around it. Pure: bytes in, GeoJSON geometry out, and back.
 */
import type { Geometry, Position } from './geometry';

class Reader {
  private pos = 0;
  private little = true;
  constructor(private readonly view: DataView) {}
  at(p: number): this { this.pos = p; return this; }
  byteOrder(): void { this.little = this.view.getUint8(this.pos++) === 1; }
  u32(): number { const v = this.view.getUint32(this.pos, this.little); this.pos += 4; return v; }
  f64(): number { const v = this.view.getFloat64(this.pos, this.little); this.pos += 8; return v; }
  get offset(): number { return this.pos; }
}

function readGeometry(r: Reader): Geometry {
  r.byteOrder();
  let t = r.u32();
  let dims = 2;
  // EWKB flags (0x80000000 Z, 0x40000000 M, 0x20000000 SRID)
  if (t & 0x80000000) dims++;
  if (t & 0x40000000) dims++;
  if (t & 0x20000000) r.u32();
  t &= 0x0fffffff;
  // ISO: 1000s = Z, 2000s = M, 3000s = ZM
  if (t >= 3000) { dims = 4; t -= 3000; } else if (t >= 2000) { dims = 3; t -= 2000; } else if (t >= 1000) { dims = 3; t -= 1000; }
  const pt = (): Position => { const x = r.f64(); const y = r.f64(); for (let k = 2; k < dims; k++) r.f64(); return [x, y]; };
  const line = (): Position[] => { const n = r.u32(); const out: Position[] = []; for (let i = 0; i < n; i++) out.push(pt()); return out; };
  const poly = (): Position[][] => { const n = r.u32(); const out: Position[][] = []; for (let i = 0; i < n; i++) out.push(line()); return out; };
  const many = <T>(read: () => T): T[] => { const n = r.u32(); const out: T[] = []; for (let i = 0; i < n; i++) { r.byteOrder(); r.u32(); out.push(read()); } return out; };
  switch (t) {
    case 1: { const p = pt(); return Number.isNaN(p[0]) ? { type: 'MultiPoint', coordinates: [] } : { type: 'Point', coordinates: p }; }
    case 2: return { type: 'LineString', coordinates: line() };
    case 3: return { type: 'Polygon', coordinates: poly() };
    case 4: return { type: 'MultiPoint', coordinates: many(pt) };
    case 5: return { type: 'MultiLineString', coordinates: many(line) };
    case 6: return { type: 'MultiPolygon', coordinates: many(poly) };
    case 7: { const n = r.u32(); const gs: Geometry[] = []; for (let i = 0; i < n; i++) gs.push(readGeometry(r)); return { type: 'GeometryCollection', geometries: gs }; }
    default: throw new Error(`unsupported WKB geometry type ${t}`);
  }
}

/** Parses WKB bytes into a GeoJSON geometry. */
export function parseWkb(bytes: Uint8Array, offset = 0): Geometry {
  return readGeometry(new Reader(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)).at(offset));
}

/**
 * Parses a GeoPackage geometry blob: "GP", version, flags (byte order, envelope kind, empty), srs id,
 * optional envelope, then WKB. Returns null for an empty geometry.
 */
export function parseGpkgBlob(bytes: Uint8Array): { srsId: number; geometry: Geometry | null } {
  if (bytes.length < 8 || bytes[0] !== 0x47 || bytes[1] !== 0x50) throw new Error('not a GeoPackage geometry blob');
  const flags = bytes[3];
  const little = (flags & 1) === 1;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const srsId = view.getInt32(4, little);
  const env = (flags >> 1) & 7;
  const envBytes = [0, 32, 48, 48, 64][env] ?? 0;
  if ((flags >> 4) & 1) return { srsId, geometry: null };
  return { srsId, geometry: parseWkb(bytes, 8 + envBytes) };
}

class Writer {
  private buf = new ArrayBuffer(256);
  private view = new DataView(this.buf);
  private pos = 0;
  private ensure(n: number): void {
    if (this.pos + n <= this.buf.byteLength) return;
    const next = new ArrayBuffer(Math.max(this.buf.byteLength * 2, this.pos + n));
    new Uint8Array(next).set(new Uint8Array(this.buf, 0, this.pos));
    this.buf = next; this.view = new DataView(next);
  }
  u8(v: number): void { this.ensure(1); this.view.setUint8(this.pos++, v); }
  u32(v: number): void { this.ensure(4); this.view.setUint32(this.pos, v, true); this.pos += 4; }
  i32(v: number): void { this.ensure(4); this.view.setInt32(this.pos, v, true); this.pos += 4; }
  f64(v: number): void { this.ensure(8); this.view.setFloat64(this.pos, v, true); this.pos += 8; }
  bytes(): Uint8Array { return new Uint8Array(this.buf.slice(0, this.pos)); }
}

function writeGeometry(w: Writer, g: Geometry): void {
  w.u8(1);
  const pt = (p: Position) => { w.f64(p[0]); w.f64(p[1]); };
  const line = (l: Position[]) => { w.u32(l.length); l.forEach(pt); };
  const poly = (p: Position[][]) => { w.u32(p.length); p.forEach(line); };
  switch (g.type) {
    case 'Point': w.u32(1); pt(g.coordinates); break;
    case 'LineString': w.u32(2); line(g.coordinates); break;
    case 'Polygon': w.u32(3); poly(g.coordinates); break;
    case 'MultiPoint': w.u32(4); w.u32(g.coordinates.length); for (const p of g.coordinates) { w.u8(1); w.u32(1); pt(p); } break;
    case 'MultiLineString': w.u32(5); w.u32(g.coordinates.length); for (const l of g.coordinates) { w.u8(1); w.u32(2); line(l); } break;
    case 'MultiPolygon': w.u32(6); w.u32(g.coordinates.length); for (const p of g.coordinates) { w.u8(1); w.u32(3); poly(p); } break;
    case 'GeometryCollection': w.u32(7); w.u32(g.geometries.length); for (const x of g.geometries) writeGeometry(w, x); break;
  }
}

export function toWkb(g: Geometry): Uint8Array {
  const w = new Writer();
  writeGeometry(w, g);
  return w.bytes();
}

/** A GeoPackage blob (little-endian, with an XY envelope) around the geometry's WKB. */
export function toGpkgBlob(g: Geometry, srsId: number, bbox: readonly [number, number, number, number]): Uint8Array {
  const w = new Writer();
  w.u8(0x47); w.u8(0x50); w.u8(0); w.u8(0b0000_0011); // version 0; envelope [minx,maxx,miny,maxy]; little-endian
  w.i32(srsId);
  w.f64(bbox[0]); w.f64(bbox[2]); w.f64(bbox[1]); w.f64(bbox[3]);
  const head = w.bytes();
  const body = toWkb(g);
  const out = new Uint8Array(head.length + body.length);
  out.set(head); out.set(body, head.length);
  return out;
}
