import type { HandlerGroup } from '../types';
import type { EngineContext } from '../../context';
import { MapService } from '../../services/map/map-service';
import { mapStateFor } from '../../services/map/state';
import { loadIndexInThread } from '../../services/map/load-thread';
import { basemapRegistry } from '../../services/map/basemaps';

const service = (ctx: EngineContext) => {
  const { db, path } = ctx.projects.require().handle;
  return new MapService(mapStateFor(db, () => loadIndexInThread(path)));
};

type MapMethod = 'map.overview' | 'map.bins' | 'map.points' | 'map.density' | 'map.choropleth' | 'map.features' | 'map.stats' | 'map.records'
  | 'map.basemaps' | 'map.addBasemap' | 'map.updateBasemap' | 'map.removeBasemap' | 'map.tile';

export const mapHandlers: HandlerGroup<MapMethod> = {
  'map.overview': (i, ctx) => service(ctx).overview(i.filter),
  'map.bins': (i, ctx) => service(ctx).bins(i.filter, i.view, i.zoom, i.kind, i.px),
  'map.points': (i, ctx) => service(ctx).points(i.filter, i.view, i.limit),
  'map.density': (i, ctx) => service(ctx).density(i.filter, i.view, i.zoom, i.cellPx, i.bandwidthM),
  'map.choropleth': (i, ctx) => service(ctx).choropleth(i.filter, i.layerId),
  'map.features': (i, ctx) => service(ctx).features(i.layerId),
  'map.stats': (i, ctx) => service(ctx).stats(i.filter),
  'map.records': (i, ctx) => service(ctx).records(i.filter, i.limit),
  'map.basemaps': (_i, ctx) => basemapRegistry(ctx.dataDir).list(),
  'map.addBasemap': (i, ctx) => basemapRegistry(ctx.dataDir).add(i.path, i.crs, i.name),
  'map.updateBasemap': (i, ctx) => basemapRegistry(ctx.dataDir).update(i.id, { crs: i.crs, name: i.name }),
  'map.removeBasemap': (i, ctx) => ({ removed: basemapRegistry(ctx.dataDir).remove(i.id) }),
  'map.tile': (i, ctx) => basemapRegistry(ctx.dataDir).tile(i.id, i.z, i.x, i.y),
};
