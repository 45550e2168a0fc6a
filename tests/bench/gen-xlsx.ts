/** Writes the benchmark extract (same columns and text as gen-extract.ts) as an XLSX sheet, streamed. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { generateExtract } from './gen-extract';

export async function generateXlsx(file: string, rows: number): Promise<void> {
  // the CSV generator is the one source of the rows; its lines are split back into cells (no quoted commas but the content's)
  const csv = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ms-genx-')), 'x.csv');
  generateExtract(csv, rows, 'utf8');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('工单');
  const lines = fs.readFileSync(csv, 'utf8').split('\r\n').filter(Boolean);
  for (const line of lines) {
    const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.slice(0, 16).map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'));
    ws.addRow(cells).commit();
  }
  ws.commit();
  await wb.commit();
  fs.rmSync(path.dirname(csv), { recursive: true, force: true });
}

if (process.argv[1]?.endsWith('gen-xlsx.ts')) {
  const [file, rows] = process.argv.slice(2);
  void generateXlsx(file, Number(rows));
}
