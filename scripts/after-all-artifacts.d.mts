/** Types for scripts/after-all-artifacts.mjs. */
export function writeReleaseFiles(outDir: string, artifactPaths: readonly string[], opts: { version: string; date?: string }): Promise<string[]>;
export function afterAllArtifactBuild(buildResult: unknown): Promise<string[]>;
export default afterAllArtifactBuild;
