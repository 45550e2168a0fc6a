/**
 * The report hash: SHA-256 (injected) over the canonical JSON of the document (charts as their option
 * objects, not their rendering) and the provenance, minus the hash line itself. Canonical JSON sorts
 * object keys and writes numbers with JSON.stringify, so the same inputs always hash the same.
 */
import type { ReportDocument } from './document';

export type HashFn = (text: string) => string;

export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : canonicalJson(x))).join(',')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}

/** What the hash covers: the document without rendered bytes (svg/png come from the chart specs) and without generation time. */
export function hashInput(doc: ReportDocument, provenance: unknown): string {
  const blocks = doc.blocks.map((b) => (b.type === 'figure' && b.chart ? { ...b, svg: undefined, png: undefined } : b));
  const { generatedAt: _t, ...rest } = doc;
  return canonicalJson({ document: { ...rest, blocks }, provenance });
}

export function reportHash(doc: ReportDocument, provenance: unknown, sha256: HashFn): string {
  return sha256(hashInput(doc, provenance));
}
