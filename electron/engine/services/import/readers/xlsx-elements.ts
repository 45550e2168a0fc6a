/**
 * Incremental scanner for the repeated elements of a large XML part (`<row>` of a sheet, `<si>` of
 * the shared strings): text arrives in pieces of any size; each complete element is handed to a
 * callback with its positions in the current text; an incomplete one waits for more text. The
 * namespace prefix of the root element is found first and applies to every tag.
 *
 * An element longer than a few pieces (a cell holding megabytes of text) is not rescanned on every
 * piece: while its end tag has not arrived the pieces are only collected.
 */
import { endsName, rootPrefix } from './xlsx-xml';

export interface ElementHandler {
  /** The element's start tag is s[start, tagEnd] ('>' at tagEnd); content s[tagEnd + 1, contentEnd); contentEnd = -1 for `<x/>`. */
  item(s: string, start: number, tagEnd: number, contentEnd: number): void;
}

export interface ElementSpec {
  /** Element name without prefix, e.g. 'row'. */
  name: string;
  /** End of the list, e.g. 'sheetData': after `</sheetData>` nothing more is scanned. */
  container: string;
  handler: (prefix: string) => ElementHandler;
}

const KEEP = 96; // longest partial tag kept between pieces ('</x:sheetData>' with a long prefix)
const BIG = 1 << 16;

export class ElementStream {
  private open = '';
  private close = '';
  private stop = '';
  private handler: ElementHandler | null = null;
  private buf = '';
  private pending: string[] = [];
  private waitingLong = false;
  /** True once the container's end tag was seen. */
  done = false;

  constructor(private readonly root: string, private readonly spec: ElementSpec) {}

  push(text: string): void {
    if (this.done) return;
    if (this.waitingLong && !text.includes(this.close)) { this.pending.push(text); return; }
    this.run(text, false);
  }

  end(): void {
    if (!this.done) this.run('', true);
  }

  private run(text: string, final: boolean): void {
    let s = this.buf;
    if (this.pending.length) { s += this.pending.join(''); this.pending = []; }
    s = s.length ? s + text : text;
    if (!this.handler) {
      const p = rootPrefix(s, this.root);
      if (p === null) { this.buf = final ? '' : s; return; }
      this.open = `<${p}${this.spec.name}`;
      this.close = `</${p}${this.spec.name}>`;
      this.stop = `</${p}${this.spec.container}>`;
      this.handler = this.spec.handler(p);
    }
    const keep = this.scan(s, final);
    this.buf = keep >= s.length ? '' : s.slice(keep);
    this.waitingLong = this.buf.length > BIG;
  }

  /** Handles every complete element of s; returns where the unhandled rest starts. */
  private scan(s: string, final: boolean): number {
    const { open, close, handler } = this;
    const stopAt = s.indexOf(this.stop);
    const n = stopAt >= 0 ? stopAt : s.length;
    const ol = open.length;
    let pos = 0;
    for (;;) {
      const at = s.indexOf(open, pos);
      if (at < 0 || at >= n || (at + ol >= n && !final)) {
        if (stopAt >= 0) { this.done = true; return s.length; }
        return final ? n : at >= 0 ? at : Math.max(pos, n - KEEP);
      }
      if (!endsName(s.charCodeAt(at + ol))) { pos = at + ol; continue; }
      const te = s.indexOf('>', at + ol);
      if (te < 0 || te >= n) return final || stopAt >= 0 ? this.finish(s) : at;
      if (s.charCodeAt(te - 1) === 0x2f) {
        handler!.item(s, at, te, -1);
        pos = te + 1;
        continue;
      }
      let ce = s.indexOf(close, te);
      if (ce < 0 || ce > n) {
        if (!final && stopAt < 0) return at;
        ce = n; // cut off at the end of the part: what there is
      }
      handler!.item(s, at, te, ce);
      pos = ce + close.length;
    }
  }

  private finish(s: string): number {
    this.done = true;
    return s.length;
  }
}
