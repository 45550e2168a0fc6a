import type { JobBody } from '../types';
import { demoJob } from './demo';
import { sleepJob } from './sleep';
import { importJob } from './import';
import { crosswalkApplyJob, removeBatchJob, taxonomyFromDataJob, taxonomyImportJob } from './maintenance';

/** Every job kind a worker can run. The runner holds one transaction around each. */
export const JOB_BODIES: Record<string, JobBody<never, unknown>> = {
  'demo.generate': demoJob as JobBody<never, unknown>,
  'test.write': sleepJob as JobBody<never, unknown>,
  'import.file': importJob as JobBody<never, unknown>,
  'import.removeBatch': removeBatchJob as JobBody<never, unknown>,
  'crosswalk.apply': crosswalkApplyJob as JobBody<never, unknown>,
  'taxonomy.import': taxonomyImportJob as JobBody<never, unknown>,
  'taxonomy.fromData': taxonomyFromDataJob as JobBody<never, unknown>,
};
