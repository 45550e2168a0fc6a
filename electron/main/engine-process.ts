/** Runs the engine (dist/engine/main.cjs) in a utilityProcess and keeps the relay attached to it, restarting after crashes. */
import { utilityProcess } from 'electron';
import type { UtilityProcess } from 'electron';
import { existsSync } from 'node:fs';
import { preferUnpackedPath } from './policy';
import type { Relay } from './relay';
import type { Log } from './log';

export interface EngineHandle {
  stop(): void;
  readonly pid: number | undefined;
}

const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;

export function startEngine(relay: Relay, opts: { enginePath: string; dataDir: string; log: Log }): EngineHandle {
  const { dataDir, log } = opts;
  const enginePath = preferUnpackedPath(opts.enginePath, existsSync); // packaged: the engine is asar-unpacked
  let child: UtilityProcess | null = null;
  let stopping = false;
  const crashes: number[] = [];

  function pipe(stream: NodeJS.ReadableStream | null, write: (s: string) => void): void {
    stream?.on('data', (chunk: Buffer | string) => {
      for (const line of String(chunk).split(/\r?\n/)) if (line) write(`[engine] ${line}\n`);
    });
  }

  function spawn(): void {
    const proc = utilityProcess.fork(enginePath, ['--transport=parent-port', `--data-dir=${dataDir}`], {
      serviceName: 'Minsheng Engine',
      stdio: 'pipe',
    });
    child = proc;
    pipe(proc.stdout, (s) => process.stdout.write(s));
    pipe(proc.stderr, (s) => process.stderr.write(s));
    relay.attachEngine(proc); // the relay fails pending calls itself on 'exit'
    proc.on('spawn', () => log(`engine started (pid ${proc.pid})`));
    proc.on('exit', (code) => {
      if (child === proc) child = null;
      if (stopping) return;
      log(`engine exited unexpectedly with code ${code}`);
      // The engine's in-memory state (open project, jobs) is gone: tell the UI.
      relay.broadcast('project.changed', { project: null });
      const now = Date.now();
      crashes.push(now);
      while (crashes.length && now - crashes[0] > RESTART_WINDOW_MS) crashes.shift();
      if (crashes.length > MAX_RESTARTS) {
        log(`engine crashed ${crashes.length} times within ${RESTART_WINDOW_MS / 1000}s; not restarting`);
        return;
      }
      setTimeout(() => { if (!stopping) spawn(); }, 500 * crashes.length);
    });
  }

  spawn();
  return {
    stop() {
      stopping = true;
      child?.kill();
      child = null;
    },
    get pid() { return child?.pid; },
  };
}
