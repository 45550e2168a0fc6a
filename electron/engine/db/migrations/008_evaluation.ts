/** Schema version 8: evaluation schemes (every saved version kept) and evaluation runs with their provenance. */
export const migration008 = `
CREATE TABLE evaluation_schemes (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL,
  version INTEGER NOT NULL,
  name TEXT NOT NULL,
  scheme_json TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  deleted_at INTEGER,
  UNIQUE (key, version)
) STRICT;

CREATE TABLE evaluation_runs (
  id INTEGER PRIMARY KEY,
  scheme_id INTEGER NOT NULL REFERENCES evaluation_schemes(id),
  object_kind TEXT NOT NULL,          -- department | district | street | source
  periods_json TEXT NOT NULL,
  filter_json TEXT NOT NULL,
  sensitivity_percent REAL NOT NULL,
  data_hash TEXT NOT NULL,            -- over the batches (id, source, file SHA-256, record count) read
  result_hash TEXT NOT NULL,          -- over the scheme, inputs and every number of the result
  result_json TEXT NOT NULL,
  source_run_id INTEGER,              -- set when this run re-ran another
  created_at INTEGER NOT NULL,
  seconds REAL NOT NULL
) STRICT;
CREATE INDEX evaluation_runs_scheme ON evaluation_runs(scheme_id);
`;
