/** Schema version 7: alerts, their workflow trail and comments, detector runs and alert settings. */
export const migration007 = `
CREATE TABLE alerts (
  id INTEGER PRIMARY KEY,
  series_key TEXT NOT NULL,
  detectors TEXT NOT NULL,            -- comma-separated detector names
  category_level INTEGER NOT NULL,    -- 0 = all categories
  category_id INTEGER REFERENCES categories(id),
  area_level TEXT NOT NULL,           -- city | district | street | community
  district TEXT, street TEXT, community TEXT,
  source_code TEXT,
  first_day INTEGER NOT NULL,         -- local (Asia/Shanghai) day number of the first alarm
  last_day INTEGER NOT NULL,
  observed REAL NOT NULL,
  expected REAL NOT NULL,
  p_value REAL,
  recurrence_days REAL,
  score REAL NOT NULL,
  severity TEXT NOT NULL,             -- low | medium | high
  group_id INTEGER,                   -- the group's head alert
  status TEXT NOT NULL DEFAULT 'new',
  department TEXT,
  due_at INTEGER,
  snoozed_until INTEGER,
  resolved_at INTEGER,
  followup_json TEXT,
  detail_json TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (series_key, first_day)
) STRICT;
CREATE INDEX alerts_status ON alerts(status, score);
CREATE INDEX alerts_group ON alerts(group_id);

CREATE TABLE alert_events (
  id INTEGER PRIMARY KEY,
  alert_id INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,               -- raised | transition | snooze | follow-up
  from_status TEXT, to_status TEXT,
  note TEXT, department TEXT, due_at INTEGER
) STRICT;
CREATE INDEX alert_events_alert ON alert_events(alert_id, at);

CREATE TABLE alert_comments (
  id INTEGER PRIMARY KEY,
  alert_id INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  text TEXT NOT NULL
) STRICT;
CREATE INDEX alert_comments_alert ON alert_comments(alert_id, at);

CREATE TABLE alert_runs (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,                 -- detect | backtest | scan
  started_at INTEGER NOT NULL,
  finished_at INTEGER NOT NULL,
  params_json TEXT NOT NULL,
  result_json TEXT NOT NULL
) STRICT;
CREATE INDEX alert_runs_kind ON alert_runs(kind, id);

CREATE TABLE alert_config (key TEXT PRIMARY KEY, value_json TEXT NOT NULL) STRICT;
`;
