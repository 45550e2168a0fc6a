import type { Cell } from '../../../../../shared/domain/ingest/types';

export type SourceFormat = 'csv' | 'xlsx' | 'json' | 'jsonl';
export type TextEncoding = 'utf8' | 'gb18030' | 'utf16le' | 'utf16be';

export interface ReadOptions {
  format: SourceFormat;
  /** Text formats only. */
  encoding?: TextEncoding;
  /** CSV only: ',', '\t', '|', ';'. */
  delimiter?: string;
  /** CSV only: '"' or "'" (or '' for none). */
  quote?: string;
  /** XLSX only: sheet name (default: the first sheet). */
  sheet?: string;
  /** 1-based row number of the header row (default 1). JSON: keys of the first objects become headers. */
  headerRow?: number;
}

/** One data row. rowNumber is 1-based in the source (header = row 1 for CSV/XLSX; JSON: object index + 1). */
export interface RawRow {
  rowNumber: number;
  cells: Cell[];
  /** The row as text, kept with a rejection so nothing is lost (CSV: the source line(s); XLSX/JSON: cells as CSV/JSON). */
  raw: string;
}

export interface Sniffed {
  format: SourceFormat;
  encoding: TextEncoding | null;
  /** 0..1: how sure the encoding guess is. */
  encodingConfidence: number;
  delimiter: string | null;
  quote: string | null;
  sheets: string[];
  sheet: string | null;
  headers: string[];
  /** First rows (as text) for the preview. */
  sample: string[][];
  fileSize: number;
}

export interface RowSource {
  readonly headers: string[];
  /** Async batches of data rows, in order; blank rows are NOT yielded but counted in blankRows(). */
  batches(batchSize: number): AsyncIterable<RawRow[]>;
  /** Bytes consumed so far (for progress/ETA), and the file's size. */
  bytesRead(): number;
  readonly totalBytes: number;
  blankRows(): number;
  close(): Promise<void>;
}
