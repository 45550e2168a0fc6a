/** Job body of 'demo.generate' / 'project.openDemo': writes a synthetic city extract. */
import { DEFAULT_DEMO_SEED, writeDemo, type DemoResult } from '../../services/demo';
import { DEFER_MIN_ROWS, updateDerived } from '../../services/derived';
import type { JobBody } from '../types';

export interface DemoJobParams {
  records: number;
  /** Defaults to DEFAULT_DEMO_SEED so the standard demo is the same everywhere. */
  seed?: number;
}

export const demoJob: JobBody<DemoJobParams, DemoResult> = async (ctx, params) => {
  const out = writeDemo(ctx, { records: params.records, seed: params.seed ?? DEFAULT_DEMO_SEED });
  // like a large import, a large demo leaves the full-text index and alert detection to the refresh job
  await updateDerived(ctx, { kind: 'rebuilt' }, { defer: out.records >= DEFER_MIN_ROWS });
  return out;
};
