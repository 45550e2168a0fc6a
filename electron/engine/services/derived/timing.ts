/**
 * Phase timings of record-changing jobs, for the benchmarks: with MINSHENG_TIMINGS=1 each phase
 * prints one JSON line `{"timing": name, "seconds": s}` to stderr (worker threads share it).
 */
const ON = process.env.MINSHENG_TIMINGS === '1';

export function timed<T>(name: string, f: () => T): T {
  if (!ON) return f();
  const t0 = performance.now();
  const out = f();
  const report = () => process.stderr.write(`${JSON.stringify({ timing: name, seconds: (performance.now() - t0) / 1000 })}\n`);
  if (out instanceof Promise) return out.finally(report) as T;
  report();
  return out;
}
