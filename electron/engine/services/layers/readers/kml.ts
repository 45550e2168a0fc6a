/** KML 2.2 (always WGS-84): every Placemark at any depth, its name, description and ExtendedData. */
import { XMLParser } from 'fast-xml-parser';
import type { Geometry, Position, RawFeature } from '../../../../../shared/domain/geo/geometry';
import { layerError, type LayerSource } from './types';

type Node = Record<string, unknown>;
const ARRAYS = new Set(['Placemark', 'Data', 'SimpleData', 'Polygon', 'LineString', 'Point', 'MultiGeometry', 'innerBoundaryIs', 'LinearRing', 'Folder', 'Document']);

const asArray = (x: unknown): unknown[] => (x === undefined || x === null ? [] : Array.isArray(x) ? x : [x]);
const text = (x: unknown): string => (x === undefined || x === null ? '' : typeof x === 'object' ? String((x as Node)['#text'] ?? '') : String(x));

function coords(x: unknown): Position[] {
  return text(x).trim().split(/\s+/).filter(Boolean).map((t) => t.split(',').slice(0, 2).map(Number));
}

function ringsOf(poly: Node): Position[][] {
  const outer = asArray(poly.outerBoundaryIs).flatMap((b) => asArray((b as Node).LinearRing)).map((r) => coords((r as Node).coordinates));
  const inner = asArray(poly.innerBoundaryIs).flatMap((b) => asArray((b as Node).LinearRing)).map((r) => coords((r as Node).coordinates));
  return [...outer.slice(0, 1), ...inner];
}

function geometriesOf(n: Node): Geometry[] {
  const out: Geometry[] = [];
  for (const p of asArray(n.Point)) out.push({ type: 'Point', coordinates: coords((p as Node).coordinates)[0] ?? [] });
  for (const l of asArray(n.LineString)) out.push({ type: 'LineString', coordinates: coords((l as Node).coordinates) });
  for (const p of asArray(n.Polygon)) out.push({ type: 'Polygon', coordinates: ringsOf(p as Node) });
  for (const m of asArray(n.MultiGeometry)) out.push(...geometriesOf(m as Node));
  return out;
}

function propsOf(pm: Node): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  if (pm.name !== undefined) props.name = text(pm.name).trim();
  if (pm.description !== undefined) props.description = text(pm.description).trim();
  const ext = pm.ExtendedData as Node | undefined;
  if (ext) {
    for (const d of asArray(ext.Data)) props[String((d as Node)['@_name'])] = text((d as Node).value);
    for (const sd of asArray(ext.SchemaData)) for (const s of asArray((sd as Node).SimpleData)) props[String((s as Node)['@_name'])] = text(s);
  }
  return props;
}

function collect(n: unknown, out: Node[]): void {
  if (!n || typeof n !== 'object') return;
  if (Array.isArray(n)) { for (const x of n) collect(x, out); return; }
  for (const [k, v] of Object.entries(n as Node)) {
    if (k === 'Placemark') out.push(...(asArray(v) as Node[]));
    else if (typeof v === 'object') collect(v, out);
  }
}

export function readKml(file: string, bytes: Uint8Array): LayerSource {
  const xml = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  let doc: unknown;
  try {
    doc = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true, parseTagValue: false, isArray: (name) => ARRAYS.has(name) }).parse(xml);
  } catch (e) {
    throw layerError(file, `不是有效的 KML（${(e as Error).message}）`, `not valid KML (${(e as Error).message})`);
  }
  if (!doc || typeof doc !== 'object' || !('kml' in (doc as Node))) throw layerError(file, '不是 KML 文件（缺少 <kml> 根元素）', 'not a KML file (no <kml> root element)');
  const placemarks: Node[] = [];
  collect((doc as Node).kml, placemarks);
  const features: RawFeature[] = placemarks.map((pm) => {
    const gs = geometriesOf(pm);
    const geometry: Geometry | null = gs.length === 0 ? null : gs.length === 1 ? gs[0] : { type: 'GeometryCollection', geometries: gs };
    return { properties: propsOf(pm), geometry };
  });
  return { format: 'kml', features, crs: { code: 'wgs84', label: 'WGS 84', projected: false }, crsSource: 'kml' };
}
