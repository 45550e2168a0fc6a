import { migration001 } from './001_initial';
import { migration002 } from './002_import';
import { migration003 } from './003_geo';
import { migration004 } from './004_text';
import { migration005 } from './005_stats';
import { migration006 } from './006_map';
import { migration007 } from './007_alerts';
import { migration008 } from './008_evaluation';
import { migration009 } from './009_reports';
import { migration010 } from './010_derived_state';
import { migration011 } from './011_geo_summary';
import { migration012 } from './012_geo_admin';
import { migration013 } from './013_chunk_parts';

/** Ordered forward migrations; index i upgrades schema version i to i+1. */
export const MIGRATIONS: readonly string[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration011, migration012, migration013];
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
/** PRAGMA application_id of every Minsheng project: ASCII "MSNG". */
export const APPLICATION_ID = 0x4d534e47;
