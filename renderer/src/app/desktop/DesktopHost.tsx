import { useEffect, useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BridgeEvent, EngineStateEvent, MenuCommand, OpenRequest } from '../../../../shared/api/bridge';
import { DESKTOP_OPEN_EVENT, ENGINE_STATE_EVENT, MENU_COMMAND_EVENT, MENU_COMMANDS } from '../../../../shared/api/bridge';
import { openHelp, SCREEN_HELP } from '../../features/help/manual';
import { usePrefs } from '../../features/settings/prefs';
import { getBridge } from '../../platform/bridge';
import { api, host } from '../../platform/select';
import { useSession } from '../../state/session';
import { boot } from '../boot';
import { DropZone } from '../drop/DropZone';
import { errorText } from '../errors';
import { currentLocale } from '../i18n';
import { navigate, parseHash } from '../routes';
import { runMenuCommand } from './commands';
import { EngineCrash } from './EngineCrash';
import { openPath, pickAndImport } from './open';
import { shortcutFor } from '../../features/help/shortcuts';
import '../../features/settings/theme.css';

/**
 * Everything desktop-like the renderer does, in one place mounted once at the root: application-menu
 * commands, files the OS asks us to open, the engine-crash dialog with its restart button, keyboard
 * shortcuts, drag and drop, and the preferences (theme, import defaults) loaded at start.
 */
export function DesktopHost() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [crashed, setCrashed] = useState<{ projectPath: string | null } | null>(null);

  useEffect(() => { usePrefs.getState().load().catch(() => undefined); }, []);

  useEffect(() => {
    const fail = (e: unknown) => message.error(errorText(e, currentLocale()));
    const about = () => {
      void api.call('app.info', {}).then((a) => { modal.info({ title: a.name, content: t('help.about', { version: a.version, sqlite: a.sqlite }) }); }, fail);
    };
    const open = (r: OpenRequest) => { openPath(r).catch(fail); };
    const bridge = getBridge();
    if (!bridge) return undefined;
    const off = bridge.subscribe((e: BridgeEvent) => {
      if (e.event === MENU_COMMAND_EVENT) {
        const command = (e.data as { command?: string } | null)?.command;
        if (command && (MENU_COMMANDS as readonly string[]).includes(command)) runMenuCommand(command as MenuCommand, { t, about }).catch(fail);
      } else if (e.event === DESKTOP_OPEN_EVENT) {
        open(e.data as OpenRequest);
      } else if (e.event === ENGINE_STATE_EVENT && (e.data as EngineStateEvent | null)?.state === 'crashed') {
        setCrashed({ projectPath: useSession.getState().project?.path ?? null });
      }
    });
    bridge.takeOpenRequests?.().then((rs) => rs.forEach(open), () => undefined);
    return off;
  }, [message, modal, t]);

  useEffect(() => {
    const mac = /Mac/i.test(navigator.platform);
    const onKey = (e: KeyboardEvent) => {
      const a = shortcutFor(e, { menuOwnsKeys: host === 'electron', mac });
      if (!a) return;
      e.preventDefault();
      if (a.kind === 'screen') navigate(a.screen);
      else if (a.kind === 'contextHelp') openHelp(SCREEN_HELP[parseHash(window.location.hash)]);
      else if (useSession.getState().project) void pickAndImport(t('help.drop.pickTitle'), t('help.drop.dataFiles'));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [t]);

  const restart = async () => {
    const path = crashed?.projectPath ?? null;
    const started = await getBridge()?.restartEngine?.();
    if (started === false) throw new Error(t('help.engine.notRestarted'));
    if (path) useSession.getState().setProject(await api.call('project.open', { path }));
    else await boot(true);
    setCrashed(null);
    message.success(t('help.engine.restarted'));
  };

  return (
    <>
      <DropZone />
      <EngineCrash open={crashed !== null} projectPath={crashed?.projectPath ?? null} onRestart={restart} />
    </>
  );
}
