import { createHash, randomBytes } from 'node:crypto';
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

export function phoneHasher(salt: string): (phone: string) => string {
  const cache = new Map<string, string>();
  return (phone) => {
    let h = cache.get(phone);
    if (h === undefined) {
      h = createHash('sha256').update(`${salt}:${phone}`).digest('hex').slice(0, 32);
      if (cache.size < 200_000) cache.set(phone, h);
    }
    return h;
  };
}
