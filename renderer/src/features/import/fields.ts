import { STANDARD_FIELDS, type StandardField } from '../../../../shared/domain/ingest/types';
import type { Locale } from '../../../../shared/api/errors';

export { STANDARD_FIELDS, type StandardField };

/** Display names of the standard record's fields (the words hotline staff use). */
export const FIELD_LABELS: Record<StandardField, { 'zh-CN': string; en: string }> = {
  externalId: { 'zh-CN': '工单编号', en: 'Request ID' },
  receivedAt: { 'zh-CN': '受理时间', en: 'Received at' },
  firstResponseAt: { 'zh-CN': '首次响应时间', en: 'First response at' },
  closedAt: { 'zh-CN': '办结时间', en: 'Closed at' },
  channel: { 'zh-CN': '受理渠道', en: 'Channel' },
  requestType: { 'zh-CN': '诉求类型', en: 'Request type' },
  cat1: { 'zh-CN': '一级分类', en: 'Category level 1' },
  cat2: { 'zh-CN': '二级分类', en: 'Category level 2' },
  cat3: { 'zh-CN': '三级分类', en: 'Category level 3' },
  categoryOriginal: { 'zh-CN': '原始分类', en: 'Original category' },
  title: { 'zh-CN': '标题', en: 'Title' },
  content: { 'zh-CN': '诉求内容', en: 'Request text' },
  address: { 'zh-CN': '地址', en: 'Address' },
  district: { 'zh-CN': '区县', en: 'District' },
  street: { 'zh-CN': '街道', en: 'Street / township' },
  community: { 'zh-CN': '社区', en: 'Community' },
  lon: { 'zh-CN': '经度', en: 'Longitude' },
  lat: { 'zh-CN': '纬度', en: 'Latitude' },
  department: { 'zh-CN': '承办单位', en: 'Handling department' },
  transfers: { 'zh-CN': '转办次数', en: 'Transfers' },
  status: { 'zh-CN': '办理状态', en: 'Status' },
  reply: { 'zh-CN': '答复内容', en: 'Reply' },
  satisfaction: { 'zh-CN': '满意度', en: 'Satisfaction' },
  callerPhone: { 'zh-CN': '来电号码', en: 'Caller phone' },
};

export function fieldLabel(field: StandardField, locale: Locale): string {
  return FIELD_LABELS[field]?.[locale] ?? field;
}

/** Fields holding a date-time: they get a per-column date-format override. */
export const TIME_FIELDS: readonly StandardField[] = ['receivedAt', 'firstResponseAt', 'closedAt'];

export function isTimeField(f: StandardField | null | undefined): boolean {
  return f != null && TIME_FIELDS.includes(f);
}

/** Fields grouped for the mapping dropdown, in the order people think about a request. */
export const FIELD_GROUPS: readonly { key: string; fields: readonly StandardField[] }[] = [
  { key: 'identity', fields: ['externalId', 'channel', 'requestType', 'title', 'content'] },
  { key: 'time', fields: ['receivedAt', 'firstResponseAt', 'closedAt'] },
  { key: 'category', fields: ['cat1', 'cat2', 'cat3', 'categoryOriginal'] },
  { key: 'place', fields: ['address', 'district', 'street', 'community', 'lon', 'lat'] },
  { key: 'handling', fields: ['department', 'transfers', 'status', 'reply', 'satisfaction', 'callerPhone'] },
];

/**
 * Date formats offered for time columns ('' = auto-detect). The engine reads separators, padding, seconds
 * and offsets by itself: a pattern only fixes the order of year, month and day; the others pick a numeric mode.
 */
export const DATE_FORMATS: readonly string[] = [
  'YYYY-MM-DD HH:mm:ss',
  'MM/DD/YYYY hh:mm:ss A',
  'DD/MM/YYYY HH:mm',
  'excel',
  'epoch-ms',
  'epoch-s',
];

/** Time zones shown first; the rest of the IANA list follows when the runtime provides it. */
export const COMMON_TIME_ZONES: readonly string[] = [
  'Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei', 'Asia/Urumqi', 'UTC',
  'America/Los_Angeles', 'America/New_York', 'America/Chicago', 'Europe/London', 'Asia/Tokyo', 'Asia/Singapore',
];

export function allTimeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
  let rest: string[];
  try {
    rest = intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    rest = [];
  }
  const common = new Set(COMMON_TIME_ZONES);
  return [...COMMON_TIME_ZONES, ...rest.filter((z) => !common.has(z))];
}

export const CRS_VALUES = ['wgs84', 'gcj02', 'bd09'] as const;
export type CrsValue = (typeof CRS_VALUES)[number];
