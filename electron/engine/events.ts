import type { ApiEvent, EventName, EventPayload } from '../../shared/api/events';

/** In-process fan-out of push events to every connected transport. */
export class EventBus {
  private readonly listeners = new Set<(e: ApiEvent) => void>();
  emit<E extends EventName>(event: E, data: EventPayload<E>): void {
    const e = { event, data } as ApiEvent;
    for (const l of [...this.listeners]) {
      try { l(e); } catch { /* a broken listener must not break the others */ }
    }
  }
  subscribe(listener: (e: ApiEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
