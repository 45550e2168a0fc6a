/**
 * Schema version 12: the per-feature summary of record ↔ place assignments. For each role (district,
 * street, community, road) one dense column indexed by records.id holding the assigned features.id
 * (0 = none), as little-endian Int32 bytes. Per-feature statistics read it with the statistics
 * columns (services/stats) in memory, so counts for a new filter over millions of records take
 * milliseconds instead of a join over record_geo. Written by the overlay (services/layers); a role
 * whose column is missing falls back to the join.
 */
export const migration011 = `
CREATE TABLE geo_columns (
  role TEXT PRIMARY KEY,            -- district | street | community | road
  data BLOB NOT NULL                -- Int32Array: data[records.id] = features.id, 0 = none
) STRICT;
`;
