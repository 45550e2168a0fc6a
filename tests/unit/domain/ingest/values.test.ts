import { describe, expect, it } from 'vitest';
import { normalisePhone, parseChannel, parseNumber, parseRequestType, parseSatisfaction, parseStatus } from '../../../../shared/domain/ingest';

describe('parseSatisfaction', () => {
  it.each([
    ['满意', 1], ['非常满意', 1], ['基本满意', 0.75], ['一般', 0.5], ['不太满意', 0.25], ['不满意', 0], ['非常不满意', 0],
    ['Satisfied', 1], ['Very Dissatisfied', 0], ['Neutral', 0.5], ['是', 1], ['否', 0], ['yes', 1], ['No', 0],
    ['★★★★★', 1], ['★★★☆☆', 0.5], ['4星', 0.75], [5, 1], [1, 0], ['3', 0.5], [80, 0.8], ['85%', 0.85], ['90分', 0.9], [0, 0], [0.6, 0.6],
    [' 满意 ', 1], ['ＹＥＳ', 1],
  ])('%j → %s', (cell, value) => {
    const r = parseSatisfaction(cell);
    expect(r.value).toBeCloseTo(value as number, 10);
    expect(r.known).toBe(true);
  });

  it('keeps "not evaluated" as a label without a value', () => {
    for (const label of ['未评价', '未回访', '无', 'N/A']) {
      const r = parseSatisfaction(label);
      expect(r).toEqual({ value: null, label, known: true });
    }
  });

  it('treats empty as nothing and flags unknown text', () => {
    expect(parseSatisfaction('')).toEqual({ value: null, label: null, known: true });
    expect(parseSatisfaction(null)).toEqual({ value: null, label: null, known: true });
    expect(parseSatisfaction('还行吧')).toEqual({ value: null, label: '还行吧', known: false });
    expect(parseSatisfaction(250).known).toBe(false);
  });

  it('lets overrides win, matched case-insensitively after trimming', () => {
    expect(parseSatisfaction('满意', { ' 满意 ': 0.8 }).value).toBe(0.8);
    expect(parseSatisfaction('GOOD', { good: 0.9 }).value).toBe(0.9);
    expect(parseSatisfaction('还行吧', { 还行吧: 0.6 })).toEqual({ value: 0.6, label: '还行吧', known: true });
  });
});

describe('parseStatus', () => {
  it.each([
    ['已办结', 'closed'], ['办结', 'closed'], ['已关闭', 'closed'], ['结案', 'closed'], ['已完成', 'closed'], ['closed', 'closed'], ['Closed', 'closed'],
    ['Referred Out', 'closed'], ['处理中', 'in_progress'], ['办理中', 'in_progress'], ['已受理', 'in_progress'], ['已派单', 'in_progress'], ['转办', 'in_progress'],
    ['In Progress', 'in_progress'], ['Pending', 'in_progress'], ['未办结', 'in_progress'], ['待受理', 'open'], ['待处理', 'open'], ['new', 'open'], ['Open', 'open'],
    ['退回', 'returned'], ['回退', 'returned'], ['returned', 'returned'], ['Cancelled', 'other'], ['已办结（满意）', 'closed'],
  ])('%j → %s', (label, status) => {
    expect(parseStatus(label)).toEqual({ value: status, label, known: true });
  });

  it('maps unknown text to other and says so', () => {
    expect(parseStatus('神秘状态')).toEqual({ value: 'other', label: '神秘状态', known: false });
    expect(parseStatus('  ')).toEqual({ value: null, label: null, known: true });
  });

  it('applies overrides first', () => {
    expect(parseStatus('已答复', { 已答复: 'in_progress' }).value).toBe('in_progress');
    expect(parseStatus('已答复').value).toBe('closed');
  });
});

describe('parseChannel', () => {
  it.each([
    ['电话', 'phone'], ['12345热线', 'phone'], ['来电', 'phone'], ['Call', 'phone'], ['Voicemail', 'phone'], ['网站', 'web'], ['门户网站', 'web'],
    ['Self Service', 'web'], ['Web', 'web'], ['APP', 'app'], ['Mobile App', 'app'], ['Driver Self Report', 'app'], ['微信', 'wechat'],
    ['微信小程序', 'wechat'], ['WeChat', 'wechat'], ['微博', 'weibo'], ['Email', 'email'], ['邮件', 'email'], ['短信', 'sms'], ['来访', 'walk_in'],
    ['Walk-in', 'walk_in'], ['现场', 'walk_in'], ["Council's Office", 'other'], ['Letter', 'other'], ['市民热线电话', 'phone'], ['政务服务网', 'web'],
  ])('%j → %s', (label, channel) => {
    expect(parseChannel(label)).toBe(channel);
  });

  it('returns null for empty cells', () => {
    expect(parseChannel('')).toBeNull();
    expect(parseChannel(null)).toBeNull();
  });
});

describe('parseRequestType', () => {
  it.each([
    ['投诉', 'complaint'], ['complaint', 'complaint'], ['咨询', 'consultation'], ['Inquiry', 'consultation'], ['建议', 'suggestion'], ['举报', 'report'],
    ['求助', 'help'], ['表扬', 'praise'], ['感谢', 'praise'], ['投诉举报', 'complaint'], ['其他', 'other'], ['随便', 'other'],
  ])('%j → %s', (label, type) => {
    expect(parseRequestType(label)).toBe(type);
  });
  it('returns null for empty cells', () => expect(parseRequestType(' ')).toBeNull());
});

describe('parseNumber', () => {
  it.each([
    ['12', 12], [' 3 ', 3], ['１２', 12], ['1,234', 1234], ['1,234,567.5', 1234567.5], ['-0.5', -0.5], ['118.812345', 118.812345],
    [7, 7], ['85%', 85], ['1e3', 1000],
  ])('%j → %s', (cell, value) => {
    expect(parseNumber(cell)).toBe(value);
  });
  it.each(['', 'abc', '12abc', '0x10', '1,23', '1,2345', 'NaN', 'Infinity', '-', '.'])('rejects %j', (cell) => {
    expect(parseNumber(cell)).toBeNull();
  });
  it('rejects non-finite numbers and accepts booleans as 0/1', () => {
    expect(parseNumber(Number.NaN)).toBeNull();
    expect(parseNumber(Number.POSITIVE_INFINITY)).toBeNull();
    expect(parseNumber(true)).toBe(1);
  });
});

describe('normalisePhone', () => {
  it.each([
    ['138-0013-8000', '13800138000'], ['+86 138 0013 8000', '13800138000'], ['008613800138000', '13800138000'], ['8613800138000', '13800138000'],
    ['(025) 8888-8888', '02588888888'], ['+86 25 8888 8888', '2588888888'], [13800138000, '13800138000'], ['８８８８８８８', '8888888'],
    ['(213) 555-0100', '2135550100'],
  ])('%j → %s', (cell, phone) => {
    expect(normalisePhone(cell)).toBe(phone);
  });
  it.each(['12345', '', null, 'n/a', '1234567890123456'])('rejects %j', (cell) => {
    expect(normalisePhone(cell)).toBeNull();
  });
});
