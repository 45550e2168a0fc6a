import { describe, expect, it } from 'vitest';
import { formatBytes, formatScore, formatShanghai } from '../../../renderer/src/features/records/format';

describe('formatting', () => {
  it('formats instants in Asia/Shanghai (+08:00) regardless of the machine zone', () => {
    expect(formatShanghai(Date.UTC(2024, 0, 31, 16, 5))).toBe('2024-02-01 00:05');
    expect(formatShanghai(Date.UTC(2020, 1, 1, 2, 0))).toBe('2020-02-01 10:00');
    expect(formatShanghai(null)).toBe('');
    expect(formatShanghai(Number.NaN)).toBe('');
  });
  it('formats sizes and scores', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10.0 MB');
    expect(formatScore(4)).toBe('4');
    expect(formatScore(3.456)).toBe('3.46');
    expect(formatScore(null)).toBe('');
  });
});
