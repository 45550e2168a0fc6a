import type Database from 'better-sqlite3';
import { pointInArea, type FilterArea } from '../../../shared/domain/geo/area';

/** `ms_in_area(lon, lat, areaJson)` → 1 when the point lies in the filter's drawn area. */
export const AREA_SQL_FUNCTION = 'ms_in_area';

/** Parsed areas by their JSON text: a query passes the same text for every row. */
const parsedAreas = new Map<string, FilterArea>();

function parseArea(json: string): FilterArea {
  let a = parsedAreas.get(json);
  if (!a) {
    a = JSON.parse(json) as FilterArea;
    if (parsedAreas.size > 64) parsedAreas.clear();
    parsedAreas.set(json, a);
  }
  return a;
}

/** Registers Minsheng's SQL functions on a connection (every connection that runs filters needs them). */
export function registerSqlFunctions(db: Database.Database): void {
  db.function(AREA_SQL_FUNCTION, { deterministic: true }, (lon: unknown, lat: unknown, json: unknown) => {
    if (typeof lon !== 'number' || typeof lat !== 'number' || typeof json !== 'string') return 0;
    return pointInArea(lon, lat, parseArea(json)) ? 1 : 0;
  });
}
