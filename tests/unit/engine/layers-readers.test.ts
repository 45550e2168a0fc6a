/**
 * Layer readers on files written here: shapefiles (GBK and UTF-8 DBF, with and without .cpg, zipped,
 * projected CGCS2000 with .prj), KML, GeoPackage, CSV with WKT or lon/lat, GeoJSON with BOM, and the
 * clear refusals (missing .dbf, unknown format).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { resolveCrs, transformToWgs84 } from '../../../shared/domain/geo/crs';
import { prepareFeatures } from '../../../shared/domain/geo/prepare';
import { toGpkgBlob } from '../../../shared/domain/geo/wkb';
import { writeGpkg } from '../../../electron/engine/db/repos/geo-gpkg';
import { readLayerFile } from '../../../electron/engine/services/layers/readers';
import { tmpDir } from '../../helpers/tmp';
import { writeZip } from './readers/zip-writer';
import { square, writeShapefile, type DbfField } from './layers-shp-writer';

const { dir, cleanup } = tmpDir('minsheng-layers-');
afterAll(cleanup);

const FIELDS: DbfField[] = [{ name: 'NAME', type: 'C', length: 40 }, { name: 'POP', type: 'N', length: 10 }];
const ROWS = [['银村社区', 5200], ['兰坊社区（东片）', 3100]];
const SHAPES = [{ type: 'polygon' as const, rings: [square(118.8, 32.0, 0.01)] }, { type: 'polygon' as const, rings: [square(118.82, 32.0, 0.01)] }];

const layerErr = async (p: Promise<unknown>): Promise<ApiError> => {
  try { await p; } catch (e) { return e as ApiError; }
  throw new Error('expected a refusal');
};

describe('shapefile', () => {
  it('reads GBK attributes by the .cpg, and by detection without one', async () => {
    writeShapefile(path.join(dir, 'gbk'), SHAPES, FIELDS, ROWS, { encoding: 'gbk', cpg: 'GBK' });
    const a = await readLayerFile(path.join(dir, 'gbk.shp'));
    expect(a.encoding).toEqual({ label: 'gb18030', from: 'cpg' });
    expect(a.features.map((f) => f.properties.NAME)).toEqual(['银村社区', '兰坊社区（东片）']);
    expect(a.features[0].properties.POP).toBe(5200);
    writeShapefile(path.join(dir, 'gbk-nocpg'), SHAPES, FIELDS, ROWS, { encoding: 'gbk' });
    const b = await readLayerFile(path.join(dir, 'gbk-nocpg.shp'));
    expect(b.encoding).toEqual({ label: 'gb18030', from: 'detected' });
    expect(b.features[1].properties.NAME).toBe('兰坊社区（东片）');
    writeShapefile(path.join(dir, 'utf8'), SHAPES, FIELDS, ROWS, { encoding: 'utf8' });
    const c = await readLayerFile(path.join(dir, 'utf8.shp'));
    expect(c.encoding?.label).toBe('utf-8');
    expect(c.features[0].properties.NAME).toBe('银村社区');
  });

  it('reads a zipped set in CGCS2000 3° Gauss-Krüger zone 39 (.prj) and reprojects it', async () => {
    // 117°E, 30°N: x = 39 500 000 m (zone 39, on the central meridian), y = the GRS80 meridian arc to 30° (k = 1),
    // 3 320 113.4 m by the series expansion (computed separately in Python)
    const x0 = 39_500_000; const y0 = 3_320_113.4;
    const prj = 'PROJCS["CGCS2000_3_Degree_GK_Zone_39",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",39500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    const files = writeShapefile(path.join(dir, 'gk'), [{ type: 'point', at: [x0, y0] }], FIELDS, [['测试点', 1]], { prj, cpg: 'UTF-8' });
    writeZip(path.join(dir, 'gk.zip'), Object.entries(files).map(([ext, data]) => ({ name: `data/gk.${ext}`, data })));
    const src = await readLayerFile(path.join(dir, 'gk.zip'));
    expect(src.crs?.code).toBe('EPSG:4527');
    const p = prepareFeatures(src.features, src.crs!, { kind: 'poi', nameField: 'NAME' });
    expect(p.loaded[0].centroid[0]).toBeCloseTo(117, 5);
    expect(p.loaded[0].centroid[1]).toBeCloseTo(30, 5);
    expect(p.loaded[0].name).toBe('测试点');
  });

  it('refuses a .shp without its .dbf, naming the missing file in both languages', async () => {
    writeShapefile(path.join(dir, 'nodbf'), SHAPES, FIELDS, ROWS, { skipDbf: true });
    const e = await layerErr(readLayerFile(path.join(dir, 'nodbf.shp')));
    expect(e.code).toBe('LAYER_UNREADABLE');
    expect(e.localized('zh-CN')).toContain('nodbf.dbf');
    expect(e.localized('en')).toContain('nodbf.dbf');
  });

  it('keeps a .prj it cannot read as unreadable instead of guessing', async () => {
    writeShapefile(path.join(dir, 'badprj'), SHAPES, FIELDS, ROWS, { prj: 'PROJCS["Local grid of the district office",UNKNOWN[' });
    const src = await readLayerFile(path.join(dir, 'badprj.shp'));
    expect(src.crs).toBeNull();
    expect(src.unreadableCrs).toContain('Local grid');
  });
});

describe('other formats', () => {
  it('KML: placemarks in folders, ExtendedData, MultiGeometry and holes', async () => {
    const kml = `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder><Placemark><name>王庄街道</name>
      <ExtendedData><Data name="code"><value>350111001</value></Data></ExtendedData>
      <Polygon><outerBoundaryIs><LinearRing><coordinates>119.30,26.07 119.32,26.07 119.32,26.09 119.30,26.09 119.30,26.07</coordinates></LinearRing></outerBoundaryIs>
      <innerBoundaryIs><LinearRing><coordinates>119.305,26.075 119.31,26.075 119.31,26.08 119.305,26.075</coordinates></LinearRing></innerBoundaryIs></Polygon></Placemark></Folder>
      <Placemark><name>两块</name><MultiGeometry><Polygon><outerBoundaryIs><LinearRing><coordinates>1,1 2,1 2,2 1,1</coordinates></LinearRing></outerBoundaryIs></Polygon>
      <Polygon><outerBoundaryIs><LinearRing><coordinates>3,3 4,3 4,4 3,3</coordinates></LinearRing></outerBoundaryIs></Polygon></MultiGeometry></Placemark></Document></kml>`;
    fs.writeFileSync(path.join(dir, 'a.kml'), kml);
    const src = await readLayerFile(path.join(dir, 'a.kml'));
    expect(src.crs?.code).toBe('wgs84');
    expect(src.features[0].properties).toMatchObject({ name: '王庄街道', code: '350111001' });
    const p = prepareFeatures(src.features, src.crs!, { kind: 'street', nameField: 'name', codeField: 'code' });
    expect(p.loaded).toHaveLength(2);
    expect(p.loaded[0].geometry).toMatchObject({ type: 'Polygon' });
    expect((p.loaded[0].geometry as { coordinates: unknown[] }).coordinates).toHaveLength(2);
    expect(p.loaded[1].geometry.type).toBe('MultiPolygon');
  });

  it('GeoPackage: a table written here reads back with attributes and its EPSG system', async () => {
    const file = path.join(dir, 'pois.gpkg');
    const pts = [[118.78, 32.04, '新街口', 12], [118.79, 32.05, '鼓楼', 7]] as const;
    writeGpkg(file, {
      table: 'pois', geometryType: 'POINT', bbox: [118.78, 32.04, 118.79, 32.05],
      columns: [{ name: 'name', type: 'TEXT' }, { name: 'rank', type: 'INTEGER' }],
      rows: pts.map(([x, y, n, r]) => ({ blob: toGpkgBlob({ type: 'Point', coordinates: [x, y] }, 4326, [x, y, x, y]), values: [n, r] })),
    }, new Date(0));
    const src = await readLayerFile(file);
    expect(src).toMatchObject({ format: 'gpkg', table: 'pois', crsSource: 'gpkg' });
    expect(src.crs?.code).toBe('wgs84');
    expect(src.features.map((f) => [f.properties.name, f.properties.rank, f.geometry])).toEqual([
      ['新街口', 12, { type: 'Point', coordinates: [118.78, 32.04] }], ['鼓楼', 7, { type: 'Point', coordinates: [118.79, 32.05] }]]);
  });

  it('CSV with a WKT column (SRID prefix) and CSV with 经度/纬度 columns', async () => {
    fs.writeFileSync(path.join(dir, 'roads.csv'), 'name,wkt\n中山路,"SRID=4490;LINESTRING (118.78 32.04, 118.79 32.06)"\n坏行,"LINESTRING (1 2,"\n');
    const a = await readLayerFile(path.join(dir, 'roads.csv'));
    expect(a.crs?.code).toBe('EPSG:4490');
    expect(a.features[0]).toMatchObject({ properties: { name: '中山路' }, geometry: { type: 'LineString' } });
    expect(a.features[1].geometry).toBeNull();
    fs.writeFileSync(path.join(dir, 'pois.csv'), '\uFEFF名称,经度,纬度\n夫子庙,118.788,32.020\n');
    const b = await readLayerFile(path.join(dir, 'pois.csv'));
    expect(b.features[0]).toEqual({ properties: { 名称: '夫子庙' }, geometry: { type: 'Point', coordinates: [118.788, 32.02] } });
  });

  it('GeoJSON with BOM, a top-level crs member and GeometryCollection features', async () => {
    const gj = { type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4490' } }, features: [
      { type: 'Feature', properties: { name: 'A' }, geometry: { type: 'GeometryCollection', geometries: [
        { type: 'Polygon', coordinates: [square(0, 0, 1)] }, { type: 'Polygon', coordinates: [square(2, 0, 1)] }, { type: 'Point', coordinates: [9, 9] }] } },
    ] };
    fs.writeFileSync(path.join(dir, 'gc.geojson'), `\uFEFF${JSON.stringify(gj)}`);
    const src = await readLayerFile(path.join(dir, 'gc.geojson'));
    expect(src.crs?.code).toBe('EPSG:4490');
    const p = prepareFeatures(src.features, src.crs!, { kind: 'community' });
    expect(p.loaded[0].geometry.type).toBe('MultiPolygon');
    expect(p.loaded[0].problems.map((x) => x.code)).toEqual(['parts_dropped']);
  });

  it('refuses unknown file types and non-GeoJSON JSON with LAYER_UNREADABLE', async () => {
    fs.writeFileSync(path.join(dir, 'a.docx'), 'x');
    expect((await layerErr(readLayerFile(path.join(dir, 'a.docx')))).code).toBe('LAYER_UNREADABLE');
    fs.writeFileSync(path.join(dir, 'b.json'), '[1,2,3]');
    expect((await layerErr(readLayerFile(path.join(dir, 'b.json')))).localized('en')).toMatch(/not GeoJSON/);
  });

  it('CGCS2000 3° zone numbers and central meridians agree with each other', () => {
    // zone 39 (EPSG:4527) and CM 117°E (EPSG:4548) differ only by the zone prefix of the false easting
    const a = transformToWgs84('EPSG:4527')(39_450_000, 3_500_000);
    const b = transformToWgs84('EPSG:4548')(450_000, 3_500_000);
    expect(a[0]).toBeCloseTo(b[0], 9);
    expect(a[1]).toBeCloseTo(b[1], 9);
    expect(resolveCrs('EPSG:4554')?.label).toContain('135E');
  });
});
