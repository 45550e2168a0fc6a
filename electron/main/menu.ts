/** The application menu. File-menu commands go to the renderer as `{event:'menu.command', data:{command}}`. */
import { Menu } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/api/bridge';

export interface MenuStrings {
  file: string; newProject: string; openProject: string; openDemo: string; closeProject: string; quit: string;
  edit: string; view: string; window: string; help: string; about: string;
  /** Dialog filter labels. */
  projectFiles: string; allFiles: string;
}

export const MENU_STRINGS: Record<'zh-CN' | 'en', MenuStrings> = {
  'zh-CN': {
    file: '文件', newProject: '新建项目…', openProject: '打开项目…', openDemo: '打开示例项目', closeProject: '关闭项目', quit: '退出',
    edit: '编辑', view: '视图', window: '窗口', help: '帮助', about: '关于民声', projectFiles: '民声项目', allFiles: '所有文件',
  },
  en: {
    file: 'File', newProject: 'New Project…', openProject: 'Open Project…', openDemo: 'Open Demo Project', closeProject: 'Close Project', quit: 'Quit',
    edit: 'Edit', view: 'View', window: 'Window', help: 'Help', about: 'About Minsheng', projectFiles: 'Minsheng project', allFiles: 'All files',
  },
};

export function buildMenu(opts: { strings: MenuStrings; send: (command: MenuCommand) => void; devTools: boolean; isMac: boolean }): Menu {
  const { strings: s, send, devTools, isMac } = opts;
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) template.push({ role: 'appMenu' });
  template.push({
    label: s.file,
    submenu: [
      { label: s.newProject, accelerator: 'CmdOrCtrl+N', click: () => send('project.new') },
      { label: s.openProject, accelerator: 'CmdOrCtrl+O', click: () => send('project.open') },
      { label: s.openDemo, click: () => send('project.openDemo') },
      { type: 'separator' },
      { label: s.closeProject, click: () => send('project.close') },
      ...(isMac ? [] : [{ type: 'separator' } as const, { label: s.quit, role: 'quit' } as const]),
    ],
  });
  template.push({ label: s.edit, role: 'editMenu' });
  template.push({
    label: s.view,
    submenu: [
      ...(devTools ? [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const] : []),
      { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  });
  template.push({ label: s.window, role: 'windowMenu' });
  template.push({ label: s.help, role: 'help', submenu: [{ label: s.about, role: 'about' }] });
  return Menu.buildFromTemplate(template);
}
