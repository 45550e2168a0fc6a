import { describe, expect, it } from 'vitest';
import { commandIds, menuTemplate, SHORTCUTS, type MenuNode } from '../../../electron/main/menu-template';
import { MAIN_STRINGS, fill, pickLocale } from '../../../electron/main/strings';
import { MENU_COMMANDS } from '../../../shared/api/bridge';

const base = { isMac: false, devTools: false, recent: [], projectOpen: true };
const find = (nodes: MenuNode[], label: string) => nodes.find((n) => n.label === label);

describe('menu template', () => {
  it('has File, Edit, View, Window, Help in Chinese and in English', () => {
    expect(menuTemplate({ ...base, strings: MAIN_STRINGS['zh-CN'] }).map((n) => n.label)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
    expect(menuTemplate({ ...base, strings: MAIN_STRINGS.en }).map((n) => n.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  });

  it('File holds New, Open, Recent, Import, Export and Close with their shortcuts', () => {
    const file = find(menuTemplate({ ...base, strings: MAIN_STRINGS.en }), 'File')!.submenu!;
    const labels = file.filter((n) => n.type !== 'separator').map((n) => n.label);
    expect(labels).toEqual(['New Project…', 'Open Project…', 'Open Recent', 'Open Demo Project', 'Import Data…', 'Export…', 'Close Project', 'Settings…', 'Quit']);
    expect(file.find((n) => n.id === 'project.open')?.accelerator).toBe('CmdOrCtrl+O');
    expect(file.find((n) => n.id === 'import.file')?.accelerator).toBe('CmdOrCtrl+I');
  });

  it('every command id is a renderer menu command or one main handles itself', () => {
    const ids = commandIds(menuTemplate({ ...base, isMac: true, strings: MAIN_STRINGS.en, recent: [{ path: '/a.minsheng', name: 'a' }] }));
    const mainOnly = (id: string) => /^recent:\d+$/.test(id) || id === 'recent.clear' || id === 'help.openLogsFolder';
    for (const id of ids) expect((MENU_COMMANDS as readonly string[]).includes(id) || mainOnly(id), id).toBe(true);
    for (const id of Object.keys(SHORTCUTS)) expect(ids).toContain(id);
  });

  it('no two items share an accelerator', () => {
    const accs: string[] = [];
    const walk = (ns: MenuNode[]) => ns.forEach((n) => { if (n.accelerator) accs.push(n.accelerator); walk(n.submenu ?? []); });
    walk(menuTemplate({ ...base, strings: MAIN_STRINGS.en }));
    expect(new Set(accs).size).toBe(accs.length);
  });

  it('lists recent projects with numbers and a clear item; none shows a disabled placeholder', () => {
    const recent = [{ path: '/p/甲.minsheng', name: '甲' }, { path: '/p/' + 'x'.repeat(100) + '.minsheng', name: '' }];
    const sub = find(find(menuTemplate({ ...base, strings: MAIN_STRINGS['zh-CN'], recent }), '文件')!.submenu!, '最近打开')!.submenu!;
    expect(sub[0]).toMatchObject({ id: 'recent:0', label: '1. 甲', sublabel: '/p/甲.minsheng' });
    expect(sub[1].label!.startsWith('2. /p/xxx')).toBe(true);
    expect(sub[1].sublabel!.length).toBeLessThanOrEqual(60);
    expect(sub.at(-1)).toMatchObject({ id: 'recent.clear', label: '清除列表' });
    const empty = find(find(menuTemplate({ ...base, strings: MAIN_STRINGS['zh-CN'] }), '文件')!.submenu!, '最近打开')!.submenu!;
    expect(empty).toEqual([{ label: '（无）', enabled: false }]);
  });

  it('disables project-bound items without a project and moves Settings/About to the app menu on macOS', () => {
    const t = menuTemplate({ ...base, projectOpen: false, isMac: true, strings: MAIN_STRINGS.en });
    const file = find(t, 'File')!.submenu!;
    for (const id of ['import.file', 'export.open', 'project.close']) expect(file.find((n) => n.id === id)?.enabled).toBe(false);
    expect(t[0].role).toBe('appMenu');
    expect(commandIds(t[0].submenu!)).toContain('view.settings');
    expect(file.some((n) => n.role === 'quit')).toBe(false);
    expect(commandIds(find(t, 'Help')!.submenu!)).not.toContain('help.about');
  });

  it('offers reload and DevTools only in development', () => {
    const roles = (dev: boolean) => find(menuTemplate({ ...base, devTools: dev, strings: MAIN_STRINGS.en }), 'View')!.submenu!.map((n) => n.role);
    expect(roles(true)).toContain('toggleDevTools');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
  });
});

describe('main-process strings', () => {
  it('zh-CN and en have the same keys, all non-empty', () => {
    expect(Object.keys(MAIN_STRINGS.en).sort()).toEqual(Object.keys(MAIN_STRINGS['zh-CN']).sort());
    for (const l of ['en', 'zh-CN'] as const) for (const v of Object.values(MAIN_STRINGS[l])) expect(v.trim()).not.toBe('');
  });
  it('the saved language wins over the system language', () => {
    expect(pickLocale('en', 'zh-CN')).toBe('en');
    expect(pickLocale(undefined, 'zh-TW')).toBe('zh-CN');
    expect(pickLocale('fr', 'de-DE')).toBe('en');
    expect(fill(MAIN_STRINGS.en.jobRunningMessage, { n: 2, kinds: 'a, b' })).toBe('2 job(s) running (a, b). Quit now?');
  });
});
