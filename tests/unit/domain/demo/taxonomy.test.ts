import { describe, expect, it } from 'vitest';
import { buildDays, buildTaxonomy, HOTLINE_SOURCES } from '../../../../shared/domain/demo';
import { seasonFactor } from '../../../../shared/domain/demo/calendar';

const tax = buildTaxonomy();

describe('12345-style category tree', () => {
  it('has about 12 level-1, 50 level-2 and 200–480 level-3 categories', () => {
    const l1 = tax.categories.filter((c) => c.level === 1);
    const l2 = tax.categories.filter((c) => c.level === 2);
    expect(l1.length).toBeGreaterThanOrEqual(10);
    expect(l1.length).toBeLessThanOrEqual(15);
    expect(l2.length).toBeGreaterThanOrEqual(40);
    expect(l2.length).toBeLessThanOrEqual(70);
    expect(tax.leaves.length).toBeGreaterThanOrEqual(200);
    expect(tax.leaves.length).toBeLessThanOrEqual(480);
    for (const name of ['城乡建设', '市场监管', '劳动保障', '卫生健康', '生态环境', '交通运输', '公共安全', '教育', '民政', '住房保障', '水电气暖']) {
      expect(l1.map((c) => c.name)).toContain(name);
    }
  });

  it('uses 2/4/6-digit codes whose prefixes are the parent codes', () => {
    const codes = new Set<string>();
    for (const c of tax.categories) {
      expect(c.code).toMatch(new RegExp(`^\\d{${c.level * 2}}$`));
      codes.add(c.code);
      if (c.level === 1) expect(c.parentCode).toBeNull();
      else {
        expect(c.code.startsWith(c.parentCode as string)).toBe(true);
        expect(tax.byCode.get(c.parentCode as string)?.level).toBe(c.level - 1);
      }
    }
    expect(codes.size).toBe(tax.categories.length);
    // Parents come before children (the writer relies on it).
    const seen = new Set<string>();
    for (const c of tax.categories) {
      if (c.parentCode) expect(seen.has(c.parentCode)).toBe(true);
      seen.add(c.code);
    }
  });

  it('gives every leaf a frequency, a department, texts and a hotline mix', () => {
    const total = tax.leaves.reduce((s, l) => s + l.frequency, 0);
    expect(total).toBeCloseTo(1, 9);
    const lines = new Set<string>();
    for (const l of tax.leaves) {
      expect(l.frequency).toBeGreaterThan(0);
      expect(l.deptKey.length).toBeGreaterThan(0);
      expect(l.phrases.length).toBeGreaterThan(0);
      expect(l.replies.length).toBeGreaterThan(0);
      expect(l.lines[0].code).toBe('12345');
      expect(l.lines.reduce((s, x) => s + x.weight, 0)).toBeCloseTo(1, 9);
      for (const x of l.lines) lines.add(x.code);
    }
    expect([...lines].sort()).toEqual(HOTLINE_SOURCES.map((s) => s.line).sort());
    expect(HOTLINE_SOURCES.every((s) => s.code.startsWith('demo-') && s.name.includes('合成'))).toBe(true);
  });

  it('has seasonal categories: heating peaks in winter, air-conditioning noise in summer', () => {
    const days = buildDays();
    const jan = days.find((d) => d.date === '2024-01-15');
    const jul = days.find((d) => d.date === '2024-07-15');
    const heating = tax.leaves.find((l) => l.name === '集中供暖');
    const ac = tax.leaves.find((l) => l.name === '空调外机噪声');
    expect(heating && ac && jan && jul).toBeTruthy();
    if (!heating || !ac || !jan || !jul) return;
    expect(seasonFactor(heating.season, jan)).toBeGreaterThan(3 * seasonFactor(heating.season, jul));
    expect(seasonFactor(ac.season, jul)).toBeGreaterThan(3 * seasonFactor(ac.season, jan));
  });
});
