/** One CSV line (RFC 4180 quoting) from text cells. */
export function toCsvLine(cells: readonly (string | null | undefined)[]): string {
  return cells.map((c) => {
    const s = c ?? '';
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  }).join(',');
}
