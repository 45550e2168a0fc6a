import { tableFromIPC } from 'apache-arrow';

/** One row of `import.previewRows`: the source row number and the cells as text. */
export interface PreviewRow { rowNumber: number; cells: (string | null)[] }
export interface Preview { width: number; rows: PreviewRow[] }

/** One row of `import.rejected`. */
export interface RejectedRow { rowNumber: number; reasonCode: string; reason: string; raw: string }

function toNumber(v: unknown, fallback: number): number {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'bigint') return Number(v);
  const n = Number(v);
  return v !== null && v !== undefined && Number.isFinite(n) ? n : fallback;
}

function toText(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

/** Decodes `import.previewRows` (rowNumber + c0..cN Utf8). Columns are found by name, in index order. */
export function decodePreview(bytes: Uint8Array): Preview {
  if (bytes.byteLength === 0) return { width: 0, rows: [] };
  const table = tableFromIPC(bytes);
  const cellCols: { index: number; name: string }[] = [];
  for (const f of table.schema.fields) {
    const m = /^c(\d+)$/.exec(f.name);
    if (m) cellCols.push({ index: Number(m[1]), name: f.name });
  }
  const width = cellCols.reduce((w, c) => Math.max(w, c.index + 1), 0);
  const rn = table.getChild('rowNumber');
  const vectors = cellCols.map((c) => ({ index: c.index, vec: table.getChild(c.name) }));
  const rows: PreviewRow[] = [];
  for (let i = 0; i < table.numRows; i++) {
    const cells: (string | null)[] = new Array(width).fill(null);
    for (const { index, vec } of vectors) cells[index] = toText(vec?.get(i));
    rows.push({ rowNumber: toNumber(rn?.get(i), i + 1), cells });
  }
  return { width, rows };
}

/** Decodes `import.rejected` (rowNumber, reasonCode, reason, raw). */
export function decodeRejected(bytes: Uint8Array): RejectedRow[] {
  if (bytes.byteLength === 0) return [];
  const table = tableFromIPC(bytes);
  const col = (n: string) => table.getChild(n);
  const [rn, code, reason, raw] = [col('rowNumber'), col('reasonCode'), col('reason'), col('raw')];
  const out: RejectedRow[] = [];
  for (let i = 0; i < table.numRows; i++) {
    out.push({
      rowNumber: toNumber(rn?.get(i), 0),
      reasonCode: toText(code?.get(i)) ?? '',
      reason: toText(reason?.get(i)) ?? '',
      raw: toText(raw?.get(i)) ?? '',
    });
  }
  return out;
}

/** Up to `n` distinct non-empty sample values of a column, for the mapping step. */
export function sampleValues(preview: Preview | null, column: number, n = 3): string[] {
  if (!preview) return [];
  const seen = new Set<string>();
  for (const r of preview.rows) {
    const v = r.cells[column]?.trim();
    if (v && !seen.has(v)) {
      seen.add(v);
      if (seen.size >= n) break;
    }
  }
  return [...seen];
}

/** U+FFFD or typical GBK-read-as-UTF-8 / UTF-8-read-as-Latin-1 sequences: the encoding guess is probably wrong. */
export function looksGarbled(texts: readonly (string | null)[]): boolean {
  let bad = 0;
  let total = 0;
  for (const t of texts) {
    if (!t) continue;
    total++;
    if (t.includes('\uFFFD') || /[ÃÂâåæçèéä][\u0080-\u00BF]/.test(t) || /[\u0080-\u009F]/.test(t)) bad++;
  }
  return total > 0 && bad / total >= 0.1;
}
