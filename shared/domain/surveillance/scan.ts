/**
 * Prospective space-time permutation scan statistic (Kulldorff et al. 2005, the SaTScan model).
 *
 * Cases c[z][d] by area z and day d of the study period. For a cylinder A (a circle of areas around
 * a centre: the centre and its nearest neighbours by centroid distance, up to `maxNeighbours` and
 * `maxRadiusKm`, × a window of the last L days, 1 ≤ L ≤ maxDays: prospective, still active):
 *   μ_A = Σ_{z∈A} C_z · C_L / C   (C_z: area total, C_L: cases on the window's days, C: all cases)
 *   LLR_A = c ln(c/μ) + (C − c) ln((C − c)/(C − μ))   when c > μ, else 0.
 * Significance: Monte Carlo, each replicate shuffles the days of the cases (keeping every area's
 * total and every day's total) and records the largest LLR; p = (rank of the observed) / (R + 1).
 * The recurrence interval of a daily prospective analysis is 1/p days. Secondary clusters do not
 * overlap a more likely cluster in space; their p-values use the same (conservative) maxima.
 */
import { Rng } from '../demo/rng';

export interface ScanArea {
  id: string;
  /** Centroid, lon/lat (WGS-84). */
  lon: number;
  lat: number;
}

export interface ScanInput {
  areas: readonly ScanArea[];
  /** Number of days of the study period; the last day is the analysis day. */
  days: number;
  /** Row-major counts, areas × days. */
  counts: Int32Array;
}

export interface ScanOptions {
  maxDays: number;
  maxNeighbours: number;
  maxRadiusKm: number;
  replications: number;
  seed: number;
  /** Clusters reported (the most likely and non-overlapping secondary ones). */
  maxClusters: number;
}

export const DEFAULT_SCAN: ScanOptions = { maxDays: 14, maxNeighbours: 15, maxRadiusKm: 3, replications: 999, seed: 20050101, maxClusters: 10 };

export interface ScanCluster {
  centre: string;
  areas: string[];
  radiusKm: number;
  /** Window length in days (the last `days` days of the study period). */
  days: number;
  observed: number;
  expected: number;
  llr: number;
  pValue: number;
  /** Gumbel-approximated p-value (SaTScan's option for small p). */
  gumbelP: number;
  recurrenceDays: number;
}

export interface ScanResult {
  totalCases: number;
  clusters: ScanCluster[];
  replications: number;
  maxLlrNull: { mean: number; sd: number };
  /** Cylinders evaluated per replicate (centres × neighbour sets × window lengths). */
  cylinders: number;
}

/** The log-likelihood ratio of one cylinder (0 unless observed exceeds expected). */
export function permutationLlr(c: number, mu: number, total: number): number {
  if (c <= mu || mu <= 0) return 0;
  const a = c * Math.log(c / mu);
  const b = total - c > 0 ? (total - c) * Math.log((total - c) / (total - mu)) : 0;
  return a + b;
}

function kmBetween(a: ScanArea, b: ScanArea): number {
  const rad = Math.PI / 180;
  const x = (b.lon - a.lon) * Math.cos(((a.lat + b.lat) / 2) * rad) * 111.32;
  const y = (b.lat - a.lat) * 110.57;
  return Math.hypot(x, y);
}

/** Neighbour lists (nearest first, the centre included) within the radius and count limits. */
export function circles(areas: readonly ScanArea[], o: Pick<ScanOptions, 'maxNeighbours' | 'maxRadiusKm'>): { idx: number[]; dist: number[] }[] {
  return areas.map((a) => {
    const all = areas.map((b, j) => ({ j, d: kmBetween(a, b) })).filter((x) => x.d <= o.maxRadiusKm).sort((x, y) => x.d - y.d || x.j - y.j).slice(0, o.maxNeighbours + 1);
    return { idx: all.map((x) => x.j), dist: all.map((x) => x.d) };
  });
}

interface Best { llr: number; centre: number; k: number; days: number; c: number; mu: number }

/** Best cylinder per centre for window-suffix counts s[z*maxDays + (L−1)] (cases of area z in the last L days). */
function scanAll(s: Float64Array, areaTotals: Float64Array, dayTotalsSuffix: Float64Array, total: number, circ: { idx: number[] }[], maxDays: number, perCentre: Best[] | null): number {
  let best = 0;
  const cA = new Float64Array(maxDays);
  for (let z = 0; z < circ.length; z++) {
    cA.fill(0);
    let areaSum = 0;
    let localBest: Best | null = null;
    const idx = circ[z].idx;
    for (let k = 0; k < idx.length; k++) {
      const a = idx[k];
      areaSum += areaTotals[a];
      const base = a * maxDays;
      for (let L = 0; L < maxDays; L++) {
        cA[L] += s[base + L];
        const mu = (areaSum * dayTotalsSuffix[L]) / total;
        const c = cA[L];
        if (c <= mu) continue;
        const llr = permutationLlr(c, mu, total);
        if (llr > best) best = llr;
        if (perCentre && (!localBest || llr > localBest.llr)) localBest = { llr, centre: z, k, days: L + 1, c, mu };
      }
    }
    if (perCentre && localBest) perCentre.push(localBest);
  }
  return best;
}

