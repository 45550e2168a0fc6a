import type { JobContext } from '../../jobs/types';
import { SqliteDerivedRepository } from '../../db/repos/derived-repo';
import { timed } from './timing';

/**
 * Derived data kept current with the records: summary tables, the full-text index, spatial
 * assignments… Every job that changes records calls `updateDerived` inside its own transaction, so
 * derived data and records commit (or roll back) together — except the expensive builders' share of
 * a large import, which is queued (table derived_pending, same transaction) and done by the follow-up
 * `derived.refresh` job (see refresh.ts).
 */
export type RecordsChange =
  | { readonly kind: 'batch-added'; readonly batchId: number }
  | { readonly kind: 'batch-removed'; readonly batchId: number }
  /** Categories or other standardised values of existing records changed (crosswalk re-applied). */
  | { readonly kind: 'recategorised' }
  /** The records table was rewritten wholesale (the synthetic demo). */
  | { readonly kind: 'rebuilt' };

export interface DerivedBuilder {
  /** Short stable name, shown in progress messages and logs. */
  readonly name: string;
  /**
   * Brings this builder's derived data up to date. Runs inside the job's transaction. `prepared` is
   * what the job built for this builder on the way (e.g. an import's columns of its new batch), if any.
   */
  update(ctx: JobContext, change: RecordsChange, prepared?: unknown): void | Promise<void>;
}

/** The registered builders, run in this order. Each capability adds one line. */
const BUILDERS: readonly (() => Promise<DerivedBuilder>)[] = [
  async () => (await import('../layers/derived')).geoBuilder,
  async () => (await import('../stats/builder')).statsBuilder,
  async () => (await import('../map/derived')).mapBuilder,
  async () => (await import('../text/builder')).textBuilder,
  async () => (await import('../alerts/derived')).alertsBuilder,
];

/**
 * Builders whose `batch-added` work may be left to the refresh job: measured at 200,000 rows they
 * took 34 s (text: segmentation, bigram FTS) and 4.3 s (alerts) against ~3 s each for stats and map
 * chunks and nothing for the overlay without layers. The geo overlay stays inline because the
 * dashboard columns (stats) read its assignments.
 */
export const DEFERRABLE: ReadonlySet<string> = new Set(['text', 'alerts']);

export async function loadBuilders(): Promise<DerivedBuilder[]> {
  return Promise.all(BUILDERS.map((load) => load()));
}

/**
 * Record-changing jobs of at least this many new, updated or rewritten records leave the deferrable
 * builders' work to the `derived.refresh` job (imports and the synthetic demo alike).
 */
export const DEFER_MIN_ROWS = Number(process.env.MINSHENG_DERIVED_DEFER_MIN_ROWS ?? 50_000);

export interface UpdateOptions {
  /** Queue the deferrable builders' work (a new batch, or a rebuilt record set) instead of doing it now. */
  readonly defer?: boolean;
  /** Work a job did on the way, by builder name (passed to that builder's update). */
  readonly prepared?: Readonly<Record<string, unknown>>;
}

export async function updateDerived(ctx: JobContext, change: RecordsChange, opts: UpdateOptions = {}): Promise<void> {
  const queue = new SqliteDerivedRepository(ctx.db);
  for (const b of await loadBuilders()) {
    ctx.checkCancelled();
    if (DEFERRABLE.has(b.name)) {
      // Owed work that this change makes moot: a removed batch needs no indexing, a rebuild redoes all.
      if (change.kind === 'batch-removed') queue.drop(b.name, change.batchId);
      if (change.kind === 'rebuilt') queue.drop(b.name);
      if ((change.kind === 'batch-added' || change.kind === 'rebuilt') && opts.defer) { queue.enqueue(b.name, change, ctx.now()); continue; }
    }
    await timed(`derived:${b.name}`, () => b.update(ctx, change, opts.prepared?.[b.name]));
  }
}

/** Works off the queue in order (body of the `derived.refresh` job; one transaction, so a cancel keeps the queue). */
export async function refreshDerived(ctx: JobContext): Promise<{ changes: number; builders: string[] }> {
  const queue = new SqliteDerivedRepository(ctx.db);
  const byName = new Map((await loadBuilders()).map((b) => [b.name, b]));
  const items = queue.pending();
  const names = new Set<string>();
  for (const item of items) {
    ctx.checkCancelled();
    const b = byName.get(item.builder);
    if (b) await timed(`refresh:${b.name}`, () => b.update(ctx, item.change as RecordsChange));
    names.add(item.builder);
    queue.done(item.id);
  }
  return { changes: items.length, builders: [...names] };
}
