import { readLogTail } from '../../services/desktop/logs';
import { checkUpdate } from '../../services/desktop/update-check';
import { UploadService } from '../../services/desktop/upload';
import type { EngineContext } from '../../context';
import type { HandlerGroup } from '../types';

const uploads = new WeakMap<EngineContext, UploadService>();
function uploadsOf(ctx: EngineContext): UploadService {
  let u = uploads.get(ctx);
  if (!u) uploads.set(ctx, (u = new UploadService(() => ctx.settings.dataFolder)));
  return u;
}

/** Dropped files (browser mode), the log viewer and the offline update check. */
export const desktopHandlers: HandlerGroup<'desktop.uploadChunk' | 'desktop.logs' | 'desktop.checkUpdate'> = {
  'desktop.uploadChunk': (i, ctx) => uploadsOf(ctx).chunk(i),
  'desktop.logs': (i, ctx) => readLogTail(ctx.dataDir, i.lines ?? 500),
  'desktop.checkUpdate': (i, ctx) => checkUpdate(i.path, { current: ctx.version, locale: ctx.settings.locale }),
};
