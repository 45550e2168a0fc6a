/** Per-record facts the metrics and the evidence share, so a number and its records always agree. */
import { classifyDuration, type DurationClass, type DurationRules } from '../stats/durations';
import { replyComplete, replyRelevance } from './reply';

/** One record as the evaluation reads it. */
export interface EvalRow {
  id: number;
  receivedAt: number;
  firstResponseAt: number | null;
  closedAt: number | null;
  status: string | null;
  transfers: number;
  satisfaction: number | null;
  cat1: number | null;
  cat3: number | null;
  /** The sub-area for distribution metrics (district, street or community). */
  sub: string | null;
  caller: string | null;
  department: string | null;
  /** Has a district or coordinates. */
  located: boolean;
  /** Title and content, and the reply: only read when a text metric is used. */
  request?: string | null;
  reply?: string | null;
}

export interface RowFacts {
  responseSec: number | null;
  responseClass: DurationClass;
  closeSec: number | null;
  closeClass: DurationClass;
  replyComplete: boolean | null;
  relevance: number | null;
  quality: boolean;
}

const secs = (a: number | null, b: number): number | null => (a === null ? null : (a - b) / 1000);

export function qualityOk(r: EvalRow): boolean {
  if (r.cat1 === null || !r.located || !r.department || !r.status) return false;
  if (r.firstResponseAt !== null && r.firstResponseAt < r.receivedAt) return false;
  if (r.closedAt !== null && r.closedAt < r.receivedAt) return false;
  if (r.status === 'closed' && r.closedAt === null) return false;
  return true;
}

export function rowFacts(r: EvalRow, rules: DurationRules, text: boolean): RowFacts {
  const responseSec = secs(r.firstResponseAt, r.receivedAt);
  const closeSec = secs(r.closedAt, r.receivedAt);
  return {
    responseSec, responseClass: classifyDuration(responseSec, rules, 'response'),
    closeSec, closeClass: classifyDuration(closeSec, rules, 'close'),
    replyComplete: text && r.status === 'closed' ? replyComplete(r.reply) : null,
    relevance: text && r.status === 'closed' ? replyRelevance(r.request, r.reply) : null,
    quality: qualityOk(r),
  };
}

/**
 * Repeat requests: a record repeats when the same caller called about the same level-3 category
 * (level 1 when unknown) within `windowDays` before it. Rows may come in any order.
 */
export function repeatFlags(rows: readonly EvalRow[], windowDays: number): boolean[] {
  const order = rows.map((_, i) => i).sort((a, b) => rows[a].receivedAt - rows[b].receivedAt || rows[a].id - rows[b].id);
  const last = new Map<string, number>();
  const out = rows.map(() => false);
  const win = windowDays * 86_400_000;
  for (const i of order) {
    const r = rows[i];
    if (!r.caller) continue;
    const key = `${r.caller}|${r.cat3 ?? `c1:${r.cat1 ?? ''}`}`;
    const prev = last.get(key);
    if (prev !== undefined && r.receivedAt - prev <= win) out[i] = true;
    last.set(key, r.receivedAt);
  }
  return out;
}
