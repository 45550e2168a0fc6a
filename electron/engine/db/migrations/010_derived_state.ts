/**
 * Schema version 10: derived data that is still owed. A large import commits its records with the
 * cheap summaries and queues the expensive derived data (full-text index, alert detection) here, in
 * the same transaction; the follow-up "derived refresh" job works the queue off and empties it. A
 * crash or cancel in between leaves the rows, so opening the project resumes the work, and the
 * project info reports `derivedPending` meanwhile.
 */
export const migration010 = `
CREATE TABLE IF NOT EXISTS derived_pending (
  id INTEGER PRIMARY KEY,
  builder TEXT NOT NULL,            -- DerivedBuilder.name, e.g. 'text', 'alerts'
  change_json TEXT NOT NULL,        -- the RecordsChange still to apply
  created_at INTEGER NOT NULL
) STRICT;
`;
