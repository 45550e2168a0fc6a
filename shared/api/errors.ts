/**
 * The closed set of error codes every transport can return, with messages in zh-CN and en.
 * Messages take named parameters written as {name}.
 */
export const ERROR_MESSAGES = {
  BAD_INPUT: { 'zh-CN': '请求参数不正确：{detail}', en: 'Invalid request input: {detail}' },
  BAD_OUTPUT: { 'zh-CN': '引擎返回的数据不符合约定：{detail}', en: 'The engine returned data that breaks the contract: {detail}' },
  UNKNOWN_METHOD: { 'zh-CN': '未知的接口方法：{method}', en: 'Unknown API method: {method}' },
  UNAUTHORIZED: { 'zh-CN': '请求未获授权（浏览器模式下请使用启动时打印的带令牌地址打开民声）', en: 'Request not authorised (in browser mode, open Minsheng with the address and token printed at start)' },
  FORBIDDEN_ORIGIN: { 'zh-CN': '拒绝来自其他来源的请求：{origin}', en: 'Request from a foreign origin refused: {origin}' },
  NO_PROJECT: { 'zh-CN': '尚未打开项目，请先新建或打开一个项目', en: 'No project is open: create or open one first' },
  FILE_NOT_FOUND: { 'zh-CN': '找不到文件：{path}', en: 'File not found: {path}' },
  FILE_EXISTS: { 'zh-CN': '文件已存在：{path}', en: 'File already exists: {path}' },
  NOT_A_DATABASE: { 'zh-CN': '“{path}”不是民声项目文件（不是 SQLite 数据库），文件未被改动', en: '"{path}" is not a Minsheng project (not an SQLite database); the file was not changed' },
  FOREIGN_DATABASE: { 'zh-CN': '“{path}”是其他程序的 SQLite 数据库，不是民声项目，文件未被改动', en: '"{path}" is an SQLite database of another program, not a Minsheng project; the file was not changed' },
  CORRUPT_DATABASE: { 'zh-CN': '项目文件“{path}”已损坏（{detail}），文件未被改动', en: 'Project file "{path}" is corrupt ({detail}); the file was not changed' },
  NEWER_SCHEMA: { 'zh-CN': '项目文件由更新版本的民声创建（数据结构版本 {found}，本程序支持到 {supported}），请升级民声后再打开；文件未被改动', en: 'The project was written by a newer Minsheng (schema {found}, this version supports up to {supported}); upgrade Minsheng to open it. The file was not changed' },
  PROJECT_LOCKED: { 'zh-CN': '项目正被另一个民声进程使用（主机 {host}，进程 {pid}，自 {since} 起），请先在那里关闭它', en: 'The project is in use by another Minsheng process (host {host}, pid {pid}, since {since}); close it there first' },
  READ_ONLY: { 'zh-CN': '无法写入“{path}”：{detail}', en: 'Cannot write "{path}": {detail}' },
  JOB_NOT_FOUND: { 'zh-CN': '找不到任务 {jobId}', en: 'Job {jobId} not found' },
  JOB_BUSY: { 'zh-CN': '已有任务正在写入项目（{jobId}），请等待它完成或取消它', en: 'Another job is writing to the project ({jobId}); wait for it or cancel it' },
  CANCELLED: { 'zh-CN': '任务已取消，项目保持原状', en: 'The job was cancelled; the project is unchanged' },
  INTERNAL: { 'zh-CN': '内部错误：{detail}', en: 'Internal error: {detail}' },
  ALERT_NOT_FOUND: { 'zh-CN': '找不到预警 {id}', en: 'Alert {id} not found' },
  ALERT_BAD_TRANSITION: { 'zh-CN': '预警状态不能从“{from}”变为“{to}”', en: 'An alert cannot go from "{from}" to "{to}"' },
  ALERT_NEEDS_DEPARTMENT: { 'zh-CN': '指派预警时必须填写承办部门', en: 'Assigning an alert needs a department' },
  BAD_FOLDER: { 'zh-CN': '“{path}”不能用作数据文件夹：必须是可写的绝对路径', en: '"{path}" cannot be the data folder: it must be an absolute, writable path' },
  BAD_UPDATE_FILE: { 'zh-CN': '“{path}”不是有效的民声更新文件：{detail}', en: '"{path}" is not a valid Minsheng update file: {detail}' },
  LAYER_UNREADABLE: { 'zh-CN': '无法导入图层文件“{file}”，项目未改动：{detail}', en: 'Cannot import the layer file "{file}"; the project was not changed: {detail}' },
  BASEMAP_UNREADABLE: { 'zh-CN': '无法使用底图文件“{path}”：{detail}（支持 MBTiles 与 PMTiles 瓦片文件）', en: 'Cannot use the basemap file "{path}": {detail} (MBTiles and PMTiles tile files are supported)' },
  STATS_PREPARING: { 'zh-CN': '正在为本项目准备统计数据（任务 {jobId}），完成后图表会自动刷新', en: 'Preparing this project\'s statistics (job {jobId}); the charts refresh when it is done' },
  PACKAGE_INVALID: { 'zh-CN': '“{path}”不是可用的民声数据包：{detail}；项目未改动', en: '"{path}" is not a usable Minsheng data package: {detail}; the project was not changed' },
  PACKAGE_TAMPERED: { 'zh-CN': '数据包文件“{file}”与清单不符（{detail}），可能已被篡改或损坏；拒绝导入，项目未改动', en: 'The package file "{file}" does not match the manifest ({detail}); it may have been tampered with or damaged. Import refused; the project was not changed' },
  PACKAGE_FILE_MISSING: { 'zh-CN': '数据包缺少清单中列出的文件“{file}”；拒绝导入，项目未改动', en: 'The package lacks the file "{file}" listed in its manifest. Import refused; the project was not changed' },
  PACKAGE_OUT_NOT_EMPTY: { 'zh-CN': '输出文件夹“{path}”不是空的；请选择一个新的或空的文件夹，以免覆盖已有文件', en: 'The output folder "{path}" is not empty; choose a new or empty folder so no file is overwritten' },
  PDF_PRINTER_MISSING: { 'zh-CN': '无法生成 PDF：未找到 Chromium 浏览器。请安装 Chromium（Debian/Ubuntu：sudo apt-get install chromium；或设置环境变量 CHROMIUM_PATH 指向 Chromium/Chrome 可执行文件），或改为导出 HTML/DOCX 后自行打印', en: 'Cannot write a PDF: no Chromium browser was found. Install Chromium (Debian/Ubuntu: sudo apt-get install chromium; or set CHROMIUM_PATH to a Chromium/Chrome executable), or export HTML/DOCX and print that' },
  REPORT_PRINT_FAILED: { 'zh-CN': '打印 PDF 失败：{detail}', en: 'Printing the PDF failed: {detail}' },
  REPORT_NOT_FOUND: { 'zh-CN': '未找到报告{what}“{id}”', en: 'Report {what} "{id}" not found' },
  REPORT_BUILTIN: { 'zh-CN': '内置模板“{id}”不能删除，可以修改或恢复默认', en: 'The built-in template "{id}" cannot be deleted; edit it or reset it instead' },
  REPORT_OUT_EXISTS: { 'zh-CN': '文件“{path}”已存在；请换一个文件名或允许覆盖', en: 'The file "{path}" already exists; choose another name or allow overwriting' },
  DIVISIONS_UNREADABLE: { 'zh-CN': '无法使用行政区划列表“{file}”：{detail}；设置未改动（格式：每行 代码,名称[,上级代码]）', en: 'Cannot use the division list "{file}": {detail}; the settings were not changed (format: code,name[,parent] per line)' },
} as const satisfies Record<string, { 'zh-CN': string; en: string }>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
export type Locale = 'zh-CN' | 'en';
export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[];

