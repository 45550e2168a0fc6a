/**
 * Which cell styles of a workbook show numbers as dates: styles.xml's `<cellXfs>` list (the `s`
 * attribute of a cell indexes it) and the number format each uses, built-in or custom `<numFmt>`.
 */
import { attribute, eachAttribute, endsName, rootPrefix } from './xlsx-xml';

/**
 * Built-in date/time formats: 14–22 and 45–47 everywhere, 27–36 and 50–58 in Chinese, Japanese and
 * Korean locales (e.g. 31 = yyyy"年"m"月"d"日"), which is where these files come from.
 */
const BUILTIN_DATE = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** True for a number format code that shows a date or time (y, m, d, h, s outside quotes, [colour] and escapes). */
export function isDateFormat(code: string): boolean {
  if (!code) return false;
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/[_*]./g, '');
  if (/^general$/i.test(bare.trim())) return false;
  return /[ymdhs]/i.test(bare);
}

/** For each style index (`s` of a cell): 1 when it formats numbers as dates. */
export function dateStyles(stylesXml: string | null): Uint8Array {
  if (!stylesXml) return new Uint8Array(0);
  const p = rootPrefix(stylesXml, 'styleSheet') ?? '';
  const custom = new Map<number, string>();
  const fmtTag = `<${p}numFmt`;
  for (let i = stylesXml.indexOf(fmtTag); i >= 0; i = stylesXml.indexOf(fmtTag, i + 1)) {
    if (!endsName(stylesXml.charCodeAt(i + fmtTag.length))) continue;
    const e = stylesXml.indexOf('>', i);
    if (e < 0) break;
    const id = Number(attribute(stylesXml, i + fmtTag.length, e, 'numFmtId'));
    const code = attribute(stylesXml, i + fmtTag.length, e, 'formatCode');
    if (Number.isInteger(id) && code !== null) custom.set(id, code);
  }
  const open = `<${p}cellXfs`;
  let a = stylesXml.indexOf(open);
  while (a >= 0 && !endsName(stylesXml.charCodeAt(a + open.length))) a = stylesXml.indexOf(open, a + 1);
  if (a < 0) return new Uint8Array(0);
  const close = stylesXml.indexOf(`</${p}cellXfs>`, a);
  const end = close < 0 ? stylesXml.length : close;
  const flags: number[] = [];
  const xfTag = `<${p}xf`;
  for (let i = stylesXml.indexOf(xfTag, a); i >= 0 && i < end; i = stylesXml.indexOf(xfTag, i + 1)) {
    if (!endsName(stylesXml.charCodeAt(i + xfTag.length))) continue;
    const e = stylesXml.indexOf('>', i);
    let id = 0;
    eachAttribute(stylesXml, i + xfTag.length, e, (ns, ne, vs, ve) => {
      if (stylesXml.slice(ns, ne) === 'numFmtId') id = Number(stylesXml.slice(vs, ve));
    });
    const code = custom.get(id);
    flags.push(code !== undefined ? (isDateFormat(code) ? 1 : 0) : BUILTIN_DATE.has(id) ? 1 : 0);
  }
  return Uint8Array.from(flags);
}
