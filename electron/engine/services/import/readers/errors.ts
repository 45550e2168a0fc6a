/**
 * Errors of the readers. All are ApiError('BAD_INPUT') with a bilingual detail for now
 * (dedicated codes may follow); `notImportable` names what a binary file looks like.
 */
import { ApiError } from '../../../../../shared/api/errors';

export function badInput(zh: string, en: string): ApiError {
  return new ApiError('BAD_INPUT', { detail: `${zh} / ${en}` });
}

export function notImportable(whatZh: string, whatEn: string): ApiError {
  return badInput(`不是可导入的表格文件（看起来是${whatZh}）`, `not an importable table (looks like ${whatEn})`);
}

/** Wraps a parser's own failure (zip, XML, JSON) into a clear BAD_INPUT; ApiErrors pass through. */
export function asReadError(e: unknown, kindZh: string, kindEn: string): ApiError {
  if (e instanceof ApiError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  return badInput(`${kindZh}已损坏或不完整，无法读取（${msg}）`, `the ${kindEn} is corrupt or incomplete and cannot be read (${msg})`);
}

/** `weak`: an ASCII-looking signature that counts only when control bytes follow (a CSV may start with "MZ"). */
interface Magic { bytes: (number | null)[]; zh: string; en: string; weak?: boolean }

/** Signatures of common non-table files (null = any byte). */
const MAGICS: Magic[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], zh: ' PNG 图片', en: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], zh: ' JPEG 图片', en: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], zh: ' GIF 图片', en: 'a GIF image' },
  { bytes: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50], zh: ' WebP 图片', en: 'a WebP image' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], zh: ' PDF 文档', en: 'a PDF document' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], zh: '程序文件（ELF）', en: 'an executable (ELF)' },
  { bytes: [0x4d, 0x5a], zh: '程序文件（Windows EXE/DLL）', en: 'a Windows executable (EXE/DLL)', weak: true },
  { bytes: [0xcf, 0xfa, 0xed, 0xfe], zh: '程序文件（macOS）', en: 'a macOS executable' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], zh: '旧版 Office 文件（.xls/.doc 97-2003），请在 Excel 中另存为 .xlsx 或 CSV 后再导入', en: 'an old Office file (.xls/.doc 97-2003); save it as .xlsx or CSV in Excel, then import that' },
  { bytes: [0x1f, 0x8b], zh: ' gzip 压缩包，请先解压', en: 'a gzip archive; extract it first' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], zh: ' 7z 压缩包，请先解压', en: 'a 7z archive; extract it first' },
  { bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], zh: ' RAR 压缩包，请先解压', en: 'a RAR archive; extract it first' },
  { bytes: [0x42, 0x5a, 0x68], zh: ' bzip2 压缩包，请先解压', en: 'a bzip2 archive; extract it first', weak: true },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], zh: ' xz 压缩包，请先解压', en: 'an xz archive; extract it first' },
  { bytes: [...Buffer.from('SQLite format 3\0')], zh: ' SQLite 数据库', en: 'an SQLite database' },
  { bytes: [0x50, 0x41, 0x52, 0x31], zh: ' Parquet 文件（暂不支持）', en: 'a Parquet file (not supported yet)', weak: true },
  { bytes: [0x00, 0x00, 0x00, null, 0x66, 0x74, 0x79, 0x70], zh: '音视频文件', en: 'an audio/video file' },
  { bytes: [0x49, 0x44, 0x33], zh: ' MP3 音频', en: 'an MP3 audio file', weak: true },
  { bytes: [0x4f, 0x67, 0x67, 0x53], zh: ' Ogg 音频', en: 'an Ogg audio file', weak: true },
];

/** The description of a known binary signature at the start of `head`, or null. */
export function binarySignature(head: Uint8Array): { zh: string; en: string } | null {
  for (const m of MAGICS) {
    if (head.length < m.bytes.length) continue;
    if (!m.bytes.every((b, i) => b === null || head[i] === b)) continue;
    if (m.weak && !hasControlBytes(head.subarray(0, 512))) continue;
    return { zh: m.zh, en: m.en };
  }
  return null;
}

/** True when control bytes occur that text never has: NUL, 0x01-0x08, 0x0E-0x1F except ESC. */
export function hasControlBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) return true;
  }
  return false;
}
