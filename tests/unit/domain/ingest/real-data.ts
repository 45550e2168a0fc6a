/**
 * Access to the real public data in ../shared/data (absent in a fresh clone: tests skip with a message),
 * and a minimal RFC 4180 CSV splitter for reading it in tests.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DATA_DIR = fileURLToPath(new URL('../../../../../shared/data/', import.meta.url));
export const LA_2017 = `${DATA_DIR}la-myla311/MyLA311_Service_Request_Data_2017_Subset.csv`;
export const LA_REQUESTS = `${DATA_DIR}la-myla311/requests.csv`;

export function hasFile(file: string): boolean {
  const ok = fs.existsSync(file);
  if (!ok) console.warn(`[ingest tests] skipping: ${file} not found (../shared/data is not part of a fresh clone)`);
  return ok;
}

/** Parse CSV text into records of fields (quotes, doubled quotes and newlines in quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let field: string;
    if (text[i] === '"') {
      let j = i + 1;
      field = '';
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) { field += text.slice(j); j = n; break; }
        field += text.slice(j, q);
        if (text[q + 1] === '"') { field += '"'; j = q + 2; } else { j = q + 1; break; }
      }
      i = j;
    } else {
      let j = i;
      while (j < n && text[j] !== ',' && text[j] !== '\n' && text[j] !== '\r') j++;
      field = text.slice(i, j);
      i = j;
    }
    row.push(field);
    if (i >= n || text[i] === '\n' || text[i] === '\r') {
      if (text[i] === '\r' && text[i + 1] === '\n') i++;
      i++;
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else i++; // the comma
  }
  return rows;
}

export function readCsv(file: string): { headers: string[]; rows: string[][] } {
  const [headers, ...rows] = parseCsv(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  return { headers, rows };
}

/** The header row only. */
export function readHeader(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const end = text.indexOf('\n');
  return parseCsv(text.slice(0, end < 0 ? text.length : end).replace(/^\uFEFF/, ''))[0];
}
