import type { EventBus } from './events';
import type { JobRunner } from './jobs/runner';
import type { AppSettings } from './services/app-settings';
import type { ProjectService } from './services/projects';

export type EngineHost = 'electron' | 'browser' | 'cli' | 'test';

/** Everything a handler may use. Built once per engine process. */
export interface EngineContext {
  readonly version: string;
  readonly host: EngineHost;
  readonly dataDir: string;
  readonly events: EventBus;
  readonly jobs: JobRunner;
  readonly settings: AppSettings;
  readonly projects: ProjectService;
}
