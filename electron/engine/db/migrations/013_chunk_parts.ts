/**
 * Schema version 13: a batch's summary columns (stats_chunks) and map chunk (map_chunks) may be
 * stored in several parts, so an import writes them every few hundred thousand rows instead of
 * holding a whole multi-million-row batch in memory. Existing chunks become part 0.
 */
export const migration013 = `
CREATE TABLE stats_chunks_parts (
  batch_id INTEGER NOT NULL,
  part INTEGER NOT NULL,
  col TEXT NOT NULL,
  rows INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (batch_id, part, col)
) STRICT;
INSERT INTO stats_chunks_parts(batch_id, part, col, rows, data) SELECT batch_id, 0, col, rows, data FROM stats_chunks;
DROP TABLE stats_chunks;
ALTER TABLE stats_chunks_parts RENAME TO stats_chunks;

CREATE TABLE map_chunks_parts (
  batch_id INTEGER NOT NULL,
  part INTEGER NOT NULL,
  rows INTEGER NOT NULL,
  built_at INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (batch_id, part)
) STRICT;
INSERT INTO map_chunks_parts(batch_id, part, rows, built_at, data) SELECT batch_id, 0, rows, built_at, data FROM map_chunks;
DROP TABLE map_chunks;
ALTER TABLE map_chunks_parts RENAME TO map_chunks;
`;
