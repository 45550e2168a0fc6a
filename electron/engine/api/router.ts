import type { Handlers } from './types';
import { appHandlers } from './handlers/app';
import { projectHandlers } from './handlers/project';
import { jobHandlers } from './handlers/jobs';
import { recordHandlers } from './handlers/records';
import { importHandlers } from './handlers/import';
import { packageHandlers } from './handlers/package';
import { taxonomyHandlers } from './handlers/taxonomy';
import { statsHandlers } from './handlers/stats';
import { mapHandlers } from './handlers/map';
import { layersHandlers } from './handlers/layers';
import { gazetteerHandlers } from './handlers/gazetteer';
import { auditHandlers } from './handlers/audit';
import { desktopHandlers } from './handlers/desktop';
import { alertHandlers } from './handlers/alerts';
import { textHandlers } from './handlers/text';
import { evaluationHandlers } from './handlers/evaluation';
import { reportHandlers } from './handlers/report';

/** Every contract method, each handled exactly once; the `Handlers` type makes a missing one a compile error. */
export const handlers: Handlers = {
  ...appHandlers,
  ...projectHandlers,
  ...jobHandlers,
  ...recordHandlers,
  ...importHandlers,
  ...packageHandlers,
  ...taxonomyHandlers,
  ...statsHandlers,
  ...mapHandlers,
  ...layersHandlers,
  ...gazetteerHandlers,
  ...auditHandlers,
  ...desktopHandlers,
  ...alertHandlers,
  ...textHandlers,
  ...evaluationHandlers,
  ...reportHandlers,
};
