import type { Handlers } from './types';
import { appHandlers } from './handlers/app';
import { projectHandlers } from './handlers/project';
import { jobHandlers } from './handlers/jobs';
import { recordHandlers } from './handlers/records';
import { importHandlers } from './handlers/import';
import { taxonomyHandlers } from './handlers/taxonomy';
import { mapHandlers } from './handlers/map';
import { layersHandlers } from './handlers/layers';
import { auditHandlers } from './handlers/audit';
import { textHandlers } from './handlers/text';

/** Every contract method, each handled exactly once; the `Handlers` type makes a missing one a compile error. */
export const handlers: Handlers = {
  ...appHandlers,
  ...projectHandlers,
  ...jobHandlers,
  ...recordHandlers,
  ...importHandlers,
  ...taxonomyHandlers,
  ...mapHandlers,
  ...layersHandlers,
  ...auditHandlers,
  ...textHandlers,
};
