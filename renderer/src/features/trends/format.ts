import type { TFunction } from 'i18next';
import type { Dimension } from '../../../../shared/domain/stats/dims';
import { OTHER_KEY } from '../../../../shared/domain/stats/pivot';

export const fmtInt = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : Math.round(n).toLocaleString());
export const fmtPct = (x: number | null | undefined, digits = 1): string => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(digits)}%`);
export const fmtChange = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`);
/** Hours as h or days (d) with one decimal. */
export const fmtHours = (h: number | null | undefined): string => {
  if (h === null || h === undefined) return '—';
  return h >= 48 ? `${(h / 24).toFixed(1)} d` : `${h.toFixed(1)} h`;
};

const TRANSLATED: Partial<Record<Dimension, string>> = { status: 'status', channel: 'trends.channel', requestType: 'trends.requestType', weekday: 'trends.weekdays' };

/** Display name of a group: translated codes (status, channel…), '(empty)' for blanks, 'Other' for the merged tail. */
export function groupLabel(t: TFunction, dim: Dimension, key: string, label: string): string {
  if (key === OTHER_KEY) return t('trends.other');
  if (key === '' && label === '') return t('trends.emptyValue');
  const ns = TRANSLATED[dim];
  if (ns) return t(`${ns}.${key}`, { defaultValue: label || key });
  if (dim === 'hour') return `${key.padStart(2, '0')}:00`;
  return label || key;
}
