import { create } from 'zustand';
import type { PerformanceRules } from '../../../../../shared/api/areas/stats';

/** The analyst's exclusion rules and time limits (hours), shared by every performance view. */
export const useRules = create<{ rules: PerformanceRules; set(patch: Partial<PerformanceRules>): void; setLimit(categoryId: number, hours: number | null): void }>()((set) => ({
  rules: { instantMinutes: 5, maxDays: 365, defaultLimitHours: 120, limitHours: {} },
  set: (patch) => set((s) => ({ rules: { ...s.rules, ...patch } })),
  setLimit: (id, hours) => set((s) => {
    const limitHours = { ...s.rules.limitHours };
    if (hours === null || !(hours > 0)) delete limitHours[String(id)]; else limitHours[String(id)] = hours;
    return { rules: { ...s.rules, limitHours } };
  }),
}));
