/**
 * cyrb53: a fast, well-distributed 53-bit string hash (public domain, bryc). Not cryptographic — used to give
 * rows without an id column a stable key so re-importing the same file deduplicates.
 */
export function cyrb53(s: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The hash as a short fixed-width key: 'h' + 11 base-36 digits. */
export function hashKey(s: string): string {
  return `h${cyrb53(s).toString(36).padStart(11, '0')}`;
}
