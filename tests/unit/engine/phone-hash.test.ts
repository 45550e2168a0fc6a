import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { phoneHasher } from '../../../electron/engine/services/import/hash';

describe('caller phone hashing', () => {
  it('is the salted SHA-256 (first 128 bits, hex), stable and salt-dependent', () => {
    const h = phoneHasher('salt-1');
    expect(h('13800138000')).toBe(createHash('sha256').update('salt-1:13800138000').digest('hex').slice(0, 32));
    expect(h('13800138000')).toBe(h('13800138000'));
    expect(phoneHasher('salt-2')('13800138000')).not.toBe(h('13800138000'));
    expect(h('13800138001')).not.toBe(h('13800138000'));
  });
});
