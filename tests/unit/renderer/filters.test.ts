import { beforeEach, describe, expect, it } from 'vitest';
import {
  dayRangeToFilter, filterKey, filterToDayRange, isEmptyFilter, normalizeFilter, shanghaiDayStart, useFilters,
} from '../../../renderer/src/state/filters';

describe('filter helpers', () => {
  it('normalizes away empty values and duplicates', () => {
    expect(normalizeFilter({ sources: [], districts: ['玄武区', '玄武区'], q: '  ', statuses: undefined })).toEqual({ districts: ['玄武区'] });
    expect(normalizeFilter({ q: ' 噪声 ' })).toEqual({ q: '噪声' });
    expect(normalizeFilter({ from: 10, to: 5 })).toEqual({ from: 5, to: 10 });
    expect(isEmptyFilter({ sources: [], q: '' })).toBe(true);
    expect(isEmptyFilter({ categories: [3] })).toBe(false);
  });

  it('gives equal keys to equivalent filters', () => {
    expect(filterKey({ q: 'a', districts: ['x'] })).toBe(filterKey({ districts: ['x'], q: 'a', sources: [] }));
    expect(filterKey({ q: 'a' })).not.toBe(filterKey({ q: 'b' }));
  });

  it('maps Shanghai calendar days to [from, to) instants and back', () => {
    expect(shanghaiDayStart('2024-02-01')).toBe(Date.UTC(2024, 0, 31, 16));
    const r = dayRangeToFilter('2024-02-01', '2024-02-29');
    expect(r).toEqual({ from: Date.UTC(2024, 0, 31, 16), to: Date.UTC(2024, 1, 29, 16) });
    expect(filterToDayRange(r)).toEqual(['2024-02-01', '2024-02-29']);
    expect(dayRangeToFilter(null, null)).toEqual({ from: undefined, to: undefined });
    expect(filterToDayRange({})).toEqual([null, null]);
  });
});

describe('filters store', () => {
  beforeEach(() => useFilters.getState().reset());

  it('starts empty and updates immutably', () => {
    const s = useFilters.getState();
    expect(s.filter).toEqual({});
    const before = s.filter;
    s.setList('sources', ['12345']);
    s.setList('categories', [1, 12]);
    s.setQuery('路灯');
    s.setTimeRange(1000, 2000);
    const after = useFilters.getState().filter;
    expect(after).toEqual({ sources: ['12345'], categories: [1, 12], q: '路灯', from: 1000, to: 2000 });
    expect(before).toEqual({});
  });

  it('clears single parts and resets', () => {
    const s = useFilters.getState();
    s.setList('districts', ['玄武区']);
    s.setTimeRange(1, 2);
    s.setList('districts', []);
    s.setTimeRange(undefined, undefined);
    expect(useFilters.getState().filter).toEqual({});
    s.setQuery('x');
    s.reset();
    expect(useFilters.getState().filter).toEqual({});
  });
});

describe('filters and the open project', () => {
  it('are reset when another project is opened, kept when the same project updates', async () => {
    const { useSession } = await import('../../../renderer/src/state/session');
    const p = { path: '/a.minsheng', name: 'a', schemaVersion: 1, fileSizeBytes: 0, synthetic: false, createdAt: '', counts: [] };
    useSession.setState({ phase: 'start', project: null, job: null, notice: null, bootError: null });
    useSession.getState().setProject(p);
    useFilters.getState().setList('categories', [2]);
    useSession.getState().setProject({ ...p, fileSizeBytes: 10 });
    expect(useFilters.getState().filter).toEqual({ categories: [2] });
    useSession.getState().setProject({ ...p, path: '/b.minsheng' });
    expect(useFilters.getState().filter).toEqual({});
  });
});
