/** Types for scripts/electron-binary.mjs. */
export function platformExecutable(platform?: string): string;
export function findElectronBinary(rootDir: string, env?: Record<string, string | undefined>): { path: string | null; reason: string };
