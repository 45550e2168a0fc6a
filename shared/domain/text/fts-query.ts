/**
 * The full-text index of record texts is an FTS5 table over overlapping character bigrams (see
 * README "Text search"): every run of letters/digits `c1…cn` is indexed as `c1c2 c2c3 … c(n-1)cn cn`
 * (the final single character marks the end of the run). That makes search exact substring search
 * for any query length: a 2-character word is one index term, a longer one a phrase of bigrams, and a
 * single character a prefix query. Pure functions shared by the index builder and the SQL filter.
 */

const RUN = /[\p{L}\p{N}]+/gu;

function runsOf(text: string): string[] {
  return text.toLowerCase().match(RUN) ?? [];
}

function runTokens(run: string, out: string[]): void {
  let prev = '';
  for (const ch of run) {
    if (prev) out.push(prev + ch);
    prev = ch;
  }
  if (prev) out.push(prev);
}

/** The index document of a record: bigram tokens of each field's runs, space-separated. */
export function bigramDocument(...fields: (string | null | undefined)[]): string {
  const out: string[] = [];
  for (const f of fields) if (f) for (const run of runsOf(f)) runTokens(run, out);
  return out.join(' ');
}

/** One FTS5 MATCH term for a run of the query (exact substring of the run). */
function runMatch(run: string): string {
  const chars = [...run];
  if (chars.length === 1) return `"${chars[0]}" *`;
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) bigrams.push(chars[i] + chars[i + 1]);
  return `"${bigrams.join(' ')}"`;
}

/**
 * The FTS5 MATCH expression for a search box text: whitespace-separated terms must all occur (AND);
 * each term matches as a substring of title, content or address. Null when the query has no letters
 * or digits at all (the caller falls back to a plain scan).
 */
export function ftsMatchExpression(q: string): string | null {
  const parts = runsOf(q).map(runMatch);
  return parts.length ? [...new Set(parts)].join(' AND ') : null;
}

/** The query's search terms (for highlighting): whitespace-separated, trimmed, without empties. */
export function queryTerms(q: string): string[] {
  return [...new Set(q.split(/\s+/).map((s) => s.trim()).filter(Boolean))];
}
