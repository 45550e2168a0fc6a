import { api } from '../platform/select';
import { useSession } from '../state/session';
import { openDemo, trackJob } from '../features/start/demo';
import { applyLocale, currentLocale } from './i18n';

let booting: Promise<void> | null = null;
let autoDemoTried = false;

async function run(): Promise<void> {
  const session = useSession.getState();
  try {
    const settings = await api.call('settings.get', {});
    if (settings.locale !== currentLocale()) await applyLocale(settings.locale);
    const project = await api.call('project.current', {});
    if (project) {
      const jobs = await api.call('jobs.list', {}).catch(() => []);
      const demo = jobs.find((j) => j.status === 'running' && j.kind === 'demo.generate');
      if (demo) trackJob(demo.jobId);
      else session.setProject(project);
      return;
    }
    const recent = await api.call('project.recent', {});
    if (recent.length === 0 && !autoDemoTried) {
      autoDemoTried = true;
      session.setNotice({ kind: 'autoDemo' });
      try {
        await openDemo();
      } catch (e) {
        useSession.getState().setNotice({ kind: 'error', error: e });
        useSession.getState().setProject(null);
      }
      return;
    }
    session.setProject(null);
  } catch (e) {
    session.setBootError(e);
  }
}

/** First contact with the engine: language, current project, running demo job, first-start demo. */
export function boot(force = false): Promise<void> {
  if (!booting || force) booting = run();
  return booting;
}
