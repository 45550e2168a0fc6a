/** Handling of one request: first response, transfers, closing, status, reply and satisfaction. */
import type { DeptProfile } from './departments';
import type { Rng } from './rng';
import type { Channel, RequestType } from './texts';

export type RecordStatus = 'open' | 'in_progress' | 'closed' | 'returned';
export type SatisfactionLabel = '满意' | '基本满意' | '不满意' | '未评价';

export interface Lifecycle {
  firstResponseAt: number | null;
  closedAt: number | null;
  transfers: number;
  status: RecordStatus;
  satisfaction: number | null;
  satisfactionLabel: SatisfactionLabel;
}

const HOUR = 3600_000;
const roundSec = (ms: number): number => Math.round(ms / 1000) * 1000;

/**
 * Lognormal response and closing times of the department (longer with every transfer and on days
 * off), cut at the extract moment: what would close later is still open or in progress.
 */
export function lifecycle(
  p: DeptProfile, receivedAt: number, offDay: boolean, type: RequestType, channel: Channel,
  directAnswer: boolean, extractAt: number, r: Rng,
): Lifecycle {
  let transfers = 0;
  let respMs: number;
  let closeMs: number;
  if (directAnswer) {
    // Consultations answered on the spot by the hotline's knowledge base.
    respMs = r.range(1, 8) * 60_000;
    closeMs = respMs + r.range(1, 20) * 60_000;
  } else {
    transfers = r.poisson(p.transferMean);
    respMs = r.lognormal(p.respH * (offDay ? 1.6 : 1), p.respSigma) * HOUR;
    const typeFactor = type === 'consultation' ? 0.45 : type === 'praise' ? 0.3 : 1;
    closeMs = r.lognormal(p.closeH * typeFactor * (1 + 0.35 * transfers), p.closeSigma) * HOUR;
    closeMs = Math.max(closeMs, respMs + r.range(0.2, 2) * HOUR);
  }
  const firstResponseAt = roundSec(receivedAt + respMs);
  const closedAt = roundSec(receivedAt + closeMs);

  const returned = !directAnswer && r.next() < 0.006;
  const stuck = !directAnswer && r.next() < 0.003; // long-standing cases (挂账)
  if (returned && firstResponseAt <= extractAt) {
    return { firstResponseAt, closedAt: null, transfers: transfers + 1, status: 'returned', satisfaction: null, satisfactionLabel: '未评价' };
  }
  if (stuck || closedAt > extractAt) {
    const responded = firstResponseAt <= extractAt;
    return { firstResponseAt: responded ? firstResponseAt : null, closedAt: null, transfers, status: responded ? 'in_progress' : 'open', satisfaction: null, satisfactionLabel: '未评价' };
  }

  // Satisfaction: asked of most phone callers, fewer online users; worse when slow or bounced around.
  const rated = r.next() < (channel === 'phone' ? 0.78 : 0.55);
  if (!rated) return { firstResponseAt, closedAt, transfers, status: 'closed', satisfaction: null, satisfactionLabel: '未评价' };
  let pSat = directAnswer ? 0.9 : p.satisfied;
  if (!directAnswer && closeMs > 2 * p.closeH * HOUR) pSat -= 0.15;
  pSat -= 0.06 * transfers;
  if (type === 'consultation' || type === 'praise') pSat += 0.1;
  pSat = Math.min(0.97, Math.max(0.15, pSat));
  const x = r.next();
  if (x < pSat) {
    return { firstResponseAt, closedAt, transfers, status: 'closed', satisfaction: r.next() < 0.8 ? 1 : 0.75, satisfactionLabel: '满意' };
  }
  if (x < pSat + (1 - pSat) * 0.55) {
    return { firstResponseAt, closedAt, transfers, status: 'closed', satisfaction: 0.5, satisfactionLabel: '基本满意' };
  }
  return { firstResponseAt, closedAt, transfers, status: 'closed', satisfaction: r.next() < 0.5 ? 0.25 : 0, satisfactionLabel: '不满意' };
}
