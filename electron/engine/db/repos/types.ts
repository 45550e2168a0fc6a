import type { Facets } from '../../../../shared/api/contract';
import type { Filter } from '../../../../shared/model/filter';

/**
 * Storage interfaces the services depend on. SQLite implements them here; a server backend
 * (PostgreSQL/PostGIS) can implement the same interfaces without touching services, UI or domain code.
 */
export interface RecordPageRow {
  id: number; externalId: string; sourceCode: string; receivedAt: number; closedAt: number | null;
  cat1: string | null; cat2: string | null; cat3: string | null;
  district: string | null; street: string | null; community: string | null;
  department: string | null; status: string | null; satisfaction: number | null; title: string | null;
  lon: number | null; lat: number | null;
}

export type RecordSortField = 'receivedAt' | 'closedAt' | 'district' | 'department' | 'status' | 'satisfaction';

export interface RecordsRepository {
  count(filter: Filter): number;
  facets(filter: Filter): Facets;
  page(filter: Filter, offset: number, limit: number, sort?: { field: RecordSortField; dir: 'asc' | 'desc' }): RecordPageRow[];
}

export interface ProjectRepository {
  tableCounts(): { table: string; rows: number }[];
  getMeta(key: string): string | null;
  setMeta(key: string, value: string): void;
}

export interface AuditEntry { id: number; at: number; actor: string; action: string; detail: string; hash: string; prevHash: string }
export interface AuditListQuery { actions?: string[]; from?: number; to?: number; q?: string; offset: number; limit: number; order?: 'asc' | 'desc' }
export type AuditVerification =
  | { ok: true; entries: number; brokenAt: null; reason: null; afterId: null; lastHash: string | null }
  /** reason 'link': the entry does not follow the one before it (deleted/inserted); 'content': the entry was edited. */
  | { ok: false; entries: number; brokenAt: number; reason: 'link' | 'content'; afterId: number | null };

export interface AuditRepository {
  append(entry: { at: number; actor: string; action: string; detail: unknown }): void;
  verify(): AuditVerification;
  list(q: AuditListQuery): { total: number; entries: AuditEntry[] };
  actions(): { action: string; count: number }[];
}
