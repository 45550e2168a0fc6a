/**
 * Closing the window while a job runs asks first; "cancel and quit" cancels every job (each is one
 * transaction, so the project returns to its state before the job), closes the project, then closes.
 */
import { dialog } from 'electron';
import type { BrowserWindow } from 'electron';
import type { JobTracker } from './job-tracker';
import { describeJobs } from './job-tracker';
import type { Log } from './log';
import type { Relay } from './relay';
import { fill, type MainLocale, type MainStrings } from './strings';

const CANCEL_WAIT_MS = 15_000;

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}

export function guardClose(win: BrowserWindow, deps: {
  tracker: JobTracker; relay: Relay; log: Log; strings: () => MainStrings; locale: () => MainLocale;
}): void {
  let allowed = false;
  let asking = false;
  win.on('close', (event) => {
    const jobs = deps.tracker.running();
    if (allowed || jobs.length === 0) return;
    event.preventDefault();
    if (asking) return;
    asking = true;
    const s = deps.strings();
    void dialog.showMessageBox(win, {
      type: 'warning',
      title: s.jobRunningTitle,
      message: fill(s.jobRunningMessage, { n: jobs.length, kinds: describeJobs(jobs, deps.locale()) }),
      detail: s.jobRunningDetail,
      buttons: [s.keepWorking, s.cancelAndQuit],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    }).then(async ({ response }) => {
      if (response !== 1) return;
      deps.log(`closing during ${jobs.length} job(s): cancelling them first`);
      for (const j of deps.tracker.running()) await deps.relay.callEngine('jobs.cancel', { jobId: j.jobId });
      const finished = await waitUntil(() => deps.tracker.running().length === 0, CANCEL_WAIT_MS);
      if (!finished) deps.log('jobs did not finish cancelling in time; their transactions are rolled back when the engine stops');
      await deps.relay.callEngine('project.close', {});
      allowed = true;
      if (!win.isDestroyed()) win.close();
    }).finally(() => { asking = false; });
  });
}
