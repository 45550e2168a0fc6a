/**
 * The application menu as plain data — PURE (no `electron` import), unit-tested. menu.ts turns it into
 * an Electron Menu and routes each item's `id` to the renderer (a MenuCommand), or handles it in main
 * (`recent:<n>`, `recent.clear`, `help.openLogsFolder`).
 */
import type { MenuCommand } from '../../shared/api/bridge';
import type { MainStrings } from './strings';

export type MainCommand = MenuCommand | `recent:${number}` | 'recent.clear' | 'help.openLogsFolder';

export interface MenuNode {
  id?: MainCommand;
  label?: string;
  sublabel?: string;
  role?: string;
  type?: 'separator' | 'submenu';
  accelerator?: string;
  enabled?: boolean;
  submenu?: MenuNode[];
}

export interface RecentEntry { path: string; name: string }

export interface MenuInput {
  strings: MainStrings;
  isMac: boolean;
  devTools: boolean;
  recent: readonly RecentEntry[];
  /** A project is open (Close / Export are enabled). */
  projectOpen: boolean;
}

/** Keyboard shortcuts of the menu, also listed on the help page. */
export const SHORTCUTS: Readonly<Partial<Record<MainCommand, string>>> = {
  'project.new': 'CmdOrCtrl+N',
  'project.open': 'CmdOrCtrl+O',
  'import.file': 'CmdOrCtrl+I',
  'export.open': 'CmdOrCtrl+E',
  'project.close': 'CmdOrCtrl+Shift+W',
  'view.settings': 'CmdOrCtrl+,',
  'help.manual': 'F1',
};

const MAX_RECENT_ITEMS = 10;
const sep = (): MenuNode => ({ type: 'separator' });
const item = (id: MainCommand, label: string, extra: Partial<MenuNode> = {}): MenuNode =>
  ({ id, label, ...(SHORTCUTS[id] ? { accelerator: SHORTCUTS[id] } : {}), ...extra });

function middleEllipsis(s: string, max = 60): string {
  return s.length <= max ? s : `${s.slice(0, 20)}…${s.slice(-(max - 21))}`;
}

export function recentSubmenu(s: MainStrings, recent: readonly RecentEntry[]): MenuNode[] {
  const shown = recent.slice(0, MAX_RECENT_ITEMS);
  if (shown.length === 0) return [{ label: s.recentEmpty, enabled: false }];
  return [
    ...shown.map((r, i): MenuNode => ({ id: `recent:${i}`, label: `${i + 1}. ${r.name || r.path}`, sublabel: middleEllipsis(r.path) })),
    sep(),
    { id: 'recent.clear', label: s.clearRecent },
  ];
}

export function menuTemplate(input: MenuInput): MenuNode[] {
  const { strings: s, isMac, devTools, recent, projectOpen } = input;
  const file: MenuNode[] = [
    item('project.new', s.newProject),
    item('project.open', s.openProject),
    { label: s.recent, type: 'submenu', submenu: recentSubmenu(s, recent) },
    item('project.openDemo', s.openDemo),
    sep(),
    item('import.file', s.importData, { enabled: projectOpen }),
    item('export.open', s.exportData, { enabled: projectOpen }),
    sep(),
    item('project.close', s.closeProject, { enabled: projectOpen }),
  ];
  if (!isMac) file.push(sep(), item('view.settings', s.settings), sep(), { label: s.quit, role: 'quit' });
  const view: MenuNode[] = [
    ...(devTools ? [{ role: 'reload' }, { role: 'toggleDevTools' }, sep()] : []),
    { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' },
    sep(),
    { role: 'togglefullscreen' },
  ];
  const help: MenuNode[] = [
    item('help.manual', s.manual),
    item('help.shortcuts', s.shortcuts),
    item('help.logs', s.logs),
    { id: 'help.openLogsFolder', label: s.openLogsFolder },
    sep(),
    item('help.checkUpdate', s.checkUpdate),
    ...(isMac ? [] : [sep(), item('help.about', s.about)]),
  ];
  const template: MenuNode[] = [];
  if (isMac) {
    template.push({ role: 'appMenu', submenu: [
      { role: 'about' }, sep(), item('view.settings', s.settings), sep(),
      { role: 'services' }, sep(), { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, sep(), { role: 'quit' },
    ] });
  }
  template.push({ label: s.file, submenu: file });
  template.push({ label: s.edit, role: 'editMenu' });
  template.push({ label: s.view, submenu: view });
  template.push({ label: s.window, role: 'windowMenu' });
  template.push({ label: s.help, role: 'help', submenu: help });
  return template;
}

/** Every command id in a template (tests: each one must be handled). */
export function commandIds(nodes: readonly MenuNode[]): MainCommand[] {
  return nodes.flatMap((n) => [...(n.id ? [n.id] : []), ...commandIds(n.submenu ?? [])]);
}
