import type { OutputOf } from '../../../../shared/api/contract';
import type { ReadOptionsInput } from '../../../../shared/api/areas/import';

export type PreviewResult = OutputOf<'import.preview'>;
export type Sniffed = PreviewResult['sniffed'];
export type Format = ReadOptionsInput['format'];
export type Encoding = NonNullable<ReadOptionsInput['encoding']>;
export type Delimiter = NonNullable<ReadOptionsInput['delimiter']>;
export type Quote = NonNullable<ReadOptionsInput['quote']>;

export const FORMATS: readonly Format[] = ['csv', 'xlsx', 'json', 'jsonl'];
export const ENCODINGS: readonly Encoding[] = ['utf8', 'gb18030', 'utf16le', 'utf16be'];
export const DELIMITERS: readonly Delimiter[] = [',', '\t', '|', ';'];
export const QUOTES: readonly Quote[] = ['"', "'", ''];

const isIn = <T extends string>(xs: readonly T[], v: unknown): v is T => typeof v === 'string' && (xs as readonly string[]).includes(v);

/** Text formats have an encoding; CSV has a delimiter and quote; XLSX has sheets; CSV/XLSX have a header row. */
export const hasEncoding = (f: Format) => f === 'csv' || f === 'json' || f === 'jsonl';
export const hasDelimiter = (f: Format) => f === 'csv';
export const hasSheets = (f: Format) => f === 'xlsx';
export const hasHeaderRow = (f: Format) => f === 'csv' || f === 'xlsx';

/**
 * The full read options for `import.start`: what the sniffer found, overridden by what the user chose.
 * Options that do not apply to the format are left out.
 */
export function effectiveReadOptions(sniffed: Sniffed, overrides: Partial<ReadOptionsInput>): ReadOptionsInput {
  const format = overrides.format ?? sniffed.format;
  const out: ReadOptionsInput = { format };
  if (hasEncoding(format)) {
    const enc = overrides.encoding ?? sniffed.encoding;
    if (isIn(ENCODINGS, enc)) out.encoding = enc;
  }
  if (hasDelimiter(format)) {
    const d = overrides.delimiter ?? sniffed.delimiter;
    if (isIn(DELIMITERS, d)) out.delimiter = d;
    const q = overrides.quote ?? sniffed.quote;
    if (isIn(QUOTES, q)) out.quote = q;
  }
  if (hasSheets(format)) {
    const s = overrides.sheet ?? sniffed.sheet;
    if (s) out.sheet = s;
  }
  if (hasHeaderRow(format) && overrides.headerRow !== undefined) out.headerRow = overrides.headerRow;
  return out;
}

/** Removes override keys that are undefined (so the engine sniffs them again). */
export function cleanOverrides(o: Partial<ReadOptionsInput>): Partial<ReadOptionsInput> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as Partial<ReadOptionsInput>;
}

/** Source codes: letters, digits, _ . - (e.g. 12345, 12315, la311). */
export function isValidSourceCode(code: string): boolean {
  return code.length > 0 && code.length <= 64 && /^[\p{L}\p{N}_.-]+$/u.test(code);
}
