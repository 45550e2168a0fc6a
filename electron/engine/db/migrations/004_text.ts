/**
 * Schema version 4: Chinese text analysis.
 * - text_fts: contentless FTS5 over character bigrams of title, content and address (exact substring
 *   search for any query length; see shared/domain/text/fts-query.ts). rowid = records.id.
 * - text_chunks: the segmented words of every record (distinct term ids) with its receipt time, in
 *   chunks of 4096 record ids, so an analysis reads a few hundred blobs instead of millions of rows.
 * - text_vocab: term ids and document frequencies (the IDF of the project's own corpus).
 * - text_words: the analyst's dictionary words and stopword additions/removals.
 * - text_pii: personal-information counts per import batch.
 * - text_repeat_*, text_models, text_suggestions, text_topics: results of the text jobs.
 * Projects that already hold records are marked for re-indexing (meta text_index_stale).
 */
export const migration004 = `
CREATE VIRTUAL TABLE text_fts USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');

CREATE TABLE text_chunks (
  chunk INTEGER PRIMARY KEY,
  n INTEGER NOT NULL,
  wide INTEGER NOT NULL,
  ids BLOB NOT NULL,
  times BLOB NOT NULL,
  offs BLOB NOT NULL,
  terms BLOB NOT NULL
) STRICT;

CREATE TABLE text_vocab (
  id INTEGER PRIMARY KEY,
  term TEXT NOT NULL UNIQUE,
  df INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE text_words (
  word TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('dict', 'stop', 'unstop')),
  added_at INTEGER NOT NULL,
  PRIMARY KEY (word, kind)
) STRICT;

CREATE TABLE text_pii (
  batch_id INTEGER NOT NULL,
  kind TEXT NOT NULL,
  records INTEGER NOT NULL,
  hits INTEGER NOT NULL,
  PRIMARY KEY (batch_id, kind)
) STRICT;

CREATE TABLE text_repeat_clusters (
  id INTEGER PRIMARY KEY,
  size INTEGER NOT NULL,
  first_at INTEGER NOT NULL,
  last_at INTEGER NOT NULL,
  by_caller INTEGER NOT NULL,
  by_text INTEGER NOT NULL,
  sample_record_id INTEGER NOT NULL
) STRICT;
CREATE TABLE text_repeat_members (
  record_id INTEGER PRIMARY KEY,
  cluster_id INTEGER NOT NULL
) STRICT;
CREATE INDEX text_repeat_members_cluster ON text_repeat_members(cluster_id);

CREATE TABLE text_models (
  id INTEGER PRIMARY KEY,
  level INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  metrics_json TEXT NOT NULL
) STRICT;
CREATE TABLE text_suggestions (
  record_id INTEGER PRIMARY KEY,
  model_id INTEGER NOT NULL,
  category_id INTEGER NOT NULL,
  confidence REAL NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected'))
) STRICT;
CREATE INDEX text_suggestions_status ON text_suggestions(status, confidence);

CREATE TABLE text_topics (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  terms_json TEXT NOT NULL,
  size INTEGER NOT NULL,
  record_ids_json TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;

INSERT INTO meta(key, value) SELECT 'text_index_stale', '1' WHERE EXISTS (SELECT 1 FROM records);
`;
