/**
 * The administrative gazetteer (GB/T 2260 codes: province › prefecture city › county › township) used
 * by offline address matching: parsing the shipped list and a user's own list, short forms of names
 * (广东省 → 广东, 深圳市 → 深圳, 南山区 → 南山, 延边朝鲜族自治州 → 延边), the divisions inside a
 * project's region, and a guess of the region from the district names the records carry.
 */
import { normaliseText } from './address';

export const ADMIN_LEVELS = ['province', 'city', 'county', 'township'] as const;
export type AdminLevel = (typeof ADMIN_LEVELS)[number];

export interface AdminDivision { code: string; name: string; parent: string | null; level: AdminLevel }

const ETHNIC = '蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|各';
const AUTONOMOUS = new RegExp(`(?:(?:${ETHNIC})族?)+自治(?:区|州|县|旗)$`);
const SUFFIXES: Record<AdminLevel, readonly string[]> = {
  province: ['特别行政区', '自治区', '省', '市'],
  city: ['地区', '盟', '市', '州'],
  county: ['林区', '新区', '区', '县', '旗', '市'],
  township: ['街道办事处', '民族乡', '民族镇', '办事处', '街道', '苏木', '镇', '乡'],
};

/** The name without its generic suffix (and ethnic autonomy words), or null when under two characters. */
export function adminShortName(name: string, level: AdminLevel): string | null {
  const n = normaliseText(name);
  const auto = n.replace(AUTONOMOUS, '');
  if (auto !== n && auto.length >= 2) return auto;
  for (const suf of SUFFIXES[level]) {
    if (n.endsWith(suf) && n.length > suf.length) {
      const core = n.slice(0, -suf.length);
      return core.length >= 2 ? core : null;
    }
  }
  return null;
}

/** The name to write into a record's district/street text: 南头街道办事处 → 南头街道. */
export function displayName(d: AdminDivision): string {
  return d.level === 'township' ? d.name.replace(/办事处$/, '') : d.name;
}

const LEVEL_BY_LENGTH: Record<number, AdminLevel> = { 2: 'province', 4: 'city', 9: 'township', 12: 'township' };

/** GB/T 2260 writes six digits at every level: 44 → 440000, 4403 → 440300. Other codes are kept. */
export function canonicalCode(code: string): string {
  const c = code.trim();
  return /^\d{2}$/.test(c) ? `${c}0000` : /^\d{4}$/.test(c) ? `${c}00` : c;
}

function levelOfCode(code: string): AdminLevel | null {
  if (!/^\d+$/.test(code)) return null;
  if (code.length === 6) return code.endsWith('0000') ? 'province' : code.endsWith('00') ? 'city' : 'county';
  return LEVEL_BY_LENGTH[code.length] ?? null;
}
const LEVEL_WORDS: Record<string, AdminLevel> = {
  province: 'province', 省: 'province', city: 'city', 市: 'city', 地级市: 'city', county: 'county', district: 'county', 区县: 'county', 县: 'county', 区: 'county',
  township: 'township', street: 'township', 乡镇: 'township', 街道: 'township', 乡镇街道: 'township',
};

/** The level of a division: a stated one, else by the code (GB/T 2260), else by the name's suffix. */
function inferLevel(code: string, name: string, stated?: string): AdminLevel | null {
  if (stated && LEVEL_WORDS[stated.trim().toLowerCase()]) return LEVEL_WORDS[stated.trim().toLowerCase()];
  const byCode = levelOfCode(code);
  if (byCode) return byCode;
  if (/(?:省|自治区)$/.test(name)) return 'province';
  if (/(?:街道|镇|乡|苏木|办事处)$/.test(name)) return 'township';
  if (/(?:区|县|旗)$/.test(name)) return 'county';
  return null;
}

/** Parses the shipped list: `code<TAB>name<TAB>parent` lines, '#' comments. */
export function parseGazetteerTsv(text: string): AdminDivision[] {
  const out: AdminDivision[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [code, name, parent] = line.split('\t');
    const level = inferLevel(code, name);
    if (code && name && level) out.push({ code, name, parent: parent?.trim() || null, level });
  }
  return out;
}

export interface UserListProblem { row: number; reason: 'missing' | 'duplicate' | 'parent' }
export interface UserListResult { divisions: AdminDivision[]; problems: UserListProblem[]; rows: number }

function splitCsvLine(line: string, delim: string): string[] {
  const cells: string[] = [];
  let cur = ''; let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') quoted = false; else cur += c;
    } else if (c === '"' && cur === '') quoted = true;
    else if (c === delim) { cells.push(cur.trim()); cur = ''; } else cur += c;
  }
  cells.push(cur.trim());
  return cells;
}

const HEADER = /^(?:code|代码|编码|区划代码|行政区划代码|adcode)$/i;

/**
 * A user's division list: CSV (or TSV / semicolon) `code,name[,parent[,level]]`, an optional header row.
 * Rows without code or name, repeated codes and unknown parents are reported by row number (1-based)
 * and left out; everything else is kept. Levels without a column come from the code or the name, else
 * the depth in the list (top: county, below: township).
 */
