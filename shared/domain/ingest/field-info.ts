/** Labels, descriptions and value kinds of the standard fields (for the mapping UI and validation). */
import type { StandardField } from './types';

export type FieldKind = 'id' | 'time' | 'text' | 'number' | 'enum' | 'coord' | 'phone';

export interface FieldInfo {
  label: { 'zh-CN': string; en: string };
  description: { 'zh-CN': string; en: string };
  kind: FieldKind;
  /** The import cannot run without a column for this field. */
  required: boolean;
}

function f(kind: FieldKind, zh: string, en: string, dZh: string, dEn: string, required = false): FieldInfo {
  return { label: { 'zh-CN': zh, en }, description: { 'zh-CN': dZh, en: dEn }, kind, required };
}

export const FIELD_INFO: Record<StandardField, FieldInfo> = {
  externalId: f('id', '工单编号', 'Request ID', '源系统中的工单唯一编号；未映射时按整行内容生成稳定编号，重复导入同一文件可去重', 'Unique request number in the source system; when unmapped, a stable key is derived from the whole row so re-importing deduplicates'),
  receivedAt: f('time', '受理时间', 'Received at', '工单受理（来电、留言、创建）的时间，必填', 'When the request was received (call, message, creation); required', true),
  firstResponseAt: f('time', '首次响应时间', 'First response at', '承办单位签收或首次响应的时间', 'When the handling unit signed for or first responded to the request'),
  closedAt: f('time', '办结时间', 'Closed at', '工单办结、结案或关闭的时间', 'When the request was closed or resolved'),
  channel: f('enum', '来源渠道', 'Channel', '电话、网站、APP、微信、微博、邮件、短信、来访等', 'Phone, web, app, WeChat, Weibo, email, SMS, walk-in…'),
  requestType: f('enum', '诉求类型', 'Request type', '投诉、咨询、建议、举报、求助、表扬', 'Complaint, consultation, suggestion, report, help, praise'),
  cat1: f('text', '一级分类', 'Category level 1', '源系统的一级分类名称', 'Level-1 category label of the source'),
  cat2: f('text', '二级分类', 'Category level 2', '源系统的二级分类名称', 'Level-2 category label of the source'),
  cat3: f('text', '三级分类', 'Category level 3', '源系统的三级分类名称', 'Level-3 category label of the source'),
  categoryOriginal: f('text', '问题分类（原文）', 'Category (as given)', '源系统的分类原文；含“/”“-”“>”等分隔的层级时自动拆分', 'The source category text; split into levels when it holds a hierarchy such as "A / B / C"'),
  title: f('text', '标题', 'Title', '工单或留言的标题、主题', 'Title or subject of the request'),
  content: f('text', '诉求内容', 'Content', '诉求、来电或留言的正文', 'Body of the request, call notes or message'),
  address: f('text', '地址', 'Address', '事发地址或详细地址', 'Incident or full address'),
  district: f('text', '区县', 'District', '所属区、县或行政区（美国数据：议会选区、行政区）', 'District or county (US data: council district, borough)'),
  street: f('text', '街道', 'Sub-district', '所属街道、乡镇', 'Sub-district (街道) or township'),
  community: f('text', '社区', 'Community', '所属社区、村居或小区（美国数据：社区议会）', 'Community, village or estate (US data: neighbourhood council)'),
  lon: f('coord', '经度', 'Longitude', '经度；按所选坐标系（WGS-84、GCJ-02、BD-09）读取，统一存为 WGS-84', 'Longitude in the chosen system (WGS-84, GCJ-02, BD-09); stored as WGS-84'),
  lat: f('coord', '纬度', 'Latitude', '纬度；按所选坐标系读取，统一存为 WGS-84', 'Latitude in the chosen system; stored as WGS-84'),
  department: f('text', '承办单位', 'Department', '承办、处理或责任单位', 'Handling or responsible department'),
  transfers: f('number', '转办次数', 'Transfers', '工单被转办的次数（非负整数，空为 0）', 'How many times the request was transferred (non-negative integer, empty = 0)'),
  status: f('enum', '办理状态', 'Status', '待受理、办理中、已办结、已退回等', 'Open, in progress, closed, returned…'),
  reply: f('text', '答复内容', 'Reply', '答复、回复内容或处理结果', 'Reply text or resolution description'),
  satisfaction: f('enum', '满意度', 'Satisfaction', '满意、基本满意、不满意、星级或 0–100 分，统一为 0–1', 'Satisfied / dissatisfied, stars or 0–100, stored as 0–1'),
  callerPhone: f('phone', '来电号码', 'Caller phone', '来电或联系电话；只存加盐哈希，原号码需另行勾选保存', 'Caller or contact number; stored as a salted hash, the raw number only on opt-in'),
};
