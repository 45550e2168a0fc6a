import type { ReportTable } from '../../../../shared/domain/report/spec';

const MAX_COLUMNS = 50;
const MAX_ROWS = 5000;

/** A chart's data table within the contract's limits (50 columns, 5,000 rows); none when empty. */
export function basketTable(t: { columns: string[]; rows: (string | number | null)[][] } | undefined): ReportTable | undefined {
  if (!t || t.columns.length === 0) return undefined;
  return {
    columns: t.columns.slice(0, MAX_COLUMNS).map((c) => c.slice(0, 200)),
    rows: t.rows.slice(0, MAX_ROWS).map((r) => r.slice(0, MAX_COLUMNS).map((v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v))),
  };
}
