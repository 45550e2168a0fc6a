/**
 * A minimal ESRI shapefile writer for tests (.shp, .shx, .dbf; polygons, polylines, points, null
 * shapes), with DBF text in any encoding iconv-lite knows (GBK for Chinese GIS exports).
 */
import fs from 'node:fs';
import iconv from 'iconv-lite';

type Pt = [number, number];
export type ShpShape = { type: 'polygon'; rings: Pt[][] } | { type: 'line'; parts: Pt[][] } | { type: 'point'; at: Pt } | null;

function bboxOf(points: Pt[]): [number, number, number, number] {
  const xs = points.map((p) => p[0]); const ys = points.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function content(s: ShpShape): Buffer {
  if (!s) { const b = Buffer.alloc(4); b.writeInt32LE(0, 0); return b; }
  if (s.type === 'point') { const b = Buffer.alloc(20); b.writeInt32LE(1, 0); b.writeDoubleLE(s.at[0], 4); b.writeDoubleLE(s.at[1], 12); return b; }
  const parts = s.type === 'polygon' ? s.rings : s.parts;
  const pts = parts.flat();
  const b = Buffer.alloc(44 + 4 * parts.length + 16 * pts.length);
  b.writeInt32LE(s.type === 'polygon' ? 5 : 3, 0);
  const bb = bboxOf(pts);
  bb.forEach((v, i) => b.writeDoubleLE(v, 4 + 8 * i));
  b.writeInt32LE(parts.length, 36); b.writeInt32LE(pts.length, 40);
  let start = 0;
  parts.forEach((p, i) => { b.writeInt32LE(start, 44 + 4 * i); start += p.length; });
  pts.forEach((p, i) => { b.writeDoubleLE(p[0], 44 + 4 * parts.length + 16 * i); b.writeDoubleLE(p[1], 52 + 4 * parts.length + 16 * i); });
  return b;
}

function header(shapeType: number, lengthBytes: number, bb: [number, number, number, number]): Buffer {
  const h = Buffer.alloc(100);
  h.writeInt32BE(9994, 0); h.writeInt32BE(lengthBytes / 2, 24); h.writeInt32LE(1000, 28); h.writeInt32LE(shapeType, 32);
  bb.forEach((v, i) => h.writeDoubleLE(v, 36 + 8 * i));
  return h;
}

export interface DbfField { name: string; type: 'C' | 'N'; length: number }

export function dbfBytes(fields: DbfField[], rows: (string | number | null)[][], encoding: string): Buffer {
  const recLen = 1 + fields.reduce((s, f) => s + f.length, 0);
  const headLen = 32 + 32 * fields.length + 1;
  const out = Buffer.alloc(headLen + recLen * rows.length + 1, 0x20);
  out.fill(0, 0, headLen);
  out[0] = 0x03; out[1] = 124; out[2] = 1; out[3] = 1;
  out.writeUInt32LE(rows.length, 4); out.writeUInt16LE(headLen, 8); out.writeUInt16LE(recLen, 10);
  fields.forEach((f, i) => {
    const at = 32 + 32 * i;
    out.write(f.name, at, 10, 'latin1');
    out[at + 11] = f.type.charCodeAt(0); out[at + 16] = f.length; out[at + 17] = 0;
  });
  out[headLen - 1] = 0x0d;
  rows.forEach((r, k) => {
    let at = headLen + k * recLen;
    out[at++] = 0x20;
    fields.forEach((f, i) => {
      const v = r[i];
      const bytes = v === null ? Buffer.alloc(0) : iconv.encode(String(v), encoding);
      const cell = Buffer.alloc(f.length, 0x20);
      if (f.type === 'N') bytes.copy(cell, Math.max(0, f.length - bytes.length)); else bytes.copy(cell, 0, 0, f.length);
      cell.copy(out, at);
      at += f.length;
    });
  });
  out[out.length - 1] = 0x1a;
  return out;
}

/** Writes base.shp/.shx/.dbf (and .prj / .cpg when given); returns the file contents too. */
export function writeShapefile(base: string, shapes: ShpShape[], fields: DbfField[], rows: (string | number | null)[][],
  opts: { encoding?: string; prj?: string; cpg?: string; skipDbf?: boolean } = {}): Record<string, Buffer> {
  const shapeType = shapes.find((s) => s)?.type === 'point' ? 1 : shapes.find((s) => s)?.type === 'line' ? 3 : 5;
  const all = shapes.flatMap((s) => (!s ? [] : s.type === 'point' ? [s.at] : s.type === 'polygon' ? s.rings.flat() : s.parts.flat()));
  const bb = all.length ? bboxOf(all) : [0, 0, 0, 0] as [number, number, number, number];
  const recs: Buffer[] = []; const index: Buffer[] = [];
  let offset = 100;
  shapes.forEach((s, i) => {
    const c = content(s);
    const rh = Buffer.alloc(8); rh.writeInt32BE(i + 1, 0); rh.writeInt32BE(c.length / 2, 4);
    recs.push(rh, c);
    const ix = Buffer.alloc(8); ix.writeInt32BE(offset / 2, 0); ix.writeInt32BE(c.length / 2, 4);
    index.push(ix);
    offset += 8 + c.length;
  });
  const files: Record<string, Buffer> = {
    shp: Buffer.concat([header(shapeType, offset, bb), ...recs]),
    shx: Buffer.concat([header(shapeType, 100 + 8 * shapes.length, bb), ...index]),
  };
  if (!opts.skipDbf) files.dbf = dbfBytes(fields, rows, opts.encoding ?? 'utf8');
  if (opts.prj !== undefined) files.prj = Buffer.from(opts.prj, 'utf8');
  if (opts.cpg !== undefined) files.cpg = Buffer.from(opts.cpg, 'utf8');
  for (const [ext, b] of Object.entries(files)) fs.writeFileSync(`${base}.${ext}`, b);
  return files;
}

/** A clockwise square ring (shapefile outer ring orientation) of side d at (x, y). */
export function square(x: number, y: number, d: number): Pt[] {
  return [[x, y], [x, y + d], [x + d, y + d], [x + d, y], [x, y]];
}
