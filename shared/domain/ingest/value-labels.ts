/**
 * Built-in label tables for enumerated values (keys in labelKey form: half-width, lower-case, single
 * spaces) and keyword rules tried in order when no exact label matches.
 *
 * Satisfaction scale: the common 12345 three-level scale 满意 / 基本满意 / 不满意 maps to 1 / 0.75 / 0;
 * the five-level scale adds 非常满意 = 1, 一般 = 0.5, 不太满意 = 0.25, 非常不满意 = 0. Projects with a
 * different scale override labels in MappingSpec.satisfactionLabels.
 */
import type { Channel, RequestType, Status } from './types';

function table<T>(groups: [T, string[]][]): Map<string, T> {
  const m = new Map<string, T>();
  for (const [v, keys] of groups) for (const k of keys) m.set(k, v);
  return m;
}

export const SATISFACTION_LABELS: Map<string, number | null> = table<number | null>([
  [1, ['非常满意', '很满意', '十分满意', '满意', '非常好', 'very satisfied', 'satisfied', 'extremely satisfied', 'excellent', '是', 'yes', 'y', 'true']],
  [0.75, ['基本满意', '比较满意', '较满意', '还算满意', 'somewhat satisfied', 'mostly satisfied', 'good']],
  [0.5, ['一般', '中立', '一般满意', 'neutral', 'average', 'fair']],
  [0.25, ['不太满意', '较不满意', '比较不满意', '不很满意', 'somewhat dissatisfied', 'poor']],
  [0, ['不满意', '非常不满意', '很不满意', '极不满意', 'dissatisfied', 'unsatisfied', 'not satisfied', 'very dissatisfied', 'very poor', '否', 'no', 'n', 'false']],
  [null, [
    '未评价', '未回访', '无', '不评价', '拒绝评价', '未评', '无评价', '暂无', '暂无评价', '未接通', '无法联系', '不需回访', '免回访', '无需回访',
    '-', '--', '—', '/', 'n/a', 'na', 'null', 'none', 'not rated', 'no rating', 'no response', 'unrated',
  ]],
]);

export const STATUS_LABELS: Map<string, Status> = table<Status>([
  ['closed', [
    '已办结', '办结', '已关闭', '关闭', '结案', '已结案', '已完成', '完成', '已归档', '归档', '已答复', '已回复', '已处理', '处理完毕', '办理完毕', '已解决',
    'closed', 'close', 'resolved', 'completed', 'complete', 'done', 'referred out',
  ]],
  ['in_progress', [
    '处理中', '办理中', '已受理', '已派单', '派单', '转办', '已转办', '已签收', '签收', '待办结', '未办结', '待回访', '回访中', '待审核', '审核中', '延期', '督办', '已分派',
    'in progress', 'in_progress', 'inprogress', 'pending', 'assigned', 'acknowledged', 'accepted', 'started', 'working', 'forwarded',
  ]],
  ['open', ['待受理', '待处理', '待派单', '未受理', '未处理', '新建', '新工单', 'new', 'open', 'opened', 'submitted', 'received', 'unassigned']],
  ['returned', ['退回', '回退', '已退回', '被退回', '退单', 'returned', 'sent back', 'rejected']],
  ['other', ['已撤销', '撤销', '作废', '已作废', '撤回', '已撤回', 'cancelled', 'canceled', 'void', 'duplicate']],
]);

export const STATUS_RULES: readonly (readonly [string, Status])[] = [
  ['未办结', 'in_progress'], ['未完成', 'in_progress'], ['未关闭', 'in_progress'],
  ['退回', 'returned'], ['回退', 'returned'], ['return', 'returned'],
  ['撤销', 'other'], ['作废', 'other'], ['cancel', 'other'],
  ['办结', 'closed'], ['结案', 'closed'], ['关闭', 'closed'], ['完成', 'closed'], ['close', 'closed'], ['resolve', 'closed'],
  ['处理中', 'in_progress'], ['办理中', 'in_progress'], ['转办', 'in_progress'], ['progress', 'in_progress'], ['pending', 'in_progress'],
  ['待受理', 'open'], ['待处理', 'open'], ['open', 'open'],
];

export const CHANNEL_LABELS: Map<string, Channel> = table<Channel>([
  ['phone', ['电话', '热线', '12345热线', '12345', '来电', '热线电话', '电话来电', '语音留言', 'call', 'phone', 'telephone', 'voicemail', 'call center']],
  ['web', ['网站', '网络', '门户', '门户网站', '政府网站', '网上', '网页', '市长信箱', '网络留言', 'web', 'web form', 'website', 'online', 'self service', 'internet', 'portal']],
  ['app', ['app', 'mobile app', '手机app', '客户端', '移动端', 'driver self report', 'mobile', 'ios', 'android']],
  ['wechat', ['微信', '微信公众号', '微信小程序', '小程序', 'wechat']],
  ['weibo', ['微博', 'weibo']],
  ['email', ['邮件', '电子邮件', '邮箱', 'email', 'e-mail', 'mail']],
  ['sms', ['短信', 'sms', 'text', 'text message']],
  ['walk_in', ['来访', '现场', '窗口', '来访接待', 'walk-in', 'walk in', 'in person']],
  ['other', ['其他', '其它', '信件', 'other', 'letter', 'fax']],
]);

export const CHANNEL_RULES: readonly (readonly [string, Channel])[] = [
  ['微信', 'wechat'], ['微博', 'weibo'], ['短信', 'sms'], ['邮件', 'email'], ['邮箱', 'email'], ['email', 'email'],
  ['app', 'app'], ['客户端', 'app'], ['网', 'web'], ['web', 'web'],
  ['电话', 'phone'], ['热线', 'phone'], ['来电', 'phone'], ['call', 'phone'], ['phone', 'phone'],
  ['来访', 'walk_in'], ['现场', 'walk_in'], ['窗口', 'walk_in'], ['walk', 'walk_in'],
];

export const REQUEST_TYPE_LABELS: Map<string, RequestType> = table<RequestType>([
  ['complaint', ['投诉', '投诉类', 'complaint']],
  ['consultation', ['咨询', '咨询类', '查询', 'consultation', 'consult', 'inquiry', 'enquiry', 'question', 'information']],
  ['suggestion', ['建议', '意见', '意见建议', '建议类', 'suggestion', 'advice', 'feedback']],
  ['report', ['举报', '举报类', '反映', 'report', 'tip']],
  ['help', ['求助', '求助类', '求决', 'help', 'request for help', 'assistance']],
  ['praise', ['表扬', '感谢', '表扬类', 'praise', 'compliment', 'thanks']],
  ['other', ['其他', '其它', 'other']],
]);

export const REQUEST_TYPE_RULES: readonly (readonly [string, RequestType])[] = [
  ['投诉', 'complaint'], ['举报', 'report'], ['咨询', 'consultation'], ['建议', 'suggestion'], ['意见', 'suggestion'],
  ['求助', 'help'], ['表扬', 'praise'], ['感谢', 'praise'],
  ['complain', 'complaint'], ['inquir', 'consultation'], ['enquir', 'consultation'], ['suggest', 'suggestion'], ['help', 'help'], ['compliment', 'praise'], ['praise', 'praise'],
];
