/**
 * Delimited text (CSV, TSV, '|', ';'): dialect sniffing and the streaming RowSource.
 * rowNumber counts records (not physical lines: a quoted field may span lines), 1 = first record,
 * as a spreadsheet would number them. `raw` is the record's source text without its line end.
 */
import type { RawRow, ReadOptions, RowSource, TextEncoding } from './types';
import { CsvParser, parseAll, type RecordSink } from './csv-parser';
import { decodeChunks, openByteStream } from './decode';
import { badInput } from './errors';
import { cleanHeader, headerRowOf, isBlankRow, makeRowSource, type SourceState } from './source';

export const DELIMITERS = [',', '\t', ';', '|'] as const;

/** A record longer than this means an unbalanced quote, not data. */
const MAX_RECORD_CHARS = 64 << 20;

export interface Dialect { delimiter: string; quote: string }

interface Score { consistency: number; fields: number }

function score(text: string, delimiter: string, quote: string, complete: boolean): Score {
  const recs = parseAll(text, delimiter, quote, complete, 200).filter((r) => !isBlankRow(r.fields));
  if (recs.length === 0) return { consistency: 0, fields: 0 };
  const freq = new Map<number, number>();
  for (const r of recs) freq.set(r.fields.length, (freq.get(r.fields.length) ?? 0) + 1);
  let mode = 0, best = 0;
  for (const [n, f] of freq) if (f > best || (f === best && n > mode)) { mode = n; best = f; }
  return mode < 2 ? { consistency: 0, fields: mode } : { consistency: best / recs.length, fields: mode };
}

const better = (a: Score, b: Score): boolean => a.consistency > b.consistency + 1e-9 || (Math.abs(a.consistency - b.consistency) < 1e-9 && a.fields > b.fields);

/**
 * Picks the delimiter whose records have the most consistent field count (respecting quotes) over
 * the first 200 records of the sample; the extension breaks ties ('.tsv' → tab). A single quote is
 * chosen only when it makes the counts strictly more consistent and fields start with it.
 */
export function sniffDialect(text: string, complete: boolean, ext = '', fixed: Partial<Dialect> = {}): Dialect {
  const tabFirst = ext === '.tsv' || ext === '.tab';
  const order: string[] = fixed.delimiter ? [fixed.delimiter] : tabFirst ? ['\t', ...DELIMITERS.filter((d) => d !== '\t')] : [...DELIMITERS];
  const quote = fixed.quote ?? '"';
  let delimiter = order[0];
  let best: Score = { consistency: -1, fields: 0 };
  for (const d of order) {
    const s = score(text, d, quote, complete);
    if (better(s, best)) { best = s; delimiter = d; }
  }
  if (best.consistency <= 0 && !fixed.delimiter) delimiter = order[0];
  let q = quote;
  if (fixed.quote === undefined && !text.includes('"')) {
    const startsWithApos = text.startsWith("'") || text.includes(`${delimiter}'`) || text.includes("\n'");
    if (startsWithApos && better(score(text, delimiter, "'", complete), best)) q = "'";
  }
  return { delimiter, quote: q };
}

/** Streams the records of a delimited text file. */
export async function openCsv(path: string, opts: ReadOptions, encoding: TextEncoding, totalBytes: number): Promise<RowSource> {
  const delimiter = opts.delimiter ?? ',';
  const quote = opts.quote ?? '"';
  if (delimiter.length !== 1 || delimiter === quote || delimiter === '\n' || delimiter === '\r') {
    throw badInput(`分隔符无效：${JSON.stringify(delimiter)}`, `invalid delimiter: ${JSON.stringify(delimiter)}`);
  }
  if (quote.length > 1 || quote === '\n' || quote === '\r') throw badInput(`引号字符无效：${JSON.stringify(quote)}`, `invalid quote character: ${JSON.stringify(quote)}`);
  const headerRow = headerRowOf(opts.headerRow);
  const stream = openByteStream(path);
  const state: SourceState = { headers: null, blank: 0 };

  async function* rows(): AsyncGenerator<RawRow[], void, undefined> {
    const parser = new CsvParser(delimiter, quote);
    let recordNo = 0;
    let out: RawRow[] = [];
    const sink: RecordSink = (fields, raw) => {
      recordNo++;
      if (recordNo <= headerRow) {
        if (recordNo === headerRow) state.headers = fields.map(cleanHeader);
        return;
      }
      // fast path for an empty line, then the general whitespace check
      if ((fields.length === 1 && fields[0] === '') || isBlankRow(fields)) {
        state.blank++;
        return;
      }
      out.push({ rowNumber: recordNo, cells: fields, raw });
    };
    try {
      for await (const text of decodeChunks(stream, encoding)) {
        parser.push(text, sink);
        if (parser.pendingLength() > MAX_RECORD_CHARS) {
          throw badInput(`第 ${recordNo + 1} 条记录超过 64 MB，可能是引号不配对（请检查引号字符设置）`,
            `record ${recordNo + 1} exceeds 64 MB: probably an unbalanced quote (check the quote character setting)`);
        }
        if (out.length) {
          const batch = out;
          out = [];
          yield batch;
        }
      }
      parser.end(sink);
      if (state.headers === null) state.headers = [];
      if (out.length) yield out;
    } finally {
      stream.destroy();
    }
  }

  return makeRowSource({ rows: rows(), state, totalBytes, bytesRead: () => stream.bytesRead, release: () => void stream.destroy() });
}
