/**
 * Electron printing from a job thread: the report job runs in a worker thread of the engine's
 * utilityProcess, and only the engine's main thread has the parent port to Electron's main process.
 * The job posts print requests on a BroadcastChannel; the relay on the main thread forwards them over
 * the parent port (electron/main/report-print.ts prints) and sends the replies back on the channel.
 */
import { BroadcastChannel } from 'node:worker_threads';
import { PRINT_REQUEST, PRINT_RESULT, type PrintResult, type RasterItem } from '../../../../shared/domain/report/print-protocol';
import type { PdfPrinter, PrintOptions } from './printer';

const CHANNEL = 'minsheng-report-print';
interface PortLike { on(event: 'message', listener: (e: { data: unknown }) => void): void; postMessage(m: unknown): void }
type ChannelMsg = { dir: 'req'; id: number; req: Record<string, unknown> } | { dir: 'res'; id: number; res: PrintResult };

let installed = false;
export const electronPrinting = (): boolean => installed;

/** On the engine's main thread (Electron): forward print requests of job threads to the main process. */
export function installPrintRelay(port: PortLike): void {
  const channel = new BroadcastChannel(CHANNEL);
  (channel as unknown as { unref?: () => void }).unref?.();
  const pending = new Map<number, number>();
  let seq = 0;
  channel.onmessage = (ev) => {
    const m = (ev as MessageEvent).data as ChannelMsg;
    if (m?.dir !== 'req') return;
    const id = ++seq;
    pending.set(id, m.id);
    port.postMessage({ ...m.req, type: PRINT_REQUEST, id });
  };
  port.on('message', (e) => {
    const r = e.data as PrintResult;
    if (!r || r.type !== PRINT_RESULT) return;
    const orig = pending.get(r.id);
    if (orig === undefined) return;
    pending.delete(r.id);
    channel.postMessage({ dir: 'res', id: orig, res: r } satisfies ChannelMsg);
  });
  installed = true;
}

/** In a job thread: a printer that asks the main process through the relay. */
export class RelayPrinter implements PdfPrinter {
  readonly how = 'electron' as const;
  private readonly channel = new BroadcastChannel(CHANNEL);
  private readonly waiting = new Map<number, (r: PrintResult) => void>();
  private seq = Math.floor(Math.random() * 1e9);

  constructor() {
    this.channel.onmessage = (ev) => {
      const m = (ev as MessageEvent).data as ChannelMsg;
      if (m?.dir !== 'res') return;
      this.waiting.get(m.id)?.(m.res);
      this.waiting.delete(m.id);
    };
  }

  private ask(req: Record<string, unknown>): Promise<PrintResult & { ok: true }> {
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (r) => (r.ok ? resolve(r) : reject(new Error(r.error))));
      this.channel.postMessage({ dir: 'req', id, req } satisfies ChannelMsg);
    });
  }

  async printPdf(html: string, o: PrintOptions): Promise<{ pdf: Uint8Array; pages: number | null }> {
    const r = await this.ask({ op: 'pdf', html, footerTemplate: o.footerTemplate });
    if (!r.pdf) throw new Error('no PDF in the reply');
    return { pdf: r.pdf, pages: r.pages ?? null };
  }

  async rasterise(items: readonly RasterItem[], fontCss: string, scale: number): Promise<Uint8Array[]> {
    if (!items.length) return [];
    return (await this.ask({ op: 'png', items, fontCss, scale })).pngs ?? [];
  }

  async close(): Promise<void> { this.channel.close(); }
}
