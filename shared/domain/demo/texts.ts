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
const CONSULT_CONTEXT = ['，来电人表示在网上查询后仍不清楚', '，来电人称多次拨打窗口电话无人接听', '，来电人表示家中老人不会使用手机查询', ''];
/** Marks a burst: neighbours (or colleagues) report the same problem. */
const CROWD = '，来电人表示周边邻居也有同样的问题';
const CROWD_SELF = '，身边还有不少人遇到同样的问题';
export const RETURN_REPLY = '经核实，该诉求不属于本单位职责范围，申请退回重新派单。';

/** Where inside the community a request is anchored: a road number or a residential estate. */
export interface Spot {
  road: string | null;
  number: number;
  estate: string;
  /** Short name for titles: the road or the estate. */
  short: string;
  /** Phrase used in the content (e.g. 梧桐路12号附近, 梧桐路与丹凤街交叉口, 兴亭佳园). */
  phrase: string;
  address: string;
}

export function pickSpot(p: Place, r: Rng, estate: string, anchor: Leaf['anchor']): Spot {
  const x = anchor === 'road' ? r.next() * 0.45 : r.next();
  const prefix = r.next() < 0.35 ? p.district + p.street : '';
  if (x < 0.45) {
    const road = p.roads[Math.floor(r.next() * p.roads.length)];
    const number = 1 + Math.floor(r.next() * 400);
    const crossing = r.next() < 0.35 && p.roads.length > 1 && road !== p.roads[0];
    const phrase = crossing ? `${road}与${p.roads[0]}交叉口` : `${road}${number}号附近`;
    return { road, number, estate, short: road, phrase: prefix + phrase, address: `${p.district}${p.street}${road}${number}号` };
  }
  const number = 1 + Math.floor(r.next() * 30);
  const phrase = x < 0.8 ? estate : `${p.community}${estate}`;
  return { road: null, number, estate, short: estate, phrase: prefix + phrase, address: `${p.district}${p.street}${p.community}${estate}${number}栋${1 + Math.floor(r.next() * 4)}单元` };
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
      return x < 0.88 ? 'complaint' : x < 0.95 ? 'suggestion' : 'help';
    }
  }
}

/**
 * Request content, e.g. 市民来电反映：兴亭佳园电梯经常故障停运，多次报修仍未修好，已持续一周左右，希望相关部门尽快处理。
 * `crowd` marks a burst (many neighbours reporting the same problem).
 */
export function composeContent(leaf: Leaf, type: RequestType, channel: Channel, place: string, p: Place, r: Rng, crowd: boolean): string {
  const typedOpenings = OPENING_BY_TYPE[type];
  const typed = typedOpenings !== undefined && r.next() < 0.7;
  const opening = typed ? r.pick(typedOpenings) : r.pick(OPENING[channel]);
  let phrase = r.pick(leaf.phrases);
  const ending = r.pick(ENDING[type]);
  const who = r.next() < 0.45 ? `来电人系${p.district}${p.community}居民，` : '';
  let body: string;
  let filler: string;
  if (leaf.kind === 'c' || type === 'consultation') {
    const context = r.pick(CONSULT_CONTEXT);
    body = typed ? `${opening}${who}${phrase}${context}` : `${opening}${who}咨询${phrase}${context}`;
    filler = context === CONSULT_CONTEXT[0] ? '，希望尽快得到答复' : CONSULT_CONTEXT[0];
  } else if (leaf.anchor === 'self') {
    const duration = r.next() < 0.6 ? r.pick(DURATION) : '';
    body = `${opening}${who}${phrase}${duration}${crowd ? CROWD_SELF : ''}`;
    filler = crowd ? '，来电人情绪较为激动' : CROWD_SELF;
  } else {
    if (place.endsWith('附近') && phrase.startsWith('附近')) phrase = phrase.slice(2);
    const duration = type === 'praise' ? '' : r.next() < 0.7 ? r.pick(DURATION) : '';
    const impact = crowd ? CROWD : type === 'complaint' || type === 'report' ? (r.next() < 0.6 ? r.pick(IMPACT) : '') : '';
    body = `${opening}${place}${phrase}${duration}${impact}`;
    if (body.length + ending.length > CONTENT_MAX) body = `${opening}${place}${phrase}`;
    filler = crowd ? '，来电人情绪较为激动' : CROWD;
  }
  if (body.length + ending.length < CONTENT_MIN) body += filler;
  if (body.length + ending.length < CONTENT_MIN) body += '，请尽快联系来电人';
  const text = body + ending;
  return text.length > CONTENT_MAX ? text.slice(0, CONTENT_MAX - 1) + '。' : text;
}

export function composeTitle(leaf: Leaf, type: RequestType, spotName: string, r: Rng): string {
  const spot = leaf.anchor === 'self' ? '' : spotName;
  switch (type) {
    case 'consultation': return r.next() < 0.5 ? `咨询${leaf.name}相关问题` : `关于${leaf.name}的咨询`;
    case 'suggestion': return `关于${spot}${leaf.name}的建议`;
    case 'report': return `举报${spot}${leaf.name}`;
    case 'help': return `${spot}${leaf.name}求助`;
    case 'praise': return `表扬${spot}工作人员`;
    default: return r.next() < 0.5 ? `${spot}${leaf.name}问题` : `关于${spot}${leaf.name}的投诉`;
  }
}

const GENERIC_REPLIES = [
  '经现场核查，来电人反映的{leaf}问题属实，已责成相关责任单位限期整改',
  '已安排工作人员到现场处理，{leaf}问题已解决，并已电话回复来电人',
  '经调查，来电人反映情况部分属实，已依法依规处理，并向来电人做好解释',
];
const TYPE_REPLIES: Partial<Record<RequestType, string[]>> = {
  consultation: ['已向来电人详细解释相关政策及办理流程，来电人表示清楚', '已告知来电人可通过线上平台或窗口办理', '已电话联系来电人，解答了相关问题'],
  suggestion: ['来电人的建议已收悉，已转交相关部门研究，将纳入下一步工作统筹考虑', '感谢来电人的建议，相关部门将结合实际研究采纳'],
  help: ['已第一时间安排人员联系来电人并提供帮助，问题已妥善处理', '已协调社区工作人员上门了解情况并给予帮助'],
  praise: ['已将来电人的表扬转达相关单位和个人'],
};

export function composeReply(leaf: Leaf, type: RequestType, department: string, r: Rng): string {
  const typed = TYPE_REPLIES[type];
  const body = typed ? r.pick(typed) : r.next() < 0.5 ? r.pick(leaf.replies) : r.pick(GENERIC_REPLIES).replace('{leaf}', leaf.name);
  return `${department}答复：${body}。`;
}
