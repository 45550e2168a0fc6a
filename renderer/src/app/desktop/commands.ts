import type { MenuCommand } from '../../../../shared/api/bridge';
import { ApiError } from '../../../../shared/api/errors';
import { openHelp, SCREEN_HELP } from '../../features/help/manual';
import { openDemo } from '../../features/start/demo';
import { api } from '../../platform/select';
import { useSession } from '../../state/session';
import { navigate, parseHash } from '../routes';
import { pickAndCreateProject, pickAndImport, pickAndOpenProject } from './open';

export interface CommandDeps {
  t: (key: string) => string;
  about: () => void;
}

/** What each application-menu command does in the renderer. */
export async function runMenuCommand(command: MenuCommand, deps: CommandDeps): Promise<void> {
  switch (command) {
    case 'project.new': return pickAndCreateProject();
    case 'project.open': return pickAndOpenProject();
    case 'project.openDemo': return openDemo();
    case 'project.close':
      await api.call('project.close', {});
      useSession.getState().setProject(null);
      return;
    case 'import.file':
      if (!useSession.getState().project) throw new ApiError('NO_PROJECT');
      return pickAndImport(deps.t('help.drop.pickTitle'), deps.t('help.drop.dataFiles'));
    case 'export.open': navigate('reports'); return;
    case 'view.settings': navigate('settings'); return;
    case 'help.manual': openHelp(SCREEN_HELP[parseHash(window.location.hash)]); return;
    case 'help.shortcuts': openHelp('shortcuts'); return;
    case 'help.logs': openHelp('logs'); return;
    case 'help.checkUpdate': openHelp('update'); return;
    case 'help.about': deps.about(); return;
  }
}
