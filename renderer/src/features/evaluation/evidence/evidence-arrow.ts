import { tableFromIPC } from 'apache-arrow';

export interface EvidenceRow {
  id: number; externalId: string | null; receivedAt: number | null; firstResponseAt: number | null; closedAt: number | null;
  responseH: number | null; closeH: number | null; status: string | null; transfers: number | null; satisfaction: number | null;
  district: string | null; street: string | null; department: string | null; title: string | null; role: 'ok' | 'flag' | 'excluded' | 'na';
}

/** Decodes `evaluation.evidenceRecords` bytes to plain rows. */
export function decodeEvidence(bytes: Uint8Array): EvidenceRow[] {
  return tableFromIPC(bytes).toArray().map((r) => {
    const o = (r as { toJSON(): Record<string, unknown> }).toJSON();
    const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    return {
      ...(o as unknown as EvidenceRow),
      id: Number(o.id), receivedAt: num(o.receivedAt), firstResponseAt: num(o.firstResponseAt), closedAt: num(o.closedAt),
      responseH: num(o.responseH), closeH: num(o.closeH), transfers: num(o.transfers), satisfaction: num(o.satisfaction),
    };
  });
}
