import { describe, expect, it } from 'vitest';
import { nextRate, type RateState } from '../../../electron/engine/jobs/rate';

describe('job progress rate', () => {
  it('smooths the rate within a phase and starts afresh when the phase changes', () => {
    let s: RateState = { at: 0, done: 0, total: null, rate: null };
    s = nextRate(s, 0, 1000, 0);
    expect(s.rate).toBeNull();
    s = nextRate(s, 100, 1000, 1000);           // 100/s
    expect(s.rate).toBe(100);
    expect(nextRate(s, 150, 1000, 1200)).toBe(s); // under half a second: unchanged
    s = nextRate(s, 400, 1000, 2000);           // 300/s → (100 + 300) / 2
    expect(s.rate).toBe(200);
    // a second phase with its own total: no negative or stale rate carried over
    s = nextRate(s, 500, 22_841, 2600);
    expect(s.rate).toBeNull();
    s = nextRate(s, 1500, 22_841, 3600);
    expect(s.rate).toBe(1000);
    // done going back within the same total (a restarted pass) also restarts the rate
    s = nextRate(s, 10, 22_841, 4600);
    expect(s.rate).toBeNull();
  });
});
