import { contract, isMethodName, type MethodName } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import type { EngineContext } from '../context';
import type { Handlers } from './types';

function summariseIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.slice(0, 5).map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');
}

const TRACE = process.env.MINSHENG_TRACE_CALLS === '1';

export interface Dispatcher {
  /** The single validation point: checks input, runs the handler, checks output, maps every error to ApiError. */
  call(method: string, input: unknown): Promise<unknown>;
  kindOf(method: string): 'json' | 'arrow' | null;
}

export function createDispatcher(handlers: Handlers, ctx: EngineContext): Dispatcher {
  return {
    kindOf(method) {
      return isMethodName(method) ? contract[method].kind : null;
    },
    async call(method, input) {
      if (!isMethodName(method)) throw new ApiError('UNKNOWN_METHOD', { method: String(method).slice(0, 100) });
      const def = contract[method as MethodName];
      const parsed = def.input.safeParse(input === undefined ? {} : input);
      if (!parsed.success) throw new ApiError('BAD_INPUT', { detail: summariseIssues(parsed.error.issues) });
      let result: unknown;
      try {
        const handler = handlers[method as MethodName] as (i: unknown, c: EngineContext) => unknown;
        const t0 = TRACE ? performance.now() : 0;
        const pending = handler(parsed.data, ctx);
        const t1 = TRACE ? performance.now() : 0;
        result = await pending;
        // MINSHENG_TRACE_CALLS=1: per call, the time it held the engine thread and its total time
        if (TRACE) process.stderr.write(`[call] ${method} sync ${(t1 - t0).toFixed(0)} ms, total ${(performance.now() - t0).toFixed(0)} ms\n`);
      } catch (e) {
        if (e instanceof ApiError) throw e;
        const code = (e as { code?: string }).code;
        if (code === 'SQLITE_BUSY') throw new ApiError('JOB_BUSY', { jobId: ctx.jobs.running()?.jobId ?? '?' });
        throw new ApiError('INTERNAL', { detail: e instanceof Error ? e.message : String(e) });
      }
      const out = def.output.safeParse(result);
      if (!out.success) throw new ApiError('BAD_OUTPUT', { detail: `${method}: ${summariseIssues(out.error.issues)}` });
      return out.data;
    },
  };
}
