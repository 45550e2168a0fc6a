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
    for (let i = 1; i < recs.length; i++) expect(recs[i].receivedAt).toBeGreaterThanOrEqual(recs[i - 1].receivedAt);
    expect(localDate(recs[0].receivedAt) >= PERIOD_START).toBe(true);
    expect(recs[recs.length - 1].receivedAt).toBeLessThan(plan.extractAt);
  });

  it('fills every standard field with valid values', () => {
    const tax = buildTaxonomy();
    const sources = new Set(HOTLINE_SOURCES.map((s) => s.code));
    const streets = new Map(plan.city.streets.map((s) => [s.code, s.name]));
    const communityNames = new Set(plan.city.communities.map((c) => `${c.name}@${streets.get(c.streetCode)}`));
    for (const r of recs) {
      expect(sources.has(r.sourceCode)).toBe(true);
      const leaf = tax.byCode.get(r.cat3);
      expect(leaf?.level).toBe(3);
      expect(leaf?.parentCode).toBe(r.cat2);
      expect(r.cat2.startsWith(r.cat1)).toBe(true);
      expect(r.categoryOriginal).toContain(leaf?.name);
      expect(['phone', 'web', 'app', 'wechat', 'weibo', 'email', 'other']).toContain(r.channel);
      expect(['complaint', 'consultation', 'suggestion', 'report', 'help', 'praise']).toContain(r.requestType);
      expect(r.title.length).toBeGreaterThan(3);
      expect(r.content.length).toBeGreaterThanOrEqual(CONTENT_MIN);
      expect(r.content.length).toBeLessThanOrEqual(CONTENT_MAX);
      expect(r.address.startsWith(r.district + r.street)).toBe(true);
      expect(communityNames.has(`${r.community}@${r.street}`)).toBe(true);
      expect(r.department.length).toBeGreaterThan(2);
      expect(r.callerHash).toMatch(/^[0-9a-f]{16}$/);
      expect(r.transfers).toBeGreaterThanOrEqual(0);
      if (r.firstResponseAt !== null) expect(r.firstResponseAt).toBeGreaterThan(r.receivedAt);
      if (r.closedAt !== null) {
        expect(r.status).toBe('closed');
        expect(r.closedAt).toBeGreaterThanOrEqual(r.firstResponseAt as number);
        expect(r.closedAt).toBeLessThanOrEqual(plan.extractAt);
        expect(r.reply).toMatch(/答复：/);
      } else {
        expect(['open', 'in_progress', 'returned']).toContain(r.status);
      }
      expect(r.statusOriginal).toBe({ closed: '已办结', in_progress: '办理中', open: '待受理', returned: '已退回' }[r.status]);
      if (r.satisfaction === null) expect(r.satisfactionLabel).toBe('未评价');
      else {
        expect(r.status).toBe('closed');
        expect(['满意', '基本满意', '不满意']).toContain(r.satisfactionLabel);
        expect(r.satisfaction).toBeGreaterThanOrEqual(0);
        expect(r.satisfaction).toBeLessThanOrEqual(1);
      }
    }
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
    for (const r of recs) {
      if (r.locationStatus === 'none') {
        expect(r.lon).toBeNull();
        expect(r.crsOriginal).toBeNull();
        expect(r.address.length).toBeGreaterThan(8);
      } else {
        const c = byName.get(r.community);
        expect(c && pointInRing(r.lon as number, r.lat as number, c.polygon[0])).toBe(true);
      }
    }
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
    const count = (name: string, months: number[]): number => recs.filter((r) => {
      const m = Number(localDate(r.receivedAt).slice(5, 7));
      return months.includes(m) && buildTaxonomy().byCode.get(r.cat3)?.name === name;
    }).length;
    expect(count('集中供暖', [12, 1, 2])).toBeGreaterThan(2 * count('集中供暖', [6, 7, 8]));
    expect(count('空调外机噪声', [6, 7, 8])).toBeGreaterThan(2 * count('空调外机噪声', [12, 1, 2]));
  });
});
