/**
 * A batch summary built row by row and stored in parts of PART_ROWS rows as they fill, so memory stays
 * flat for any batch size: the dashboard columns (stats/stream.ts) and the map chunk (map/stream.ts).
 * Parts concatenate in order when read.
 */

/** Rows per stored part of a streamed batch (tests lower it with MINSHENG_IMPORT_PART_ROWS). */
export const PART_ROWS = Number(process.env.MINSHENG_IMPORT_PART_ROWS ?? 262_144);

export interface PartStore<B> {
  /** Removes every stored part of the batch. */
  clear(): void;
  /** Stores the (non-empty) builder as part `part`. */
  write(b: B, part: number): void;
}

export class PartedBuilder<B extends { readonly rows: number }> {
  private b: B | null;
  private parts = 0;
  constructor(private readonly make: () => B, private readonly store: PartStore<B>) {
    this.b = make();
  }
  /** The builder the next row goes to (until finish or discard). */
  get current(): B { return this.b!; }
  /** After a row was added: a full part is stored and a new one begun. */
  added(): void {
    if (this.b!.rows >= PART_ROWS) this.flush();
  }
  private flush(): void {
    if (this.parts === 0) this.store.clear();
    this.store.write(this.b!, this.parts++);
    this.b = this.make();
  }
  /** Stores the last part (a batch without rows keeps none); false when already finished or discarded. */
  finish(): boolean {
    if (!this.b) return false;
    if (this.b.rows > 0) this.flush();
    else if (this.parts === 0) this.store.clear();
    this.b = null;
    return true;
  }
  /** Removes the parts stored so far and lets the rest go. */
  discard(): void {
    if (this.parts > 0) this.store.clear();
    this.b = null;
  }
}
