/**
 * Well-known text geometries (as CSV exports from QGIS, PostGIS and ArcGIS carry them):
 * POINT, LINESTRING, POLYGON, their MULTI forms and GEOMETRYCOLLECTION, with Z/M/ZM tolerated
 * (extra ordinates dropped), EMPTY, and an optional "SRID=4490;" prefix (returned).
 */
import type { Geometry, Position } from './geometry';

export class WktError extends Error {}

class Tokens {
  private i = 0;
  constructor(private readonly s: string) {}
  private skip(): void { while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++; }
  peek(): string { this.skip(); return this.s[this.i] ?? ''; }
  word(): string {
    this.skip();
    const m = /^[A-Za-z]+/.exec(this.s.slice(this.i));
    if (!m) throw new WktError(`expected a word at ${this.i}`);
    this.i += m[0].length;
    return m[0].toUpperCase();
  }
  expect(c: string): void {
    if (this.peek() !== c) throw new WktError(`expected "${c}" at ${this.i}`);
    this.i++;
  }
  eat(c: string): boolean { if (this.peek() === c) { this.i++; return true; } return false; }
  number(): number {
    this.skip();
    const m = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/.exec(this.s.slice(this.i));
    if (!m) throw new WktError(`expected a number at ${this.i}`);
    this.i += m[0].length;
    return Number(m[0]);
  }
  done(): boolean { this.skip(); return this.i >= this.s.length; }
}

function parseBody(t: Tokens, type: string): Geometry {
  // dimension markers and EMPTY
  let next = /[A-Za-z]/.test(t.peek()) ? t.word() : '';
  if (next === 'Z' || next === 'M' || next === 'ZM') next = /[A-Za-z]/.test(t.peek()) ? t.word() : '';
  const empty = next === 'EMPTY';
  const pos = (): Position => {
    const x = t.number(); const y = t.number();
    while (/[-+\d.]/.test(t.peek())) t.number();
    return [x, y];
  };
  const list = <T>(item: () => T): T[] => {
    t.expect('(');
    const out = [item()];
    while (t.eat(',')) out.push(item());
    t.expect(')');
    return out;
  };
  const pointItem = (): Position => (t.peek() === '(' ? list(pos)[0] : pos());
  switch (type) {
    case 'POINT': return empty ? { type: 'MultiPoint', coordinates: [] } : { type: 'Point', coordinates: list(pos)[0] };
    case 'LINESTRING': return { type: 'LineString', coordinates: empty ? [] : list(pos) };
    case 'POLYGON': return { type: 'Polygon', coordinates: empty ? [] : list(() => list(pos)) };
    case 'MULTIPOINT': return { type: 'MultiPoint', coordinates: empty ? [] : list(pointItem) };
    case 'MULTILINESTRING': return { type: 'MultiLineString', coordinates: empty ? [] : list(() => list(pos)) };
    case 'MULTIPOLYGON': return { type: 'MultiPolygon', coordinates: empty ? [] : list(() => list(() => list(pos))) };
    case 'GEOMETRYCOLLECTION': return { type: 'GeometryCollection', geometries: empty ? [] : list(() => parseBody(t, t.word())) };
    default: throw new WktError(`unknown geometry type ${type}`);
  }
}

/** Parses one WKT geometry; throws WktError with the position of the first problem. */
export function parseWkt(text: string): { geometry: Geometry; srid: number | null } {
  let s = text.trim();
  let srid: number | null = null;
  const m = /^SRID=(\d+);/i.exec(s);
  if (m) { srid = Number(m[1]); s = s.slice(m[0].length); }
  const t = new Tokens(s);
  const geometry = parseBody(t, t.word());
  if (!t.done()) throw new WktError('unexpected text after the geometry');
  return { geometry, srid };
}

/** Whether a cell looks like WKT (used to find the geometry column of a CSV). */
export function looksLikeWkt(s: string): boolean {
  return /^\s*(SRID=\d+;)?\s*(POINT|LINESTRING|POLYGON|MULTIPOINT|MULTILINESTRING|MULTIPOLYGON|GEOMETRYCOLLECTION)\s*(Z|M|ZM)?\s*(\(|EMPTY)/i.test(s);
}
