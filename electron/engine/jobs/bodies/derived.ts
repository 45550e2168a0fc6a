import type { JobBody } from '../types';
import { refreshDerived } from '../../services/derived';

/** The follow-up of a large import: the derived data it queued (full-text index, alert detection). */
export const derivedRefreshJob: JobBody<Record<string, never>, { changes: number; builders: string[] }> = (ctx) => refreshDerived(ctx);
