/** Types for scripts/package-check-lib.mjs. */
export interface Tree { files: Map<string, { unpacked: boolean }>; read(p: string): string }
export function isBuiltin(spec: string): boolean;
export function inComment(code: string, i: number): boolean;
export function scanCode(code: string): { specs: string[]; dirnameFiles: string[] };
export function scanResourcePaths(code: string, resourceDirs?: readonly string[]): string[];
export function scanSiblingBundles(code: string): string[];
export function packageName(spec: string): string;
export function findPackageDir(tree: Tree, fromDir: string, name: string): string | null;
export function resolvePackageEntry(tree: Tree, pkgDir: string, spec: string): string | null;
export function traceRuntime(tree: Tree, entries: readonly string[], opts: { platform: string; arch: string; devOnly?: Record<string, string> }): { problems: string[]; packages: string[] };
export function unusedPackages(tree: Tree, reached: readonly string[]): string[];
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the electron-builder configuration as loaded from YAML
export function checkConfig(config: Record<string, any>, opts: { fileExists(p: string): boolean }): string[];
