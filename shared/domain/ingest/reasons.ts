/** Messages (zh-CN, en) for every reject code and quality flag, with {param} placeholders. */
import type { QualityFlag, RejectCode } from './types';

export type ReasonLocale = 'zh-CN' | 'en';
type Messages = { 'zh-CN': string; en: string };

export const REJECT_MESSAGES: Record<RejectCode, Messages> = {
  MISSING_RECEIVED_AT: { 'zh-CN': '缺少受理时间', en: 'Received time is missing' },
  BAD_DATE: { 'zh-CN': '“{column}”列的时间无法识别：{value}', en: 'Unreadable date-time in column "{column}": {value}' },
  BAD_NUMBER: { 'zh-CN': '“{column}”列的数字无法识别：{value}', en: 'Unreadable number in column "{column}": {value}' },
  FIELD_TOO_LONG: { 'zh-CN': '“{column}”列内容过长（{length} 个字符），可能是引号未闭合', en: 'Column "{column}" is too long ({length} characters); a quote may be unbalanced' },
  RAGGED_ROW: { 'zh-CN': '字段数多于表头：应为 {expected} 列，实有 {found} 列', en: 'More fields than headers: expected {expected}, found {found}' },
  MISSING_ID: { 'zh-CN': '缺少工单编号', en: 'Request ID is missing' },
  FUTURE_DATE: { 'zh-CN': '受理时间晚于当前时间：{value}', en: 'Received time lies in the future: {value}' },
  PARSE_ERROR: { 'zh-CN': '该行无法解析：{detail}', en: 'The row could not be parsed: {detail}' },
};

export const FLAG_MESSAGES: Record<QualityFlag, Messages> = {
  closed_before_received: { 'zh-CN': '办结时间早于受理时间', en: 'Closed before it was received' },
  negative_response: { 'zh-CN': '首次响应时间早于受理时间', en: 'First response before it was received' },
  future_date: { 'zh-CN': '受理时间晚于导入时间一天以上', en: 'Received more than a day after the import time' },
  instant_closure: { 'zh-CN': '受理后 5 分钟内即办结', en: 'Closed within 5 minutes of being received' },
  coords_swapped: { 'zh-CN': '经纬度填反，已自动交换', en: 'Latitude and longitude were swapped and have been corrected' },
  coords_out_of_range: { 'zh-CN': '坐标无效或超出范围', en: 'Coordinates invalid or out of range' },
  missing_coords: { 'zh-CN': '缺少坐标', en: 'Coordinates missing' },
  unknown_category: { 'zh-CN': '分类未能对应到统一分类', en: 'Category not matched to the unified taxonomy' },
  unparsed_satisfaction: { 'zh-CN': '满意度无法识别', en: 'Satisfaction value not understood' },
  unparsed_status: { 'zh-CN': '办理状态无法识别', en: 'Status value not understood' },
};

function template(code: RejectCode | QualityFlag, locale: ReasonLocale): string {
  const m = (REJECT_MESSAGES as Record<string, Messages>)[code] ?? (FLAG_MESSAGES as Record<string, Messages>)[code];
  if (!m) return code;
  return m[locale] ?? m['zh-CN'];
}

/**
 * The message for a reject code or quality flag with {param}s filled in. Without the params (a summary
 * line), the clause around a missing placeholder is dropped rather than printed as "{value}".
 */
export function formatReason(code: RejectCode | QualityFlag, params: Record<string, string | number>, locale: ReasonLocale = 'zh-CN'): string {
  const t = template(code, locale);
  let out = '';
  let i = 0;
  let missing = false;
  while (i < t.length) {
    const open = t.indexOf('{', i);
    if (open < 0) { out += t.slice(i); break; }
    const close = t.indexOf('}', open);
    if (close < 0) { out += t.slice(i); break; }
    out += t.slice(i, open);
    const name = t.slice(open + 1, close);
    if (Object.prototype.hasOwnProperty.call(params, name)) out += String(params[name]);
    else { out += '…'; missing = true; }
    i = close + 1;
  }
  if (!missing) return out;
  return summary(code, locale) ?? out;
}

/** Parameter-free wording for summaries (counts per reason). */
function summary(code: RejectCode | QualityFlag, locale: ReasonLocale): string | null {
  const zh = locale === 'zh-CN';
  switch (code) {
    case 'BAD_DATE': return zh ? '时间无法识别' : 'Unreadable date-time';
    case 'BAD_NUMBER': return zh ? '数字无法识别' : 'Unreadable number';
    case 'FIELD_TOO_LONG': return zh ? '字段内容过长，可能是引号未闭合' : 'Field too long; a quote may be unbalanced';
    case 'RAGGED_ROW': return zh ? '字段数多于表头' : 'More fields than headers';
    case 'FUTURE_DATE': return zh ? '受理时间晚于当前时间' : 'Received time lies in the future';
    case 'PARSE_ERROR': return zh ? '该行无法解析' : 'The row could not be parsed';
    default: return null;
  }
}
