import type { JobContext } from '../../jobs/types';

/**
 * Derived data kept current with the records: summary tables, the full-text index, spatial
 * assignments… Every job that changes records calls `updateDerived` inside its own transaction, so
 * derived data and records commit (or roll back) together.
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
  /** Brings this builder's derived data up to date. Runs inside the job's transaction. */
  update(ctx: JobContext, change: RecordsChange): void | Promise<void>;
}

/** The registered builders, run in this order. Each capability adds one line. */
const BUILDERS: readonly (() => Promise<DerivedBuilder>)[] = [
  async () => (await import('../layers/derived')).geoBuilder,
  async () => (await import('../stats/builder')).statsBuilder,
  async () => (await import('../map/derived')).mapBuilder,
  async () => (await import('../text/builder')).textBuilder,
  async () => (await import('../alerts/derived')).alertsBuilder,
];

export async function updateDerived(ctx: JobContext, change: RecordsChange): Promise<void> {
  for (const load of BUILDERS) {
    const b = await load();
    ctx.checkCancelled();
    await b.update(ctx, change);
  }
}
