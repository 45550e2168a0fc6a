import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { Alert, AlertStatus } from '../../../../shared/api/areas/alerts';

export const SEVERITY_COLOR: Record<Alert['severity'], string> = { high: 'red', medium: 'orange', low: 'default' };
export const STATUS_COLOR: Record<AlertStatus, string> = {
  new: 'magenta', confirmed: 'volcano', false_alarm: 'default', assigned: 'blue', in_progress: 'geekblue',
  resolved: 'cyan', verified: 'green', recurred: 'red',
};

export const fmtTime = (ms: number | null | undefined): string => (ms === null || ms === undefined ? '—' : dayjs(ms).format('YYYY-MM-DD HH:mm'));
export const fmtDate = (ms: number | null | undefined): string => (ms === null || ms === undefined ? '—' : dayjs(ms).format('YYYY-MM-DD'));

/** p-values in scientific notation below 0.001, fixed above; null as a dash. */
export function fmtP(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '—';
  if (p === 0) return '0';
  return p < 0.001 ? p.toExponential(1) : p.toFixed(3);
}

export const fmtNum = (n: number | null | undefined, digits = 1): string => (n === null || n === undefined || !Number.isFinite(n) ? '—' : n.toFixed(digits));

/** "category path · area path (source)" — the series an alert belongs to; an emerging term as 「term」. */
export function seriesLabel(a: Alert, t: TFunction): string {
  if (a.term) return `${t('alerts.termSeries', { term: a.term })} · ${t('alerts.wholeCity')}`;
  const cat = a.categoryPath.length > 0 ? a.categoryPath.join(' / ') : t('alerts.allCategories');
  const area = a.area.length > 0 ? a.area.join(' ') : t('alerts.wholeCity');
  return `${cat} · ${area}${a.sourceCode ? ` (${a.sourceCode})` : ''}`;
}

/** p-value when the detector gave one, otherwise the recurrence interval. */
export function evidenceText(a: Alert, t: TFunction): string {
  const parts: string[] = [];
  if (a.pValue !== null) parts.push(`p = ${fmtP(a.pValue)}`);
  // Recurrence intervals beyond ~270 years say nothing more than the p-value does.
  if (a.recurrenceDays !== null && (a.pValue === null || a.recurrenceDays < 100_000)) parts.push(t('alerts.recurrence', { days: Math.round(a.recurrenceDays).toLocaleString() }));
  return parts.length > 0 ? parts.join('; ') : '—';
}
