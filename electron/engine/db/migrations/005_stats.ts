/**
 * Schema version 5: the dashboard's summary store. Per import batch, one column of the records per
 * blob (typed-array bytes: ids, receipt seconds, durations, category, dictionary codes…), so the engine
 * loads a project's statistics columns in milliseconds instead of scanning the wide records table.
 * Kept current inside every record-changing job by services/stats/builder.ts.
 */
export const migration005 = `
CREATE TABLE stats_dict (
  dim TEXT NOT NULL,                -- source | district | street | community | department | status | …
  code INTEGER NOT NULL,            -- 1, 2, … (0 is the empty value and is never stored)
  value TEXT NOT NULL,
  PRIMARY KEY (dim, code),
  UNIQUE (dim, value)
) STRICT;

CREATE TABLE stats_chunks (
  batch_id INTEGER NOT NULL,
  col TEXT NOT NULL,                -- id | t | resp | close | cat | transfers | sat | lon | lat | caller | <dim>
  rows INTEGER NOT NULL,
  data BLOB NOT NULL,               -- little-endian typed array
  PRIMARY KEY (batch_id, col)
) STRICT;

CREATE TABLE stats_state (key TEXT PRIMARY KEY, value INTEGER NOT NULL) STRICT;
INSERT INTO stats_state(key, value) VALUES ('generation', 0);
-- Projects that already hold records get their columns built by a job on first use.
INSERT INTO stats_state(key, value) SELECT 'needs_rebuild', 1 WHERE EXISTS (SELECT 1 FROM records);
`;
