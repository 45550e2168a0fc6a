import { describe, expect, it } from 'vitest';
import {
  buildTaxonomy, CONTENT_MAX, CONTENT_MIN, generateRecords, HOTLINE_SOURCES, localDate, localHour, planDemo, pointInRing,
  PERIOD_START, REPEAT_SHARE, type DemoRecord,
} from '../../../../shared/domain/demo';

const N = 40_000;
const plan = planDemo({ records: N, seed: 12345 });
const recs: DemoRecord[] = [...generateRecords(plan)];
const dayKind = new Map(plan.days.map((d) => [d.date, d.kind]));
const share = (pred: (r: DemoRecord) => boolean): number => recs.filter(pred).length / recs.length;

describe('synthetic records', () => {
  it('has exactly N records, all synthetic, in time order inside the period', () => {
    expect(recs.length).toBe(N);
    expect(recs.every((r) => r.synthetic === true)).toBe(true);
    expect(recs.filter((r, i) => i > 0 && r.receivedAt < recs[i - 1].receivedAt).length).toBe(0);
    expect(localDate(recs[0].receivedAt) >= PERIOD_START).toBe(true);
    expect(recs[recs.length - 1].receivedAt).toBeLessThan(plan.extractAt);
  });

  it('fills every standard field with valid values', () => {
    const tax = buildTaxonomy();
    const sources = new Set(HOTLINE_SOURCES.map((s) => s.code));
    const streets = new Map(plan.city.streets.map((s) => [s.code, s.name]));
    const communityNames = new Set(plan.city.communities.map((c) => `${c.name}@${streets.get(c.streetCode)}`));
    const STATUS_ORIGINAL = { closed: '已办结', in_progress: '办理中', open: '待受理', returned: '已退回' };
    const problems: string[] = [];
    const check = (ok: boolean, what: string, r: DemoRecord): void => { if (!ok && problems.length < 20) problems.push(`${what}: ${r.externalId}`); };
    for (const r of recs) {
      const leaf = tax.byCode.get(r.cat3);
      check(sources.has(r.sourceCode), 'source', r);
      check(leaf?.level === 3 && leaf.parentCode === r.cat2 && r.cat2.startsWith(r.cat1), 'category codes', r);
      check(leaf !== undefined && r.categoryOriginal.includes(leaf.name), 'category label', r);
      check(['phone', 'web', 'app', 'wechat', 'weibo', 'email', 'other'].includes(r.channel), 'channel', r);
      check(['complaint', 'consultation', 'suggestion', 'report', 'help', 'praise'].includes(r.requestType), 'request type', r);
      check(r.title.length > 3, 'title', r);
      check(r.content.length >= CONTENT_MIN && r.content.length <= CONTENT_MAX, 'content length', r);
      check(r.address.startsWith(r.district + r.street), 'address', r);
      check(communityNames.has(`${r.community}@${r.street}`), 'community', r);
      check(r.department.length > 2, 'department', r);
      check(/^[0-9a-f]{16}$/.test(r.callerHash), 'caller hash', r);
      check(Number.isInteger(r.transfers) && r.transfers >= 0, 'transfers', r);
      check(r.firstResponseAt === null || r.firstResponseAt > r.receivedAt, 'first response', r);
      if (r.closedAt !== null) {
        check(r.status === 'closed' && r.firstResponseAt !== null && r.closedAt >= r.firstResponseAt && r.closedAt <= plan.extractAt, 'closing', r);
        check(r.reply !== null && r.reply.includes('答复：'), 'reply', r);
      } else {
        check(['open', 'in_progress', 'returned'].includes(r.status), 'open status', r);
      }
      check(r.statusOriginal === STATUS_ORIGINAL[r.status], 'status label', r);
      if (r.satisfaction === null) check(r.satisfactionLabel === '未评价', 'unrated label', r);
      else check(r.status === 'closed' && ['满意', '基本满意', '不满意'].includes(r.satisfactionLabel) && r.satisfaction >= 0 && r.satisfaction <= 1, 'satisfaction', r);
    }
    expect(problems).toEqual([]);
  });

  it('writes complaint texts in 12345 style with place names', () => {
    const complaints = recs.filter((r) => r.requestType === 'complaint');
    expect(complaints.filter((r) => /^(市民|来电人|网民|用户|群众)/.test(r.content)).length).toBe(complaints.length);
    const withRoadOrEstate = complaints.filter((r) => /(路|大道|街|巷|苑|花园|新村|家园|小区|公寓|雅居|名都|华府|佳园|山庄|里)/.test(r.content));
    expect(withRoadOrEstate.length / complaints.length).toBeGreaterThan(0.6);
    expect(share((r) => /。$/.test(r.content))).toBe(1);
  });

  it('places ~15% of records without coordinates; the others inside their community', () => {
    const none = share((r) => r.locationStatus === 'none');
    expect(none).toBeGreaterThan(0.12);
    expect(none).toBeLessThan(0.18);
    const byName = new Map(plan.city.communities.map((c) => [`${c.name}`, c]));
    let bad = 0;
    for (const r of recs) {
      if (r.locationStatus === 'none') {
        if (r.lon !== null || r.lat !== null || r.crsOriginal !== null || r.address.length <= 8) bad++;
      } else {
        const c = byName.get(r.community);
        if (!c || r.crsOriginal === null || !pointInRing(r.lon as number, r.lat as number, c.polygon[0])) bad++;
      }
    }
    expect(bad).toBe(0);
  });

  it('has unique external ids per source and a mix of hotlines and statuses', () => {
    const ids = new Set(recs.map((r) => `${r.sourceCode}|${r.externalId}`));
    expect(ids.size).toBe(N);
    expect(share((r) => r.sourceCode === 'demo-12345')).toBeGreaterThan(0.75);
    expect(new Set(recs.map((r) => r.sourceCode)).size).toBe(HOTLINE_SOURCES.length);
    expect(share((r) => r.status === 'closed')).toBeGreaterThan(0.9);
    expect(share((r) => r.status !== 'closed')).toBeGreaterThan(0.003);
    expect(share((r) => r.satisfactionLabel === '不满意')).toBeGreaterThan(0.03);
  });

  it('has department-specific handling times (utilities close faster than housing)', () => {
    const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const hours = (pred: (r: DemoRecord) => boolean): number => median(recs.filter((r) => r.closedAt !== null && pred(r)).map((r) => ((r.closedAt as number) - r.receivedAt) / 3600_000));
    expect(hours((r) => r.department === '市供电公司')).toBeLessThan(hours((r) => r.department === '市房产局') / 3);
  });

  it('has repeat callers', () => {
    const perCaller = new Map<string, number>();
    for (const r of recs) perCaller.set(r.callerHash, (perCaller.get(r.callerHash) ?? 0) + 1);
    const repeated = recs.filter((r) => (perCaller.get(r.callerHash) ?? 0) > 1).length / N;
    expect(repeated).toBeGreaterThan(REPEAT_SHARE * 0.8);
    expect(Math.max(...perCaller.values())).toBeGreaterThanOrEqual(10);
    expect(perCaller.size).toBeGreaterThan(N * 0.7);
  });

  it('follows the weekly, holiday and hourly rhythm', () => {
    const perDay = new Map<string, number>();
    for (const r of recs) perDay.set(localDate(r.receivedAt), (perDay.get(localDate(r.receivedAt)) ?? 0) + 1);
    const avg = (kind: string): number => {
      const ds = plan.days.filter((d) => d.kind === kind);
      return ds.reduce((s, d) => s + (perDay.get(d.date) ?? 0), 0) / ds.length;
    };
    expect(avg('workday')).toBeGreaterThan(1.3 * avg('weekend'));
    expect(avg('weekend')).toBeGreaterThan(avg('holiday'));
    const hours = new Array(24).fill(0);
    for (const r of recs) if (dayKind.get(localDate(r.receivedAt)) === 'workday') hours[localHour(r.receivedAt)]++;
    for (const peak of [9, 10, 14, 15]) {
      expect(hours[peak]).toBeGreaterThan(1.5 * hours[12]);
      expect(hours[peak]).toBeGreaterThan(10 * hours[3]);
    }
  });

  it('follows the seasons of seasonal categories', () => {
    const tax = buildTaxonomy();
    const count = (name: string, months: number[]): number => recs.filter((r) => {
      if (tax.byCode.get(r.cat3)?.name !== name) return false;
      return months.includes(Number(localDate(r.receivedAt).slice(5, 7)));
    }).length;
    expect(count('集中供暖', [12, 1, 2])).toBeGreaterThan(2 * count('集中供暖', [6, 7, 8]));
    expect(count('空调外机噪声', [6, 7, 8])).toBeGreaterThan(2 * count('空调外机噪声', [12, 1, 2]));
  });
});
