/**
 * Backlog and overdue over time: for each time bucket, requests received and closed in it, and at its
 * end the requests still open (backlog) and those open past their time limit (overdue).
 */
import { NULL_I32, type FactColumns } from './columns';
import { localDayOfT } from './dims';
import type { Selection } from './select';
import { dayToBucketIndex, type Granularity } from './time';

export interface BacklogSeries {
  starts: number[];
  received: number[];
  closed: number[];
  backlog: number[];
  overdue: number[];
}

/**
 * `limitHours[cat]` gives each row's limit by its deepest category; `days` is the range to cover
 * (local day numbers). Closings after the range are not counted; a negative closing duration counts
 * as closed on receipt.
 */
export function backlogSeries(cols: FactColumns, sel: Selection, g: Granularity, days: { first: number; last: number }, limitHours: Float64Array, defaultHours: number): BacklogSeries {
  const { starts, index } = dayToBucketIndex(days.first, days.last, g);
  const size = starts.length;
  const recv = new Float64Array(size);
  const closed = new Float64Array(size);
  const odStart = new Float64Array(size);
  const odEnd = new Float64Array(size);
  const dayOfT = localDayOfT;
  const noClose = NULL_I32;
  const bucketOf = (t: number): number => {
    const off = dayOfT(t) - days.first;
    if (off < 0) return 0;
    return off >= index.length ? size : index[off];
  };
  for (let k = 0; k < sel.n; k++) {
    const i = sel.rows[k];
    const t = cols.t[i];
    const rb = bucketOf(t);
    if (rb >= size) continue;
    recv[rb]++;
    const c = cols.close[i];
    const cb = c === noClose ? size : bucketOf(t + Math.max(0, c));
    if (cb < size) closed[cb]++;
    const limit = (limitHours[cols.cat[i]] ?? defaultHours) * 3600;
    if (c !== noClose && c <= limit) continue;
    const ob = bucketOf(t + limit);
    if (ob < size) {
      odStart[ob]++;
      if (cb < size) odEnd[cb]++;
    }
  }
  const backlog: number[] = [];
  const overdue: number[] = [];
  let open = 0;
  let od = 0;
  for (let b = 0; b < size; b++) {
    open += recv[b] - closed[b];
    od += odStart[b] - odEnd[b];
    backlog.push(open);
    overdue.push(od);
  }
  return { starts, received: Array.from(recv), closed: Array.from(closed), backlog, overdue };
}
