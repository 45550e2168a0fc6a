import type { OpenRequest } from '../../../../shared/api/bridge';
import { DATA_EXTENSIONS } from '../../../../shared/api/bridge';
import { ApiError } from '../../../../shared/api/errors';
import { useImportWizard } from '../../features/import/import-store';
import { api, dialogs } from '../../platform/select';
import { getBridge } from '../../platform/bridge';
import { useSession } from '../../state/session';
import { navigate } from '../routes';

/**
 * Opens what the desktop hands us (dropped file, file association, command line, recent menu):
 * a project replaces the open one; a data file goes to the import wizard's first step and is previewed.
 */
export async function openPath(r: OpenRequest): Promise<void> {
  if (r.kind === 'project') {
    const project = await api.call('project.open', { path: r.path });
    useSession.getState().setProject(project);
    return;
  }
  if (!useSession.getState().project) throw new ApiError('NO_PROJECT');
  startImport(r.path);
}

/** The import wizard, step 1, with this file previewed. */
export function startImport(path: string): void {
  const wizard = useImportWizard.getState();
  if (wizard.run?.status === 'running' || wizard.run?.status === 'starting') {
    navigate('import');
    return; // never replace a running import; the user sees it
  }
  wizard.setTab('new');
  wizard.setPath(path);
  navigate('import');
  void wizard.loadPreview(path);
}

/** File → Import Data…: the native dialog (Electron), or the wizard's path field (browser mode). */
export async function pickAndImport(title: string, filterName: string): Promise<void> {
  const bridge = getBridge();
  if (!bridge) {
    useImportWizard.getState().setTab('new');
    navigate('import');
    return;
  }
  const p = await bridge.pickOpenFile({ title, filters: [{ name: filterName, extensions: [...DATA_EXTENSIONS] }] });
  if (p) startImport(p);
}

export async function pickAndOpenProject(): Promise<void> {
  const p = await dialogs.pickOpenFile();
  if (p) await openPath({ kind: 'project', path: p });
}

export async function pickAndCreateProject(): Promise<void> {
  const p = await dialogs.pickSaveFile('未命名.minsheng');
  if (!p) return;
  const project = await api.call('project.create', { path: p });
  useSession.getState().setProject(project);
}
