/** XLSX workbooks of dashboard tables (pivot, breakdowns, chart data), built with exceljs. */
import type ExcelJSType from 'exceljs';

export interface Sheet { name: string; columns: string[]; rows: (string | number | null)[][] }

/** Sheet names must be unique, ≤ 31 characters and free of []:*?/\ in Excel. */
function safeName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet';
  let out = base;
  for (let i = 2; used.has(out); i++) out = `${base.slice(0, 28)}-${i}`;
  used.add(out);
  return out;
}

export async function buildXlsx(sheets: readonly Sheet[]): Promise<Uint8Array> {
  const mod = (await import('exceljs')) as unknown as { default?: typeof ExcelJSType };
  const ExcelJS = mod.default ?? (mod as unknown as typeof ExcelJSType);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Minsheng 民声';
  const used = new Set<string>();
  for (const s of sheets) {
    const ws = wb.addWorksheet(safeName(s.name, used), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(s.columns);
    ws.getRow(1).font = { bold: true };
    for (const r of s.rows) ws.addRow(r.map((v) => (v === null ? '' : v)));
    s.columns.forEach((c, i) => {
      const width = Math.max(c.length * 2, ...s.rows.slice(0, 200).map((r) => String(r[i] ?? '').length * 1.6));
      ws.getColumn(i + 1).width = Math.min(50, Math.max(8, width));
    });
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