/** `onReplicate(done, total)` is called after each Monte Carlo replicate (progress and cancellation; may throw). */
export function spaceTimeScan(input: ScanInput, opts: ScanOptions = DEFAULT_SCAN, onReplicate?: (done: number, total: number) => void): ScanResult {
  const { areas, days, counts } = input;
  const nA = areas.length;
  const maxDays = Math.min(opts.maxDays, days);
  const areaTotals = new Float64Array(nA);
  const dayTotals = new Float64Array(days);
  for (let z = 0; z < nA; z++) for (let d = 0; d < days; d++) { const v = counts[z * days + d]; areaTotals[z] += v; dayTotals[d] += v; }
  const total = areaTotals.reduce((a, b) => a + b, 0);
  const dayTotalsSuffix = new Float64Array(maxDays);
  for (let L = 0, acc = 0; L < maxDays; L++) { acc += dayTotals[days - 1 - L]; dayTotalsSuffix[L] = acc; }
  const suffix = (cnt: (z: number, d: number) => number): Float64Array => {
    const s = new Float64Array(nA * maxDays);
    for (let z = 0; z < nA; z++) for (let L = 0, acc = 0; L < maxDays; L++) { acc += cnt(z, days - 1 - L); s[z * maxDays + L] = acc; }
    return s;
  };
  const circ = circles(areas, opts);
  const perCentre: Best[] = [];
  if (total === 0) return { totalCases: 0, clusters: [], replications: opts.replications, maxLlrNull: { mean: 0, sd: 0 }, cylinders: 0 };
  scanAll(suffix((z, d) => counts[z * days + d]), areaTotals, dayTotalsSuffix, total, circ, maxDays, perCentre);

  // Monte Carlo: the areas of all cases; each replicate draws, without replacement, the cases that fall on
  // the last maxDays days (a partial Fisher–Yates shuffle of the case list).
  const caseArea = new Int32Array(total);
  for (let z = 0, k = 0; z < nA; z++) for (let i = 0; i < areaTotals[z]; i++) caseArea[k++] = z;
  const rng = new Rng(opts.seed);
  const nullMax = new Float64Array(opts.replications);
  const rep = new Float64Array(nA * maxDays);
  for (let r = 0; r < opts.replications; r++) {
    rep.fill(0);
    let pos = 0;
    for (let L = 0; L < maxDays; L++) {
      const onDay = dayTotals[days - 1 - L];
      for (let i = 0; i < onDay; i++, pos++) {
        const j = pos + Math.floor(rng.next() * (total - pos));
        const t = caseArea[pos]; caseArea[pos] = caseArea[j]; caseArea[j] = t;
        rep[caseArea[pos] * maxDays + L] += 1;
      }
    }
    for (let z = 0; z < nA; z++) for (let L = 1; L < maxDays; L++) rep[z * maxDays + L] += rep[z * maxDays + L - 1];
    nullMax[r] = scanAll(rep, areaTotals, dayTotalsSuffix, total, circ, maxDays, null);
    onReplicate?.(r + 1, opts.replications);
  }
  const m = nullMax.reduce((a, b) => a + b, 0) / Math.max(1, opts.replications);
  const v = nullMax.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, opts.replications - 1);
  const beta = (Math.sqrt(6 * v) / Math.PI) || 1e-9;
  const mode = m - 0.5772156649 * beta;

  perCentre.sort((a, b) => b.llr - a.llr);
  const used = new Set<number>();
  const clusters: ScanCluster[] = [];
  for (const b of perCentre) {
    if (clusters.length >= opts.maxClusters) break;
    const members = circ[b.centre].idx.slice(0, b.k + 1);
    if (members.some((z) => used.has(z))) continue;
    members.forEach((z) => used.add(z));
    let rank = 1;
    for (let r = 0; r < opts.replications; r++) if (nullMax[r] >= b.llr) rank++;
    const pValue = rank / (opts.replications + 1);
    const gumbelP = Math.min(1, 1 - Math.exp(-Math.exp(-(b.llr - mode) / beta)));
    clusters.push({
      centre: areas[b.centre].id, areas: members.map((z) => areas[z].id), radiusKm: circ[b.centre].dist[b.k], days: b.days,
      observed: b.c, expected: b.mu, llr: b.llr, pValue, gumbelP, recurrenceDays: 1 / pValue,
    });
  }
  return { totalCases: total, clusters, replications: opts.replications, maxLlrNull: { mean: m, sd: Math.sqrt(v) }, cylinders: circ.reduce((a, c) => a + c.idx.length, 0) * maxDays };
}
