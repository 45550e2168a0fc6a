/**
 * Schema version 3: reference layers as imported (source file, fields, import report), per-feature
 * problems, label points and population/households for rates, and every record's place: the
 * district / street / community polygon and the nearest road (with distance) it falls in, plus how
 * an address-only record was geocoded. Records' own district/street/community text is kept as is.
 */
export const migration003 = `
ALTER TABLE layers ADD COLUMN file_name TEXT;
ALTER TABLE layers ADD COLUMN format TEXT;
ALTER TABLE layers ADD COLUMN crs_label TEXT;
ALTER TABLE layers ADD COLUMN name_field TEXT;
ALTER TABLE layers ADD COLUMN code_field TEXT;
ALTER TABLE layers ADD COLUMN population_field TEXT;
ALTER TABLE layers ADD COLUMN households_field TEXT;
ALTER TABLE layers ADD COLUMN fields_json TEXT;
ALTER TABLE layers ADD COLUMN report_json TEXT;

ALTER TABLE features ADD COLUMN source_index INTEGER;
ALTER TABLE features ADD COLUMN problems_json TEXT;
ALTER TABLE features ADD COLUMN cx REAL;
ALTER TABLE features ADD COLUMN cy REAL;
ALTER TABLE features ADD COLUMN population REAL;
ALTER TABLE features ADD COLUMN households REAL;

CREATE TABLE record_geo (
  record_id INTEGER PRIMARY KEY,    -- records.id (kept in step by the derived-data builder)
  district_fid INTEGER,             -- features.id of the district-role layer containing the point
  street_fid INTEGER,
  community_fid INTEGER,
  road_fid INTEGER,                 -- nearest road within the threshold
  road_m REAL,                      -- distance to it, metres
  geo_method TEXT,                  -- how an address-only record was located: community | road+street | street | …
  geo_confidence REAL,              -- 0..1
  geo_place_fid INTEGER             -- the feature whose name matched
) STRICT;
`;
