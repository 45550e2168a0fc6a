/** Minimal main-process logger (stdout/stderr, picked up by the terminal or the OS log). */
export type Log = (message: string) => void;

export function createLog(scope: string): Log {
  return (message: string) => {
    console.log(`[${new Date().toISOString()}] [${scope}] ${message}`);
  };
}

export function truncateUrl(url: string, max = 200): string {
  return url.length > max ? `${url.slice(0, max)}…` : url;
}
