/**
 * Minimal zip central-directory reader (with ZIP64), used before streaming an XLSX: it proves the
 * file is complete (a truncated zip has no end record, so it fails here instead of hanging a
 * stream), tells an Excel workbook from other zips, and reads small parts (workbook.xml, rels).
 */
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createInflateRaw, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the local file header. */
  offset: number;
}

export interface ZipIndex {
  path: string;
  size: number;
  entries: Map<string, ZipEntry>;
}

export class ZipError extends Error {}

async function readAt(fh: FileHandle, pos: number, len: number): Promise<Buffer> {
  const buf = Buffer.alloc(len);
  let got = 0;
  while (got < len) {
    const { bytesRead } = await fh.read(buf, got, len - got, pos + got);
    if (bytesRead === 0) throw new ZipError('unexpected end of file');
    got += bytesRead;
  }
  return buf;
}

const big = (b: Buffer, at: number): number => Number(b.readBigUInt64LE(at));

export async function readZipIndex(path: string): Promise<ZipIndex> {
  const fh = await open(path, 'r');
  try {
    const size = (await fh.stat()).size;
    const tailLen = Math.min(size, 22 + 0xffff + 20);
    if (tailLen < 22) throw new ZipError('file too short for a zip archive');
    const tail = await readAt(fh, size - tailLen, tailLen);
    let eocd = -1;
    for (let i = tailLen - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
    }
    if (eocd < 0) throw new ZipError('no end-of-central-directory record (the file is truncated or not a zip)');
    let count = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    if ((count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) && eocd >= 20 && tail.readUInt32LE(eocd - 20) === 0x07064b50) {
      const z64 = await readAt(fh, big(tail, eocd - 20 + 8), 56);
      if (z64.readUInt32LE(0) !== 0x06064b50) throw new ZipError('bad ZIP64 end record');
      count = big(z64, 32);
      cdSize = big(z64, 40);
      cdOffset = big(z64, 48);
    }
    if (cdOffset + cdSize > size) throw new ZipError('central directory lies beyond the end of the file (truncated)');
    const cd = await readAt(fh, cdOffset, cdSize);
    const entries = new Map<string, ZipEntry>();
    let p = 0;
    for (let k = 0; k < count; k++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw new ZipError('corrupt central directory');
      const nameLen = cd.readUInt16LE(p + 28), extraLen = cd.readUInt16LE(p + 30), commentLen = cd.readUInt16LE(p + 32);
      const e: ZipEntry = {
        name: cd.toString('utf8', p + 46, p + 46 + nameLen),
        method: cd.readUInt16LE(p + 10),
        compressedSize: cd.readUInt32LE(p + 20),
        size: cd.readUInt32LE(p + 24),
        offset: cd.readUInt32LE(p + 42),
      };
      readZip64Extra(cd.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen), e);
      if (e.offset + e.compressedSize > size) throw new ZipError(`entry ${e.name} lies beyond the end of the file (truncated)`);
      entries.set(e.name, e);
      p += 46 + nameLen + extraLen + commentLen;
    }
    return { path, size, entries };
  } finally {
    await fh.close();
  }
}

function readZip64Extra(extra: Buffer, e: ZipEntry): void {
  let q = 0;
  while (q + 4 <= extra.length) {
    const id = extra.readUInt16LE(q), len = extra.readUInt16LE(q + 2);
    if (id === 0x0001) {
      let r = q + 4;
      if (e.size === 0xffffffff) { e.size = big(extra, r); r += 8; }
      if (e.compressedSize === 0xffffffff) { e.compressedSize = big(extra, r); r += 8; }
      if (e.offset === 0xffffffff) e.offset = big(extra, r);
      return;
    }
    q += 4 + len;
  }
}

async function dataStart(path: string, e: ZipEntry): Promise<number> {
  const fh = await open(path, 'r');
  try {
    const h = await readAt(fh, e.offset, 30);
    if (h.readUInt32LE(0) !== 0x04034b50) throw new ZipError(`bad local header for ${e.name}`);
    return e.offset + 30 + h.readUInt16LE(26) + h.readUInt16LE(28);
  } finally {
    await fh.close();
  }
}

function checkMethod(e: ZipEntry): void {
  if (e.method !== 0 && e.method !== 8) throw new ZipError(`unsupported compression method ${e.method} for ${e.name}`);
}

/** The whole (small) entry, inflated. */
export async function readEntry(zip: ZipIndex, name: string): Promise<Buffer | null> {
  const e = zip.entries.get(name);
  if (!e) return null;
  checkMethod(e);
  const start = await dataStart(zip.path, e);
  const fh = await open(zip.path, 'r');
  try {
    const data = e.compressedSize ? await readAt(fh, start, e.compressedSize) : Buffer.alloc(0);
    return e.method === 0 ? data : inflateRawSync(data);
  } finally {
    await fh.close();
  }
}

/** The entry as a stream of inflated bytes (for large parts such as shared strings). */
export async function entryStream(zip: ZipIndex, name: string): Promise<Readable | null> {
  return (await entryReader(zip, name))?.stream ?? null;
}

export interface EntryReader {
  /** Inflated bytes, in chunks of up to 64 KB. */
  stream: Readable;
  /** Offset in the zip file of the compressed bytes read so far (for progress). */
  position: () => number;
  close: () => void;
}

/** The entry as a stream of inflated bytes (native zlib), with its progress through the file. */
export async function entryReader(zip: ZipIndex, name: string): Promise<EntryReader | null> {
  const e = zip.entries.get(name);
  if (!e) return null;
  checkMethod(e);
  const start = await dataStart(zip.path, e);
  if (e.compressedSize === 0) return { stream: Readable.from([]), position: () => start, close: () => undefined };
  const raw = createReadStream(zip.path, { start, end: start + e.compressedSize - 1, highWaterMark: 1 << 20 });
  const position = (): number => start + raw.bytesRead;
  if (e.method === 0) return { stream: raw, position, close: () => void raw.destroy() };
  const inflate = createInflateRaw({ chunkSize: 64 << 10 });
  raw.on('error', (err) => inflate.destroy(err));
  inflate.on('close', () => raw.destroy());
  raw.pipe(inflate);
  return { stream: inflate, position, close: () => { inflate.destroy(); raw.destroy(); } };
}