export function parseUserDivisions(text: string): UserListResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const first = lines.find((l) => l.trim()) ?? '';
  const delim = first.includes('\t') ? '\t' : first.includes(';') && !first.includes(',') ? ';' : ',';
  const rows: { row: number; cells: string[] }[] = [];
  lines.forEach((l, i) => { if (l.trim()) rows.push({ row: i + 1, cells: splitCsvLine(l, delim) }); });
  if (rows.length && HEADER.test(rows[0].cells[0] ?? '')) rows.shift();
  const problems: UserListProblem[] = [];
  const seen = new Map<string, { row: number; name: string; parent: string | null; level: string | undefined }>();
  for (const r of rows) {
    const [code, name, parent, level] = r.cells;
    if (!code || !name) { problems.push({ row: r.row, reason: 'missing' }); continue; }
    if (seen.has(code)) { problems.push({ row: r.row, reason: 'duplicate' }); continue; }
    seen.set(code, { row: r.row, name, parent: parent || null, level });
  }
  const divisions: AdminDivision[] = [];
  for (const [code, d] of seen) {
    if (d.parent && !seen.has(d.parent) && !/^\d+$/.test(d.parent)) { problems.push({ row: d.row, reason: 'parent' }); continue; }
    const level = inferLevel(code, d.name, d.level) ?? (d.parent && seen.has(d.parent) ? 'township' : 'county');
    divisions.push({ code, name: d.name, parent: d.parent, level });
  }
  problems.sort((a, b) => a.row - b.row);
  return { divisions, problems, rows: rows.length };
}

/** The user's list added to (same codes replace) or instead of the shipped one. */
export function mergeDivisions(base: readonly AdminDivision[], user: readonly AdminDivision[], mode: 'extend' | 'replace'): AdminDivision[] {
  if (mode === 'replace') return [...user];
  const byCode = new Map(base.map((d) => [d.code, d]));
  for (const d of user) byCode.set(d.code, d);
  return [...byCode.values()];
}

/** Divisions by code with parent links. */
export class AdminIndex {
  private readonly byCode = new Map<string, AdminDivision>();
  constructor(readonly divisions: readonly AdminDivision[]) {
    for (const d of divisions) this.byCode.set(d.code, d);
  }

  get(code: string | null | undefined): AdminDivision | null { return code ? this.byCode.get(code) ?? this.byCode.get(canonicalCode(code)) ?? null : null; }

  /** The division and its ancestors, nearest first (cycles cut). */
  chain(code: string): AdminDivision[] {
    const out: AdminDivision[] = [];
    let d = this.get(code);
    while (d && out.length < 8 && !out.includes(d)) { out.push(d); d = this.get(d.parent); }
    return out;
  }

  /** Whether `code` lies inside `region` (itself included). */
  within(code: string, region: string): boolean { return this.chain(code).some((d) => d.code === region); }

  /** 广东省 › 深圳市 › 南山区 */
  path(code: string): string { return this.chain(code).reverse().map((d) => d.name).join(' › '); }

  /** Provinces and cities (the choices of a project's region). */
  regions(): AdminDivision[] { return this.divisions.filter((d) => d.level === 'province' || d.level === 'city'); }
}

export interface RegionGuess { code: string; name: string; share: number; names: string[] }

/**
 * Guesses the project's city from its records' district names (with counts): the city whose counties
 * carry most records, when it covers at least `minShare` of them with two or more different names
 * (one when the records name a single district). Exact names only (南山区, or 南山 for 南山区).
 */
export function guessRegion(index: AdminIndex, districts: readonly { name: string; count: number }[], minShare = 0.3): RegionGuess | null {
  const byName = new Map<string, AdminDivision[]>();
  const add = (k: string | null, d: AdminDivision) => { if (k) byName.set(k, [...(byName.get(k) ?? []), d]); };
  for (const d of index.divisions) if (d.level === 'county') { add(normaliseText(d.name), d); add(adminShortName(d.name, 'county'), d); }
  const score = new Map<string, { count: number; names: Set<string> }>();
  let total = 0;
  const distinct = new Set<string>();
  for (const { name, count } of districts) {
    const k = normaliseText(name);
    if (!k) continue;
    total += count; distinct.add(k);
    const cities = new Set((byName.get(k) ?? []).map((d) => index.chain(d.code).find((a) => a.level === 'city')?.code ?? d.parent ?? d.code));
    for (const c of cities) {
      const s = score.get(c) ?? { count: 0, names: new Set<string>() };
      s.count += count; s.names.add(name);
      score.set(c, s);
    }
  }
  let best: [string, { count: number; names: Set<string> }] | null = null;
  let tie = false;
  for (const e of score) {
    if (!best || e[1].count > best[1].count) { best = e; tie = false; } else if (e[1].count === best[1].count) tie = true;
  }
  if (!best || tie || total === 0) return null;
  const share = best[1].count / total;
  const needNames = distinct.size === 1 ? 1 : 2;
  if (share < minShare || best[1].names.size < needNames) return null;
  const d = index.get(best[0]);
  return d ? { code: d.code, name: d.name, share, names: [...best[1].names] } : null;
}
