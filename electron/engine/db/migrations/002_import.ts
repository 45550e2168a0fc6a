/** Schema version 2: mapping templates, category crosswalk, batch status and quality report. */
export const migration002 = `
CREATE TABLE mapping_templates (
  id INTEGER PRIMARY KEY,
  source_code TEXT NOT NULL,
  name TEXT NOT NULL,
  header_signature TEXT NOT NULL,
  read_options_json TEXT NOT NULL,
  mapping_json TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (source_code, header_signature)
) STRICT;

CREATE TABLE crosswalk (
  source_code TEXT NOT NULL,
  label TEXT NOT NULL,
  category_id INTEGER REFERENCES categories(id),
  method TEXT NOT NULL,             -- exact | fuzzy | manual | built
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (source_code, label)
) STRICT;

ALTER TABLE batches ADD COLUMN status TEXT NOT NULL DEFAULT 'done';
ALTER TABLE batches ADD COLUMN read_options_json TEXT;
ALTER TABLE batches ADD COLUMN quality_json TEXT;
ALTER TABLE batches ADD COLUMN file_size INTEGER;
ALTER TABLE batches ADD COLUMN seconds REAL;
ALTER TABLE records ADD COLUMN status_original TEXT;
CREATE INDEX records_category_original ON records(source_code, category_original);
`;
