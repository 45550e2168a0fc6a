/** Schema version 1: the standard record set, taxonomy, layers, batches, rejects, audit trail. */
export const migration001 = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

CREATE TABLE sources (
  code TEXT PRIMARY KEY,            -- e.g. '12345', '12315', 'demo-12345'
  name TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'hotline'
) STRICT;

CREATE TABLE batches (
  id INTEGER PRIMARY KEY,
  source_code TEXT NOT NULL REFERENCES sources(code),
  file_name TEXT NOT NULL,
  sha256 TEXT,
  mapping_json TEXT,
  rows_read INTEGER NOT NULL DEFAULT 0,
  blank_rows INTEGER NOT NULL DEFAULT 0,
  imported INTEGER NOT NULL DEFAULT 0,
  updated INTEGER NOT NULL DEFAULT 0,
  duplicates INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0,
  synthetic INTEGER NOT NULL DEFAULT 0,
  started_at INTEGER NOT NULL,
  finished_at INTEGER,
  removed_at INTEGER
) STRICT;

CREATE TABLE categories (
  id INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES categories(id),
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL
) STRICT;
CREATE INDEX categories_parent ON categories(parent_id);

CREATE TABLE departments (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT
) STRICT;

CREATE TABLE layers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,               -- district | street | community | road | other
  geometry_type TEXT NOT NULL,      -- Polygon | LineString | Point | Mixed
  source TEXT NOT NULL,
  crs_original TEXT NOT NULL DEFAULT 'wgs84',
  synthetic INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE features (
  id INTEGER PRIMARY KEY,
  layer_id INTEGER NOT NULL REFERENCES layers(id) ON DELETE CASCADE,
  code TEXT,
  name TEXT,
  parent_code TEXT,
  props_json TEXT,
  geometry_json TEXT NOT NULL,      -- GeoJSON geometry, WGS-84
  min_x REAL, min_y REAL, max_x REAL, max_y REAL
) STRICT;
CREATE INDEX features_layer ON features(layer_id);

CREATE TABLE records (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES batches(id),
  source_code TEXT NOT NULL REFERENCES sources(code),
  external_id TEXT NOT NULL,
  received_at INTEGER NOT NULL,     -- epoch ms, UTC instant
  first_response_at INTEGER,
  closed_at INTEGER,
  channel TEXT,                     -- phone | web | app | wechat | weibo | email | other
  request_type TEXT,                -- complaint | consultation | suggestion | report | help | praise | other
  cat1_id INTEGER REFERENCES categories(id),
  cat2_id INTEGER REFERENCES categories(id),
  cat3_id INTEGER REFERENCES categories(id),
  category_original TEXT,
  title TEXT,
  content TEXT,
  address TEXT,
  district TEXT,
  street TEXT,
  community TEXT,
  lon REAL,                         -- WGS-84
  lat REAL,
  crs_original TEXT,                -- wgs84 | gcj02 | bd09
  location_status TEXT NOT NULL DEFAULT 'none', -- coordinates | geocoded | placeholder | invalid | none
  department TEXT,
  transfers INTEGER NOT NULL DEFAULT 0,
  status TEXT,                      -- open | in_progress | closed | returned | other
  reply TEXT,
  satisfaction REAL,                -- normalised 0..1
  satisfaction_label TEXT,
  caller_hash TEXT,
  caller_phone TEXT,                -- only when the user opted in
  synthetic INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE UNIQUE INDEX records_source_ext ON records(source_code, external_id);
CREATE INDEX records_received ON records(received_at);
CREATE INDEX records_cat3 ON records(cat3_id, received_at);
CREATE INDEX records_district ON records(district, received_at);
CREATE INDEX records_department ON records(department, received_at);
CREATE INDEX records_batch ON records(batch_id);

CREATE TABLE rejected_rows (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES batches(id),
  row_number INTEGER NOT NULL,
  reason_code TEXT NOT NULL,
  reason_params TEXT,
  raw TEXT NOT NULL
) STRICT;
CREATE INDEX rejected_batch ON rejected_rows(batch_id, reason_code);

CREATE TABLE demo_events (
  id INTEGER PRIMARY KEY,
  cat3_id INTEGER REFERENCES categories(id),
  district TEXT, street TEXT, community TEXT,
  start_at INTEGER NOT NULL, end_at INTEGER NOT NULL,
  extra_records INTEGER NOT NULL,
  description TEXT NOT NULL
) STRICT;

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  detail_json TEXT,
  prev_hash TEXT,
  hash TEXT
) STRICT;

CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
`;
