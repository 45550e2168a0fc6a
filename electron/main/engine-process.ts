/**
 * Runs the engine (dist/engine/main.cjs) in a utilityProcess and keeps the relay attached to it.
 * A crash is reported to the UI (`desktop.engine` {state:'crashed'}), which offers a restart button;
 * the project file stays consistent (every write is a transaction, WAL journal), so the UI simply
 * reopens it once the new engine is up.
 */
import { utilityProcess } from 'electron';
import type { UtilityProcess } from 'electron';
import { existsSync } from 'node:fs';
import { ENGINE_STATE_EVENT } from '../../shared/api/bridge';
import type { EngineStateEvent } from '../../shared/api/bridge';
import { preferUnpackedPath } from './policy';
import type { Relay } from './relay';
import type { Log } from './log';
import { writeLogLine } from './log';
import { handleReportPrint } from './report-print';

export interface EngineHandle {
  stop(): void;
  /** Starts a new engine when none runs. Returns false when one is already running. */
  restart(): boolean;
  readonly running: boolean;
  readonly pid: number | undefined;
}

export function startEngine(relay: Relay, opts: { enginePath: string; dataDir: string; log: Log; onExit?: () => void }): EngineHandle {
  const { dataDir, log } = opts;
  const enginePath = preferUnpackedPath(opts.enginePath, existsSync); // packaged: the engine is asar-unpacked
  let child: UtilityProcess | null = null;
  let stopping = false;

  function pipe(stream: NodeJS.ReadableStream | null, write: (s: string) => void): void {
    stream?.on('data', (chunk: Buffer | string) => {
      for (const line of String(chunk).split(/\r?\n/)) {
        if (!line) continue;
        write(`[engine] ${line}\n`);
        writeLogLine(`[${new Date().toISOString()}] [engine] ${line}`);
      }
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
    proc.on('message', (m) => handleReportPrint(proc, m));
    proc.on('spawn', () => log(`engine started (pid ${proc.pid})`));
    proc.on('exit', (code) => {
      if (child === proc) child = null;
      opts.onExit?.();
      if (stopping) return;
      log(`engine exited unexpectedly with code ${code}`);
      const event: EngineStateEvent = { state: 'crashed', code };
      relay.broadcast(ENGINE_STATE_EVENT, event);
    });
  }

  spawn();
  return {
    stop() {
      stopping = true;
      child?.kill();
      child = null;
    },
    restart() {
      if (child || stopping) return false;
      log('restarting the engine at the user\'s request');
      spawn();
      const event: EngineStateEvent = { state: 'restarted' };
      relay.broadcast(ENGINE_STATE_EVENT, event);
      return true;
    },
    get running() { return child !== null; },
    get pid() { return child?.pid; },
  };
}
