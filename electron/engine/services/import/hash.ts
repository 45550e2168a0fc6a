import crypto, { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';

/** SHA-256 of a file, streamed. */
export async function sha256File(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** The project's phone salt, created once; caller hashes are comparable within a project only. */
export function newSalt(): string {
  return randomBytes(16).toString('hex');
}

/** One-shot crypto.hash (Node ≥ 20.12, as in Electron) is cheaper per call than createHash. */
const oneShot = (crypto as unknown as { hash?: (alg: string, data: string, enc: 'hex') => string }).hash;
const sha256Hex = oneShot ? (s: string) => oneShot('sha256', s, 'hex') : (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * The caller hash: first 128 bits (hex) of SHA-256 of `${salt}:${phone}`. No cache: measured on the
 * import bench, a Map of seen phones cost 1.9 µs per (mostly new) phone, crypto.hash itself 0.45 µs.
 */
export function phoneHasher(salt: string): (phone: string) => string {
  const prefix = `${salt}:`;
  return (phone) => sha256Hex(prefix + phone).slice(0, 32);
}
