import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sweepStaleBundles } from '../../../electron/engine/jobs/dev-worker';

describe('dev worker bundles', () => {
  let dir = '';
  afterEach(() => { if (dir) fs.rmSync(dir, { recursive: true, force: true }); });

  it('removes the bundles of ended processes and keeps live ones, its own and unrelated files', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-sweep-'));
    const names = ['worker-101.cjs', 'worker-202.cjs', `worker-${process.pid}.cjs`, 'notes.txt', 'worker-x.cjs'];
    for (const n of names) fs.writeFileSync(path.join(dir, n), '');
    const removed = sweepStaleBundles(dir, (pid) => pid === 202);
    expect(removed).toBe(1);
    expect(fs.readdirSync(dir).sort()).toEqual(['notes.txt', 'worker-202.cjs', `worker-${process.pid}.cjs`, 'worker-x.cjs'].sort());
    expect(sweepStaleBundles(path.join(dir, 'missing'))).toBe(0);
  });
});
