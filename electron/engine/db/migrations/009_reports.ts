/** Schema version 9: report templates (user templates and the project's edits of built-ins), the "add to report" basket, render history. */
export const migration009 = `
CREATE TABLE report_templates (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  spec_json TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE report_items (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  source TEXT NOT NULL,
  png TEXT NOT NULL,
  svg TEXT,
  table_json TEXT,
  filter_json TEXT NOT NULL,
  thumbnail TEXT,
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE report_renders (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  title TEXT NOT NULL,
  template TEXT NOT NULL,
  spec_json TEXT NOT NULL,
  files_json TEXT NOT NULL,
  report_hash TEXT NOT NULL,
  actor TEXT
) STRICT;
`;
