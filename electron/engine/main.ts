import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createEngine } from './engine';
import { startHttpServer } from './transports/http';
import { serveParentPort, type PortLike } from './transports/parent-port';
import { installPrintRelay } from './services/report/print-relay';

/**
 * One entry for both hosts:
 *   --transport=http        browser mode (and tests): 127.0.0.1, token, serves renderer/dist
 *   --transport=parent-port inside Electron's utilityProcess
 * Options: --data-dir=DIR --port=N --renderer-dir=DIR --token=T (tests only)
 */
function arg(name: string): string | undefined {
  const pre = `--${name}=`;
  const i = process.argv.findIndex((a) => a === `--${name}` || a.startsWith(pre));
  if (i < 0) return undefined;
  const a = process.argv[i];
  return a.startsWith(pre) ? a.slice(pre.length) : process.argv[i + 1];
}

function findRendererDir(): string {
  const explicit = arg('renderer-dir') ?? process.env.MINSHENG_RENDERER_DIR;
  if (explicit) return path.resolve(explicit);
  const here = typeof __dirname !== 'undefined' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
  for (const cand of [path.join(here, '../../renderer/dist'), path.join(here, '../renderer/dist'), path.resolve('renderer/dist')]) {
    if (fs.existsSync(path.join(cand, 'index.html'))) return cand;
  }
  return path.resolve('renderer/dist');
}

async function main(): Promise<void> {
  const transport = arg('transport') ?? 'http';
  const dataDir = arg('data-dir');
  if (transport === 'parent-port') {
    const engine = createEngine({ host: 'electron', dataDir });
    const port = (process as unknown as { parentPort?: PortLike }).parentPort;
    if (!port) throw new Error('--transport=parent-port needs Electron utilityProcess');
    serveParentPort(engine, port);
    installPrintRelay(port);
    return;
  }
  const engine = createEngine({ host: 'browser', dataDir });
  const rendererDir = findRendererDir();
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    console.error(`渲染界面尚未构建 / renderer not built: ${rendererDir} — run: npm run build:renderer`);
    process.exit(1);
  }
  const server = await startHttpServer(engine, { port: arg('port') ? Number(arg('port')) : 0, rendererDir, token: arg('token') });
  console.log(`Minsheng browser mode: ${server.url}`);
  const stop = async () => {
    await server.close();
    await engine.shutdown();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
});
