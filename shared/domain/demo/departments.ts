/**
 * Departments that handle requests, resolved from a leaf's department key and the request's place,
 * with their response/closing-time distributions (lognormal, hours) and satisfaction levels.
 */
import type { DemoCity } from './geography';
import type { Taxonomy } from './taxonomy';

export type DepartmentKind = 'municipal' | 'district' | 'street' | 'enterprise';

export interface DeptProfile {
  /** Median hours to first response, and its log-sigma. */
  respH: number;
  respSigma: number;
  /** Median hours from receipt to closing, and its log-sigma. */
  closeH: number;
  closeSigma: number;
  /** Mean number of transfers (转办) between departments. */
  transferMean: number;
  /** Probability that a rated request is rated 满意 (before adjustments). */
  satisfied: number;
}

export interface Department { name: string; kind: DepartmentKind; profile: DeptProfile }

/** [keyword in the name, kind, respH, closeH, closeSigma, transferMean, satisfied] — first match wins. */
const PROFILES: [string, DepartmentKind, number, number, number, number, number][] = [
  ['水务集团', 'enterprise', 0.8, 16, 0.8, 0.1, 0.86],
  ['供电公司', 'enterprise', 0.6, 12, 0.8, 0.1, 0.88],
  ['燃气集团', 'enterprise', 0.7, 20, 0.9, 0.12, 0.85],
  ['公交集团', 'enterprise', 2, 48, 0.7, 0.15, 0.78],
  ['地铁集团', 'enterprise', 3, 60, 0.7, 0.15, 0.76],
  ['交通管理局', 'municipal', 2, 48, 0.9, 0.3, 0.7],
  ['分局', 'district', 1, 24, 1.0, 0.25, 0.74],
  ['消防', 'district', 1.5, 36, 0.9, 0.2, 0.8],
  ['城市管理局', 'district', 3, 56, 0.9, 0.45, 0.68],
  ['住房和城乡建设局', 'district', 6, 130, 1.0, 0.6, 0.55],
  ['房产局', 'municipal', 8, 150, 1.0, 0.55, 0.5],
  ['市场监督管理局', 'district', 6, 110, 0.9, 0.35, 0.6],
  ['人力资源和社会保障局', 'district', 6, 160, 1.0, 0.4, 0.58],
  ['卫生健康委员会', 'district', 5, 80, 0.9, 0.3, 0.7],
  ['医疗保障局', 'municipal', 4, 60, 0.8, 0.25, 0.75],
  ['生态环境局', 'district', 4, 84, 0.9, 0.35, 0.62],
  ['交通运输局', 'municipal', 5, 72, 0.9, 0.35, 0.65],
  ['教育局', 'district', 8, 96, 0.9, 0.3, 0.66],
  ['民政局', 'district', 8, 110, 0.9, 0.3, 0.74],
  ['税务局', 'municipal', 3, 36, 0.8, 0.15, 0.84],
  ['自然资源和规划局', 'municipal', 12, 220, 1.0, 0.5, 0.5],
  ['农业农村局', 'municipal', 8, 120, 1.0, 0.4, 0.62],
  ['文化和旅游局', 'municipal', 6, 72, 0.9, 0.3, 0.7],
  ['发展和改革委员会', 'municipal', 6, 72, 0.9, 0.3, 0.68],
  ['通信管理局', 'municipal', 6, 90, 0.9, 0.3, 0.64],
  ['政务服务管理办公室', 'municipal', 3, 48, 0.8, 0.4, 0.78],
  ['应急管理局', 'district', 3, 72, 0.9, 0.3, 0.72],
  ['办事处', 'street', 4, 72, 1.0, 0.5, 0.66],
];

const DEFAULT_PROFILE: DeptProfile = { respH: 6, respSigma: 0.9, closeH: 96, closeSigma: 1.0, transferMean: 0.4, satisfied: 0.65 };

export function profileOf(name: string): { kind: DepartmentKind; profile: DeptProfile } {
  for (const [kw, kind, respH, closeH, closeSigma, transferMean, satisfied] of PROFILES) {
    if (name.includes(kw)) return { kind: kindOf(name, kind), profile: { respH, respSigma: 0.9, closeH, closeSigma, transferMean, satisfied } };
  }
  return { kind: kindOf(name, 'municipal'), profile: DEFAULT_PROFILE };
}

function kindOf(name: string, listed: DepartmentKind): DepartmentKind {
  if (listed === 'enterprise') return listed;
  if (name.endsWith('办事处')) return 'street';
  return name.startsWith('市') ? 'municipal' : 'district';
}

/** Department name of a key for a place: 'd:城市管理局' → 玄湖区城市管理局, 's:' → the street office. */
export function resolveDepartment(key: string, districtName: string, streetName: string): string {
  if (key.startsWith('d:')) return districtName + key.slice(2);
  if (key === 's:') return `${districtName}${streetName}办事处`;
  return key.replace('{d}', districtName.replace(/区$/, ''));
}

/** The hotline's own service centre, which answers simple consultations on the spot. */
export const HOTLINE_DEPARTMENT = '市12345政务服务热线中心';

export interface DepartmentTable {
  departments: Department[];
  /** Index of HOTLINE_DEPARTMENT in `departments`. */
  hotline: number;
  /** departmentIndex[leafIndex * communities + communityIndex] */
  index: Int32Array;
}

/** All departments of the city and the (leaf, community) → department lookup. */
export function buildDepartments(city: DemoCity, taxonomy: Taxonomy): DepartmentTable {
  const departments: Department[] = [];
  const byName = new Map<string, number>();
  const districtName = new Map(city.districts.map((d) => [d.code, d.name]));
  const streetName = new Map(city.streets.map((s) => [s.code, s.name]));
  const nComm = city.communities.length;
  const index = new Int32Array(taxonomy.leaves.length * nComm);
  for (const leaf of taxonomy.leaves) {
    city.communities.forEach((c, ci) => {
      const name = resolveDepartment(leaf.deptKey, districtName.get(c.districtCode) ?? '', streetName.get(c.streetCode) ?? '');
      let di = byName.get(name);
      if (di === undefined) {
        di = departments.length;
        byName.set(name, di);
        departments.push({ name, ...profileOf(name) });
      }
      index[leaf.index * nComm + ci] = di;
    });
  }
  const hotline = departments.length;
  departments.push({ name: HOTLINE_DEPARTMENT, kind: 'municipal', profile: { ...DEFAULT_PROFILE, respH: 0.05, closeH: 0.2 } });
  return { departments, index, hotline };
}
