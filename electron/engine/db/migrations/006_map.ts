/**
 * Schema version 6 (map): compact per-batch column blobs of the located records, kept current by the
 * map's DerivedBuilder, so the map engine loads 2 M points in a fraction of a second instead of
 * scanning the wide records table. Derived data: can be rebuilt from `records` at any time.
 */
export const migration006 = `
CREATE TABLE map_chunks (
  batch_id INTEGER PRIMARY KEY,
  rows INTEGER NOT NULL,
  built_at INTEGER NOT NULL,
  data BLOB NOT NULL
) STRICT;
`;
