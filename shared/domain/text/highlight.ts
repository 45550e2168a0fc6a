/**
 * Splits a text into display segments: search hits, personal information (masked unless revealed)
 * and plain text. The renderer draws the segments; the logic is here so it is tested once.
 */
import { detectPii, maskValue, type PiiKind } from './pii';

export interface TextSegment {
  text: string;
  hit?: boolean;
  pii?: PiiKind;
}

/** Spans of every case-insensitive occurrence of any term (longest term first at each position). */
export function hitSpans(text: string, terms: readonly string[]): [number, number][] {
  const lower = text.toLowerCase();
  const sorted = [...new Set(terms.map((t) => t.toLowerCase()).filter(Boolean))].sort((a, b) => b.length - a.length);
  const spans: [number, number][] = [];
  for (let i = 0; i < lower.length;) {
    const t = sorted.find((x) => lower.startsWith(x, i));
    if (t) { spans.push([i, i + t.length]); i += t.length; } else i++;
  }
  return spans;
}

export function highlightSegments(text: string, terms: readonly string[], opts: { maskPii: boolean }): TextSegment[] {
  const pii = detectPii(text);
  const hits = hitSpans(text, terms);
  const marks: { start: number; end: number; pii?: PiiKind; hit?: boolean; value: string }[] = [
    ...pii.map((p) => ({ start: p.start, end: p.end, pii: p.kind, value: p.value })),
    ...hits.filter(([s, e]) => !pii.some((p) => s < p.end && e > p.start)).map(([s, e]) => ({ start: s, end: e, hit: true, value: text.slice(s, e) })),
  ].sort((a, b) => a.start - b.start);
  const out: TextSegment[] = [];
  let at = 0;
  for (const m of marks) {
    if (m.start > at) out.push({ text: text.slice(at, m.start) });
    if (m.pii) {
      const hit = hits.some(([s, e]) => s < m.end && e > m.start);
      out.push({ text: opts.maskPii ? maskValue(m.pii, m.value) : m.value, pii: m.pii, ...(hit ? { hit } : {}) });
    } else out.push({ text: m.value, hit: true });
    at = m.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}
