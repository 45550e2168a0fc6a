import type Database from 'better-sqlite3';

export interface PendingDerived { id: number; builder: string; change: unknown }

/** The queue of derived data still owed (table derived_pending, migration 010). */
export class SqliteDerivedRepository {
  constructor(private readonly db: Database.Database) {}

  enqueue(builder: string, change: unknown, at: number): void {
    this.db.prepare('INSERT INTO derived_pending(builder, change_json, created_at) VALUES (?, ?, ?)').run(builder, JSON.stringify(change), at);
  }

  pending(): PendingDerived[] {
    return (this.db.prepare('SELECT id, builder, change_json FROM derived_pending ORDER BY id').all() as { id: number; builder: string; change_json: string }[])
      .map((r) => ({ id: r.id, builder: r.builder, change: JSON.parse(r.change_json) }));
  }

  hasPending(): boolean {
    return this.db.prepare('SELECT 1 FROM derived_pending LIMIT 1').get() !== undefined;
  }

  /** Names of the builders with work queued, in queue order. */
  pendingBuilders(): string[] {
    return (this.db.prepare('SELECT builder FROM derived_pending GROUP BY builder ORDER BY min(id)').all() as { builder: string }[]).map((r) => r.builder);
  }

  done(id: number): void {
    this.db.prepare('DELETE FROM derived_pending WHERE id = ?').run(id);
  }

  /** Drops queued work of one builder: all of it, or only the `batch-added` of one batch. */
  drop(builder: string, batchId?: number): void {
    if (batchId === undefined) this.db.prepare('DELETE FROM derived_pending WHERE builder = ?').run(builder);
    else this.db.prepare("DELETE FROM derived_pending WHERE builder = ? AND json_extract(change_json, '$.kind') = 'batch-added' AND json_extract(change_json, '$.batchId') = ?").run(builder, batchId);
  }
}
