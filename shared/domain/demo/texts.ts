/**
 * Chinese request texts in 12345 style, composed from category phrases and place names:
 * titles, contents (40–120 characters), addresses and department replies.
 */
import type { Rng } from './rng';
import type { Leaf } from './taxonomy';

export type Channel = 'phone' | 'web' | 'app' | 'wechat' | 'weibo' | 'email' | 'other';
export type RequestType = 'complaint' | 'consultation' | 'suggestion' | 'report' | 'help' | 'praise';

/** Names around one community, precomputed for the text hot path. */
export interface Place {
  district: string;
  street: string;
  community: string;
  estates: string[];
  roads: string[];
}

export const CONTENT_MIN = 40;
export const CONTENT_MAX = 120;

const OPENING: Record<Channel, string[]> = {
  phone: ['市民来电反映：', '来电人反映：', '市民来电称：'],
  web: ['市民通过网站留言反映：', '网民留言反映：'],
  app: ['市民通过政务APP反映：', '用户通过APP反映：'],
  wechat: ['市民通过微信公众号反映：', '市民通过小程序反映：'],
  weibo: ['网民通过微博反映：'],
  email: ['市民来信反映：'],
  other: ['群众反映：'],
};
const OPENING_BY_TYPE: Partial<Record<RequestType, string[]>> = {
  consultation: ['来电人咨询：', '市民来电咨询：'],
  suggestion: ['市民来电建议：', '市民建议：'],
  report: ['市民来电举报：', '群众举报：'],
  help: ['来电人求助：', '市民来电求助：'],
  praise: ['市民来电表扬：'],
};
const DURATION = ['，已持续一周左右', '，已有半个多月', '，近期尤为严重', '，此前已多次反映但一直未解决', '，从上个月开始一直如此', '，这两天特别明显'];
const IMPACT = ['，严重影响周边居民正常生活', '，给居民出行带来很大不便', '，存在较大安全隐患', '，居民意见很大', '，老人和孩子深受其扰'];
const ENDING: Record<RequestType, string[]> = {
  complaint: ['，希望相关部门尽快处理。', '，请相关部门核实处理。', '，要求尽快解决。', '，希望有关部门加强监管。'],
  consultation: ['，希望工作人员给予解答。', '，请相关部门予以答复。', '，希望告知具体办理流程和所需材料。'],
  suggestion: ['，建议相关部门研究解决。', '，希望相关部门予以采纳。'],
  report: ['，请相关部门依法查处。', '，希望有关部门核实后严肃处理。'],
  help: ['，请求相关部门给予帮助。', '，希望尽快派人处理。'],
  praise: ['，特致电表示感谢。', '，希望给予表扬。'],
};
const CONSULT_CONTEXT = ['来电人表示在网上查询后仍不清楚，', '来电人称多次拨打窗口电话无人接听，', '来电人表示家中老人不会使用手机查询，', ''];
const FILLER = '，来电人表示周边邻居也有同样的问题';
const CONSULT_REPLIES = ['已向来电人详细解释相关政策及办理流程，来电人表示清楚', '已告知来电人可通过线上平台或窗口办理', '已电话联系来电人，解答了相关问题'];
export const RETURN_REPLY = '经核实，该诉求不属于本单位职责范围，申请退回重新派单。';

/** A place phrase inside the community: an estate, a road number or a crossing. */
export function placePhrase(p: Place, r: Rng, estate: string): string {
  const x = r.next();
  if (x < 0.45) return estate;
  if (x < 0.7) return `${p.roads[0]}${1 + Math.floor(r.next() * 300)}号附近`;
  if (x < 0.85 && p.roads.length > 1) return `${p.roads[0]}与${p.roads[1 + Math.floor(r.next() * (p.roads.length - 1))]}交叉口`;
  return `${p.community}${estate}`;
}

/** Full Chinese address: district + street + road + number, or district + street + community + estate + building. */
export function composeAddress(p: Place, r: Rng, estate: string): string {
  if (r.next() < 0.5) return `${p.district}${p.street}${p.roads[Math.floor(r.next() * p.roads.length)]}${1 + Math.floor(r.next() * 400)}号`;
  return `${p.district}${p.street}${p.community}${estate}${1 + Math.floor(r.next() * 30)}栋${1 + Math.floor(r.next() * 4)}单元`;
}

export function requestTypeOf(leaf: Leaf, r: Rng): RequestType {
  switch (leaf.kind) {
    case 'c': return 'consultation';
    case 'g': return 'praise';
    case 'r': return r.next() < 0.85 ? 'report' : 'complaint';
    case 's': return r.next() < 0.8 ? 'suggestion' : 'complaint';
    case 'h': return r.next() < 0.8 ? 'help' : 'complaint';
    default: {
      const x = r.next();
      return x < 0.86 ? 'complaint' : x < 0.93 ? 'suggestion' : x < 0.97 ? 'help' : 'consultation';
    }
  }
}

/**
 * Request content, e.g. 市民来电反映：兴亭佳园电梯经常故障停运，多次报修仍未修好，已持续一周左右，希望相关部门尽快处理。
 * `crowd` marks a burst (many neighbours reporting the same problem).
 */
export function composeContent(leaf: Leaf, type: RequestType, channel: Channel, place: string, p: Place, r: Rng, crowd: boolean): string {
  const typed = OPENING_BY_TYPE[type];
  const opening = typed && (type !== 'complaint') && r.next() < 0.8 ? r.pick(typed) : r.pick(OPENING[channel]);
  const phrase = r.pick(leaf.phrases);
  const ending = r.pick(ENDING[type]);
  let text: string;
  if (leaf.kind === 'c' || type === 'consultation') {
    const who = r.next() < 0.5 ? `来电人系${p.district}${p.community}居民，` : '';
    text = `${opening}${who}${r.pick(CONSULT_CONTEXT)}${phrase}${ending}`;
  } else {
    const duration = type === 'praise' ? '' : r.next() < 0.7 ? r.pick(DURATION) : '';
    const impact = crowd ? FILLER : type === 'complaint' || type === 'report' ? (r.next() < 0.6 ? r.pick(IMPACT) : '') : '';
    text = `${opening}${place}${phrase}${duration}${impact}${ending}`;
    if (text.length > CONTENT_MAX) text = `${opening}${place}${phrase}${ending}`;
  }
  if (text.length < CONTENT_MIN) text = text.slice(0, -1) + FILLER + ending.slice(-1);
  if (text.length < CONTENT_MIN) text = text.slice(0, -1) + `，请尽快联系来电人${ending.slice(-1)}`;
  if (text.length > CONTENT_MAX) text = text.slice(0, CONTENT_MAX - 1) + '。';
  return text;
}

export function composeTitle(leaf: Leaf, type: RequestType, spot: string, r: Rng): string {
  switch (type) {
    case 'consultation': return r.next() < 0.5 ? `咨询${leaf.name}相关问题` : `关于${leaf.name}的咨询`;
    case 'suggestion': return `关于${spot}${leaf.name}的建议`;
    case 'report': return `举报${spot}${leaf.name}`;
    case 'help': return `${spot}${leaf.name}求助`;
    case 'praise': return `表扬${spot}工作人员`;
    default: return r.next() < 0.5 ? `${spot}${leaf.name}问题` : `关于${spot}${leaf.name}的投诉`;
  }
}

export function composeReply(leaf: Leaf, type: RequestType, department: string, r: Rng): string {
  const body = type === 'consultation' ? r.pick(CONSULT_REPLIES) : r.pick(leaf.replies);
  return `${department}答复：${body}。`;
}
