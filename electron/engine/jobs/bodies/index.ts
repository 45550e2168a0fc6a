import type { JobBody } from '../types';
import { demoJob } from './demo';
import { sleepJob } from './sleep';

/** Every job kind a worker can run. Bodies are synchronous and run inside one transaction. */
export const JOB_BODIES: Record<string, JobBody<never, unknown>> = {
  'demo.generate': demoJob as JobBody<never, unknown>,
  'test.write': sleepJob as JobBody<never, unknown>,
};
