import { z } from 'zod';
import { FilterSchema } from '../../model/filter';
import { Empty, Path, arrow, json } from '../define';

const Lon = z.number().min(-180).max(180);
const Lat = z.number().min(-90).max(90);
/** The map view: [west, south, east, north] in WGS-84 degrees. */
export const ViewBboxSchema = z.tuple([Lon, Lat, Lon, Lat])
  .refine((b) => b[0] < b[2] && b[1] < b[3], { message: 'view must be [west, south, east, north]' });
const Zoom = z.number().min(0).max(24);

export const MapLayerSchema = z.object({
  id: z.number().int(), name: z.string(), kind: z.string(), geometryType: z.string(), features: z.number().int(),
  synthetic: z.boolean(), bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
  /** Whether features carry a population property (enables the rate per 1,000 residents). */
  hasPopulation: z.boolean(),
});
export type MapLayer = z.infer<typeof MapLayerSchema>;

export const BasemapSchema = z.object({
  id: z.string(), name: z.string(), path: z.string(), format: z.enum(['mbtiles', 'pmtiles']),
  /** raster (png/jpg/webp tiles) or vector (Mapbox Vector Tiles). */
  kind: z.enum(['raster', 'vector']), tileType: z.string(),
  /** The coordinate system the tiles are drawn in; GCJ-02 shifts the data layers to match. */
  crs: z.enum(['wgs84', 'gcj02']),
  minzoom: z.number(), maxzoom: z.number(),
  bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
  /** Vector tile layer names (for a default style). */
  vectorLayers: z.array(z.string()),
  attribution: z.string(),
});
export type Basemap = z.infer<typeof BasemapSchema>;

const CountSchema = z.object({ name: z.string(), count: z.number() });
export const MapStatsSchema = z.object({
  count: z.number().int(),
  categories: z.array(CountSchema.extend({ id: z.number().int() })),
  statuses: z.array(CountSchema),
  districts: z.array(CountSchema),
  communities: z.array(CountSchema),
  timeRange: z.object({ min: z.number().nullable(), max: z.number().nullable() }),
});
export type MapStats = z.infer<typeof MapStatsSchema>;

export const mapMethods = {
  /** What the map has: located records, their extent and time range, and the reference layers. */
  'map.overview': json(z.object({ filter: FilterSchema }).strict(), z.object({
    located: z.number().int(), total: z.number().int(),
    bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
    timeRange: z.object({ min: z.number().nullable(), max: z.number().nullable() }),
    layers: z.array(MapLayerSchema),
  })),
  /**
   * Records binned per hexagon / square (or fine squares feeding the heatmap) in the view. Arrow
   * columns x, y (cell centre, Web-Mercator world units), lon, lat, count; metadata size, max, total.
   */
  'map.bins': arrow(z.object({
    filter: FilterSchema, view: ViewBboxSchema, zoom: Zoom, kind: z.enum(['hex', 'square']), px: z.number().min(2).max(200),
  }).strict()),
  /** Individual records in the view (capped; an even sample above `limit`): id, lon, lat, cat1, status. Metadata total, step. */
  'map.points': arrow(z.object({ filter: FilterSchema, view: ViewBboxSchema, limit: z.number().int().min(1).max(50_000) }).strict()),
  /** Kernel density (quartic) raster over the view: one Float32 column `v`, row-major from the north-west; metadata width, height, bounds, max, cellM, bandwidthM. */
  'map.density': arrow(z.object({
    filter: FilterSchema, view: ViewBboxSchema, zoom: Zoom,
    cellPx: z.number().min(1).max(64).default(4), bandwidthM: z.number().min(10).max(100_000).optional(),
  }).strict()),
  /** Counts per feature of a polygon layer: featureId, code, name, count, prev (the previous period, for change), population. */
  'map.choropleth': arrow(z.object({ filter: FilterSchema, layerId: z.number().int() }).strict()),
  /** A reference layer's features: id, code, name, parentCode, geometry (GeoJSON text, WGS-84). */
  'map.features': arrow(z.object({ layerId: z.number().int() }).strict()),
  /** The latest records matching a filter (for a popup): id, externalId, receivedAt, status, category, title, content, address, community, department. Metadata total. */
  'map.records': arrow(z.object({ filter: FilterSchema, limit: z.number().int().min(1).max(500).default(50) }).strict()),
  /** Statistics of the records matching a filter (e.g. the global filter plus a clicked cell or a drawn area). */
  'map.stats': json(z.object({ filter: FilterSchema }).strict(), MapStatsSchema),

  'map.basemaps': json(Empty, z.array(BasemapSchema)),
  /** Registers an MBTiles or PMTiles file on this computer as a basemap (the file stays where it is). */
  'map.addBasemap': json(z.object({ path: Path, name: z.string().max(100).optional(), crs: z.enum(['wgs84', 'gcj02']).default('wgs84') }).strict(), BasemapSchema),
  'map.updateBasemap': json(z.object({ id: z.string(), crs: z.enum(['wgs84', 'gcj02']).optional(), name: z.string().min(1).max(100).optional() }).strict(), BasemapSchema),
  'map.removeBasemap': json(z.object({ id: z.string() }).strict(), z.object({ removed: z.boolean() })),
  /** One tile of a registered basemap as raw bytes (PNG/JPEG/WebP or an uncompressed vector tile); empty when absent. */
  'map.tile': arrow(z.object({ id: z.string(), z: z.number().int().min(0).max(24), x: z.number().int().min(0), y: z.number().int().min(0) }).strict()),
} as const;
