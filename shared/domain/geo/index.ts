/** Geographic layers, coordinate systems, overlay and offline geocoding: pure functions and indexes. */
export * from './geometry';
export * from './crs';
export { crsFromWkt, type PrjResult } from './prj';
export * from './validate';
export * from './measure';
export { PolygonIndex, SegmentIndex, type IndexedFeature } from './spatial-index';
export { normaliseAddress, normaliseText, shortName, MultiMatcher } from './address';
export { Gazetteer, PLACE_LEVELS, type GeocodeHit, type PlaceInput, type PlaceLevel } from './geocode';
export { haversineM } from './area';
