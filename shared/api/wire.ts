/** Constants shared by every transport. */
export const TOKEN_HEADER = 'x-minsheng-token';
export const TOKEN_QUERY = 'token';
export const API_PREFIX = '/api/call/';
export const EVENTS_PATH = '/api/events';
export const ARROW_MIME = 'application/vnd.apache.arrow.stream';
export const JSON_MIME = 'application/json';
/** IPC channel names used by the preload and the main-process relay. */
export const IPC_CALL = 'minsheng:call';
export const IPC_EVENT = 'minsheng:event';

/** The envelope every non-HTTP transport (IPC, parent port, worker) uses. */
export interface CallRequest { id: number; method: string; input: unknown; locale?: string }
export type CallResponse =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: { code: string; params: Record<string, string | number>; message: string } };

/** Messages between Electron's main process and the engine in its utilityProcess (parent port). */
export type EngineInbound = { type: 'call'; id: number; method: string; input: unknown; locale?: string };
export type EngineOutbound =
  | { type: 'ready'; version: string }
  | ({ type: 'result' } & CallResponse)
  | { type: 'event'; event: string; data: unknown };
