import { api } from '../../platform/select';

export type Cell = string | number | null;
/** A chart's data as a table: what CSV / XLSX exports and the report basket carry. */
export interface DataTable { columns: string[]; rows: Cell[][] }

const csvCell = (v: Cell): string => {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** CSV with a UTF-8 BOM so that Excel opens Chinese text correctly. */
export function toCsv(t: DataTable): string {
  return `\uFEFF${[t.columns, ...t.rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** File names: the chart title without characters file systems reject. */
export const fileSafe = (s: string): string => s.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80) || 'chart';

export function download(name: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadCsv(title: string, t: DataTable): void {
  download(`${fileSafe(title)}.csv`, new Blob([toCsv(t)], { type: 'text/csv;charset=utf-8' }));
}

/** XLSX is built by the engine (exceljs stays out of the renderer bundle). */
export async function downloadXlsx(title: string, sheets: { name: string; table: DataTable }[]): Promise<void> {
  const out = await api.call('stats.xlsx', {
    sheets: sheets.map((s) => ({ name: s.name.slice(0, 31) || 'Sheet', columns: s.table.columns, rows: s.table.rows })),
  });
  const bin = atob(out.base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  download(`${fileSafe(title)}.xlsx`, new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
}

export function dataUrlToBlob(url: string): Blob {
  const [head, body] = url.split(',');
  const mime = /data:([^;]+)/.exec(head)?.[1] ?? 'application/octet-stream';
  const bin = atob(body);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: mime });
}
