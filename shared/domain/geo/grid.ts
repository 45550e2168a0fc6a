/**
 * A uniform grid over bounding boxes, stored as compressed rows (cell → item numbers) in typed
 * arrays: a point or small box query touches one to a few cells and allocates nothing, which makes
 * millions of point-in-polygon and nearest-road queries several times cheaper than a tree search
 * that returns a fresh array per query.
 */

export class BoxGrid {
  readonly x0: number; readonly y0: number;
  readonly nx: number; readonly ny: number;
  readonly cw: number; readonly ch: number;
  /** Items of cell c: items[start[c] .. start[c + 1]). */
  readonly start: Int32Array;
  readonly items: Int32Array;

  /** boxes: minX, minY, maxX, maxY per item. `perCell`: target items per cell on average. */
  constructor(boxes: Float64Array, perCell = 1) {
    const n = boxes.length >> 2;
    let x0 = Infinity; let y0 = Infinity; let x1 = -Infinity; let y1 = -Infinity;
    let sw = 0; let sh = 0;
    for (let i = 0; i < n; i++) {
      const a = boxes[4 * i]; const b = boxes[4 * i + 1]; const c = boxes[4 * i + 2]; const d = boxes[4 * i + 3];
      if (a < x0) x0 = a; if (b < y0) y0 = b; if (c > x1) x1 = c; if (d > y1) y1 = d;
      sw += c - a; sh += d - b;
    }
    if (!n) { x0 = 0; y0 = 0; x1 = 1; y1 = 1; }
    const w = Math.max(x1 - x0, 1e-9); const h = Math.max(y1 - y0, 1e-9);
    // Cells about the size of a typical item, but no more than ~4 cells per item overall.
    const target = Math.max(1, Math.min(4 * n, Math.ceil(n / perCell)));
    const avgW = n ? Math.max(sw / n, w / 4096) : w; const avgH = n ? Math.max(sh / n, h / 4096) : h;
    let nx = Math.max(1, Math.round(w / avgW)); let ny = Math.max(1, Math.round(h / avgH));
    const scale = Math.sqrt(target / (nx * ny));
    if (scale < 1) { nx = Math.max(1, Math.floor(nx * scale)); ny = Math.max(1, Math.floor(ny * scale)); }
    this.x0 = x0; this.y0 = y0; this.nx = nx; this.ny = ny; this.cw = w / nx; this.ch = h / ny;
    const counts = new Int32Array(nx * ny + 1);
    this.forEachCell(boxes, n, (c) => { counts[c + 1]++; });
    for (let c = 0; c < nx * ny; c++) counts[c + 1] += counts[c];
    this.start = counts;
    this.items = new Int32Array(counts[nx * ny]);
    const fill = counts.slice(0, nx * ny);
    this.forEachCell(boxes, n, (c, i) => { this.items[fill[c]++] = i; });
  }

  private forEachCell(boxes: Float64Array, n: number, f: (cell: number, item: number) => void): void {
    for (let i = 0; i < n; i++) {
      const cx0 = this.col(boxes[4 * i]); const cy0 = this.row(boxes[4 * i + 1]);
      const cx1 = this.col(boxes[4 * i + 2]); const cy1 = this.row(boxes[4 * i + 3]);
      for (let y = cy0; y <= cy1; y++) for (let x = cx0; x <= cx1; x++) f(y * this.nx + x, i);
    }
  }

  /** Column of x, clamped to the grid. */
  col(x: number): number { const c = Math.floor((x - this.x0) / this.cw); return c < 0 ? 0 : c >= this.nx ? this.nx - 1 : c; }
  row(y: number): number { const r = Math.floor((y - this.y0) / this.ch); return r < 0 ? 0 : r >= this.ny ? this.ny - 1 : r; }

  /** The cell holding (x, y), or -1 outside the grid. */
  cellAt(x: number, y: number): number {
    const c = Math.floor((x - this.x0) / this.cw); const r = Math.floor((y - this.y0) / this.ch);
    if (c < 0 || r < 0 || c > this.nx || r > this.ny) return -1;
    return (r === this.ny ? r - 1 : r) * this.nx + (c === this.nx ? c - 1 : c);
  }

  /** Whether the box touches the grid's extent at all. */
  overlaps(minX: number, minY: number, maxX: number, maxY: number): boolean {
    return maxX >= this.x0 && minX <= this.x0 + this.nx * this.cw && maxY >= this.y0 && minY <= this.y0 + this.ny * this.ch;
  }
}
