/** Every string the main process shows (menus, dialogs), in Chinese and English — PURE. */
export type MainLocale = 'zh-CN' | 'en';

export interface MainStrings {
  file: string; newProject: string; openProject: string; openDemo: string; recent: string; recentEmpty: string;
  clearRecent: string; importData: string; exportData: string; closeProject: string; settings: string; quit: string;
  edit: string; view: string; window: string; help: string;
  manual: string; shortcuts: string; logs: string; openLogsFolder: string; checkUpdate: string; about: string;
  /** Dialog filter labels. */
  projectFiles: string; dataFiles: string; allFiles: string;
  /** Closing while a job runs. */
  jobRunningTitle: string; jobRunningMessage: string; jobRunningDetail: string; keepWorking: string; cancelAndQuit: string;
  engineCrashed: string;
}

export const MAIN_STRINGS: Record<MainLocale, MainStrings> = {
  'zh-CN': {
    file: '文件', newProject: '新建项目…', openProject: '打开项目…', openDemo: '打开示例项目', recent: '最近打开',
    recentEmpty: '（无）', clearRecent: '清除列表', importData: '导入数据…', exportData: '导出…', closeProject: '关闭项目',
    settings: '设置…', quit: '退出', edit: '编辑', view: '视图', window: '窗口', help: '帮助',
    manual: '用户手册', shortcuts: '键盘快捷键', logs: '查看日志', openLogsFolder: '打开日志文件夹', checkUpdate: '检查新版本…', about: '关于民声',
    projectFiles: '民声项目', dataFiles: '工单数据（CSV、Excel、JSON）', allFiles: '所有文件',
    jobRunningTitle: '任务正在运行', jobRunningMessage: '有 {n} 个任务正在运行（{kinds}）。现在退出吗？',
    jobRunningDetail: '退出会取消任务；任务是一个事务，取消后项目保持任务开始前的状态，不会丢失已有数据。',
    keepWorking: '继续工作', cancelAndQuit: '取消任务并退出', engineCrashed: '分析引擎意外退出',
  },
  en: {
    file: 'File', newProject: 'New Project…', openProject: 'Open Project…', openDemo: 'Open Demo Project', recent: 'Open Recent',
    recentEmpty: '(none)', clearRecent: 'Clear List', importData: 'Import Data…', exportData: 'Export…', closeProject: 'Close Project',
    settings: 'Settings…', quit: 'Quit', edit: 'Edit', view: 'View', window: 'Window', help: 'Help',
    manual: 'User Manual', shortcuts: 'Keyboard Shortcuts', logs: 'View Logs', openLogsFolder: 'Open Logs Folder', checkUpdate: 'Check for a Newer Version…', about: 'About Minsheng',
    projectFiles: 'Minsheng project', dataFiles: 'Hotline data (CSV, Excel, JSON)', allFiles: 'All files',
    jobRunningTitle: 'A job is running', jobRunningMessage: '{n} job(s) running ({kinds}). Quit now?',
    jobRunningDetail: 'Quitting cancels the job. A job is one transaction: once cancelled, the project is exactly as it was before the job started; no data is lost.',
    keepWorking: 'Keep Working', cancelAndQuit: 'Cancel Job and Quit', engineCrashed: 'The analysis engine stopped unexpectedly',
  },
};

export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
}

/** The saved UI language wins; otherwise the system's. */
export function pickLocale(saved: unknown, systemLocale: string): MainLocale {
  if (saved === 'zh-CN' || saved === 'en') return saved;
  return systemLocale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
