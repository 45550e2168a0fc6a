import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { ApiError } from '../../../shared/api/errors';
import type { ProjectInfo } from '../../../shared/model/project';
import { PROJECT_EXTENSION } from '../../../shared/model/project';
import { createProjectFile, openProjectFile, type ProjectHandle } from '../db/project-file';
import { SqliteProjectRepository } from '../db/repos/project-repo';
import { SqliteAuditRepository } from '../db/repos/audit-repo';
import { SqliteRecordsRepository } from '../db/repos/records-repo';
import { SqliteImportRepository } from '../db/repos/import-repo';
import { SqliteTaxonomyRepository } from '../db/repos/taxonomy-repo';
import { SqliteTemplateRepository } from '../db/repos/template-repo';
import type { AppSettings } from './app-settings';
import type { EventBus } from '../events';
import { SqliteDerivedRepository } from '../db/repos/derived-repo';

export interface OpenProject {
  handle: ProjectHandle;
  meta: SqliteProjectRepository;
  audit: SqliteAuditRepository;
  records: SqliteRecordsRepository;
  imports: SqliteImportRepository;
  taxonomy: SqliteTaxonomyRepository;
  templates: SqliteTemplateRepository;
}

/** Expands `~` and adds the project extension when the user typed none. */
export function normaliseProjectPath(p: string): string {
  let out = p.trim();
  if (out === '~' || out.startsWith('~/')) out = path.join(os.homedir(), out.slice(1));
  out = path.resolve(out);
  if (!path.extname(out)) out += PROJECT_EXTENSION;
  return out;
}

/** Owns the one project this engine has open. */
export class ProjectService {
  private current: OpenProject | null = null;
  constructor(private readonly settings: AppSettings, private readonly events: EventBus, private readonly appVersion: string) {}

  get open(): OpenProject | null { return this.current; }

  require(): OpenProject {
    if (!this.current) throw new ApiError('NO_PROJECT');
    return this.current;
  }

  create(p: string, actor = 'user'): ProjectInfo {
    const file = normaliseProjectPath(p);
    createProjectFile(file, this.appVersion);
    return this.openFile(file, actor, 'project.create');
  }

  openFile(p: string, actor = 'user', action = 'project.open'): ProjectInfo {
    const file = normaliseProjectPath(p);
    if (this.current?.handle.path === file) return this.info();
    const handle = openProjectFile(file);
    this.close(false);
    const db = handle.db;
    this.current = { handle, meta: new SqliteProjectRepository(db), audit: new SqliteAuditRepository(db), records: new SqliteRecordsRepository(db),
      imports: new SqliteImportRepository(db), taxonomy: new SqliteTaxonomyRepository(db), templates: new SqliteTemplateRepository(db) };
    this.current.audit.append({ at: Date.now(), actor, action, detail: { path: file, fromVersion: handle.openedFromVersion, backup: handle.backupPath } });
    const info = this.info();
    this.settings.touchRecent(file, info.name);
    this.events.emit('project.changed', { project: info });
    return info;
  }

  close(emit = true): boolean {
    if (!this.current) return false;
    this.current.handle.close();
    this.current = null;
    if (emit) this.events.emit('project.changed', { project: null });
    return true;
  }

  info(): ProjectInfo {
    const cur = this.require();
    const file = cur.handle.path;
    let size = 0;
    for (const f of [file, `${file}-wal`]) {
      try { size += fs.statSync(f).size; } catch { /* no wal */ }
    }
    return {
      path: file,
      name: path.basename(file, PROJECT_EXTENSION),
      schemaVersion: cur.handle.db.pragma('user_version', { simple: true }) as number,
      fileSizeBytes: size,
      synthetic: cur.meta.getMeta('synthetic') === '1',
      createdAt: cur.meta.getMeta('created_at') ?? '',
      counts: cur.meta.tableCounts(),
      derivedPending: new SqliteDerivedRepository(cur.handle.db).hasPending(),
    };
  }
}
