// Development bootstrap: lets a worker thread run the TypeScript worker entry through tsx.
// Bundled builds (Electron, installers) start dist/engine/worker.cjs directly instead.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.__entry);
