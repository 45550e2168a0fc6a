/**
 * Personal information in free text (detection by shared/domain/text/pii.ts): masked (partly starred),
 * redacted (replaced by the kind's name) or kept, with counts of what was found.
 */
import { detectPii, maskPii, type PiiKind, type PiiSpan } from '../text/pii';

export type TextRule = 'keep' | 'mask' | 'redact';

/** What a redacted value becomes: the kind in brackets. */
export const REDACTED: Record<PiiKind, string> = {
  mobile: '[手机号]', landline: '[电话]', idCard: '[身份证号]', bankCard: '[银行卡号]', email: '[邮箱]', plate: '[车牌]',
};

/** The text with the given spans (default: every detected one) masked, redacted or kept. */
export function scrubText(text: string, rule: TextRule, spans: readonly PiiSpan[] = detectPii(text)): string {
  if (rule === 'keep' || spans.length === 0) return text;
  if (rule === 'mask') return maskPii(text, spans);
  let out = '';
  let at = 0;
  for (const s of spans) { out += text.slice(at, s.start) + REDACTED[s.kind]; at = s.end; }
  return out + text.slice(at);
}

const ADDRESS_NUMBER = /(\d+|[一二三四五六七八九十百零〇]+)(?=\s*(?:号楼|号院|号|栋|幢|座|单元|室|层|楼|弄|巷|户))/g;

/** House, building, unit and room numbers starred: 中山路12号3栋502室 → 中山路**号*栋***室. */
export function maskAddressNumbers(address: string): string {
  return address.replace(ADDRESS_NUMBER, (m) => '*'.repeat([...m].length));
}
