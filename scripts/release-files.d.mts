/** Types for scripts/release-files.mjs. */
export interface SumEntry { name: string; sha256: string; size?: number }
export interface ArtifactTarget { platform: 'win32' | 'linux' | 'darwin'; arch: string; kind: 'nsis' | 'portable' | 'AppImage' | 'deb' | 'dmg' }
export function sha256SumsText(entries: readonly SumEntry[]): string;
export function parseSha256Sums(text: string | null | undefined): SumEntry[];
export function mergeSums(previous: readonly SumEntry[], current: readonly SumEntry[]): SumEntry[];
export function artifactTarget(name: string): ArtifactTarget | null;
export function updateManifest(opts: { version: string; date?: string; notes?: Record<string, string>; entries: readonly SumEntry[] }): {
  product: 'minsheng'; version: string; date?: string; notes?: Record<string, string>;
  files: { name: string; sha256: string; size?: number; platform: string; arch: string }[];
};
export function napiSuffix(platform: string, arch: string): string;
export function nativeBinaryPackages(pkgJson: unknown, platform: string, arch: string): { name: string; version: string }[];
export const ARCH_NAMES: readonly string[];
