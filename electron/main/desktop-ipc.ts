/** The renderer's desktop commands (IPC_DESKTOP), checked like every other channel. Replies are envelopes. */
import { shell } from 'electron';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { DesktopCommand, OpenRequest } from '../../shared/api/bridge';
import { DESKTOP_COMMANDS, IPC_DESKTOP } from '../../shared/api/bridge';
import type { Log } from './log';
import { errorEnvelope } from './relay';
import type { Envelope } from './relay';

export interface DesktopActions {
  takeOpenRequests(): OpenRequest[];
  restartEngine(): boolean;
  logsDir: string;
}

export function isDesktopCommand(x: unknown): x is DesktopCommand {
  return typeof x === 'string' && (DESKTOP_COMMANDS as readonly string[]).includes(x);
}

export function registerDesktopHandlers(ipcMain: IpcMain, isTrusted: (e: IpcMainInvokeEvent) => boolean, actions: DesktopActions, log: Log): void {
  ipcMain.handle(IPC_DESKTOP, async (event, command: unknown): Promise<Envelope> => {
    if (!isTrusted(event)) {
      log('refused a desktop command from an untrusted sender');
      return errorEnvelope('UNAUTHORIZED', {});
    }
    if (!isDesktopCommand(command)) return errorEnvelope('BAD_INPUT', { detail: 'unknown desktop command' });
    switch (command) {
      case 'takeOpenRequests': return { ok: true, result: actions.takeOpenRequests() };
      case 'restartEngine': return { ok: true, result: actions.restartEngine() };
      case 'openLogsFolder': return { ok: true, result: (await shell.openPath(actions.logsDir)) === '' };
    }
  });
}
