import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import type { EngineContext, EngineHost } from './context';
import { EventBus } from './events';
import { JobRunner } from './jobs/runner';
import { AppSettings } from './services/app-settings';
import { ProjectService } from './services/projects';
import { createDispatcher, type Dispatcher } from './api/dispatch';
import { handlers } from './api/router';
import { installDerivedRefresh } from './services/derived/auto';

export const APP_VERSION = '0.1.0';

export function defaultDataDir(): string {
  if (process.env.MINSHENG_DATA_DIR) return path.resolve(process.env.MINSHENG_DATA_DIR);
  return path.join(os.homedir(), '.minsheng');
}

export interface Engine {
  readonly ctx: EngineContext;
  readonly dispatcher: Dispatcher;
  shutdown(): Promise<void>;
}

/** Builds the engine: the same object behind every transport (HTTP, parent port, CLI, tests). */
export function createEngine(opts: { host: EngineHost; dataDir?: string; progressIntervalMs?: number }): Engine {
  const dataDir = path.resolve(opts.dataDir ?? defaultDataDir());
  fs.mkdirSync(dataDir, { recursive: true });
  const events = new EventBus();
  const settings = new AppSettings(dataDir);
  const jobs = new JobRunner(events, { progressIntervalMs: opts.progressIntervalMs });
  const projects = new ProjectService(settings, events, APP_VERSION);
  const ctx: EngineContext = { version: APP_VERSION, host: opts.host, dataDir, events, jobs, settings, projects };
  const dispatcher = createDispatcher(handlers, ctx);
  installDerivedRefresh(ctx);
  return {
    ctx,
    dispatcher,
    async shutdown() {
      await jobs.shutdown();
      projects.close(false);
    },
  };
}
