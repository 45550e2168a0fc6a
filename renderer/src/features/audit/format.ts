import dayjs from 'dayjs';
import type { TFunction } from 'i18next';

/** Audit times in the machine's own zone, to the second (what an auditor compares with other logs). */
export function formatAuditTime(ms: number): string {
  return dayjs(ms).format('YYYY-MM-DD HH:mm:ss');
}

/** The action's name in the user's language, or the raw action when it has none. */
export function actionLabel(action: string, t: TFunction): string {
  return t(`audit.actions.${action}`, { defaultValue: action });
}

/** A one-line reading of an entry's details for the common actions; the raw JSON otherwise. */
export function detailSummary(action: string, detailJson: string, t: TFunction): string {
  let d: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(detailJson);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return detailJson;
    d = parsed as Record<string, unknown>;
  } catch {
    return detailJson;
  }
  if (action === 'import' && typeof d.file === 'string') return t('audit.summary.import', d);
  if (action === 'import.removeBatch' && d.batchId !== undefined) return t('audit.summary.removeBatch', d);
  if (typeof d.path === 'string') return t('audit.summary.path', d);
  return Object.entries(d).filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join(' · ').slice(0, 300);
}