export interface ApiErrorPayload {
  code: ErrorCode;
  params: Record<string, string | number>;
  message: string;
}

export function formatErrorMessage(code: ErrorCode, params: Record<string, string | number>, locale: Locale = 'zh-CN'): string {
  const template = ERROR_MESSAGES[code][locale];
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
}

/** The error every layer throws and every transport carries. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;
  constructor(code: ErrorCode, params: Record<string, string | number> = {}) {
    super(formatErrorMessage(code, params, 'en'));
    this.name = 'ApiError';
    this.code = code;
    this.params = params;
  }
  toPayload(locale: Locale = 'zh-CN'): ApiErrorPayload {
    return { code: this.code, params: this.params, message: formatErrorMessage(this.code, this.params, locale) };
  }
  static fromPayload(p: ApiErrorPayload): ApiError {
    const code = (ERROR_CODES as string[]).includes(p.code) ? p.code : 'INTERNAL';
    return new ApiError(code, p.params ?? { detail: p.message });
  }
  localized(locale: Locale): string {
    return formatErrorMessage(this.code, this.params, locale);
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** HTTP status used by the HTTP transport for each code. */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'UNAUTHORIZED': return 401;
    case 'FORBIDDEN_ORIGIN': return 403;
    case 'UNKNOWN_METHOD': case 'FILE_NOT_FOUND': case 'JOB_NOT_FOUND': return 404;
    case 'PROJECT_LOCKED': case 'JOB_BUSY': case 'FILE_EXISTS': return 409;
    case 'INTERNAL': case 'BAD_OUTPUT': return 500;
    default: return 400;
  }
}
