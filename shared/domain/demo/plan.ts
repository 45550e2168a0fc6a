/**
 * The plan of one synthetic extract: city, taxonomy, departments, calendar, per-day volumes and
 * injected events. Everything here is small; records are then streamed from the plan.
 */
import { buildDays, DAY_MS, localMidnight, PERIOD_END, seasonFactor, type DayInfo } from './calendar';
import { buildDepartments, type DepartmentTable } from './departments';
import { apportion, planEvents, type DemoEvent } from './events';
import { buildCity, type DemoCity } from './geography';
import { cumulative, Rng } from './rng';
import { buildTaxonomy, type AreaAffinity, type Season, type Taxonomy } from './taxonomy';
import type { Place } from './texts';

export interface DemoOptions {
  /** Total number of records, injected events included. */
  records: number;
  seed: number;
}

export interface DemoPlan {
  records: number;
  seed: number;
  city: DemoCity;
  taxonomy: Taxonomy;
  departments: DepartmentTable;
  days: DayInfo[];
  /** Baseline (non-event) records per day. */
  baseCounts: Int32Array;
  events: DemoEvent[];
  /** The moment the extract was taken (end of the period): later closings are still open. */
  extractAt: number;
  places: Place[];
  /** Community pick tables by area affinity. */
  communityCum: Record<AreaAffinity, Float64Array>;
  /** seasonTable[season][dayIndex] = seasonal factor. */
  seasonTable: Record<Season, Float64Array>;
  /** Expected share of a leaf among all requests of a day. */
  leafShare(leafIndex: number, day: DayInfo): number;
}

const SEASONS: Season[] = ['flat', 'summer', 'winter', 'rainy', 'spring', 'school', 'yearend', 'tax', 'harvest', 'holiday'];

export function validateOptions(o: DemoOptions): void {
  if (!Number.isInteger(o.records) || o.records < 1 || o.records > 50_000_000) throw new RangeError(`records must be an integer in 1..50000000, got ${o.records}`);
  if (!Number.isInteger(o.seed)) throw new RangeError(`seed must be an integer, got ${o.seed}`);
}

export function planDemo(options: DemoOptions): DemoPlan {
  validateOptions(options);
  const { records, seed } = options;
  const root = new Rng(seed);
  const city = buildCity(seed);
  const taxonomy = buildTaxonomy();
  const departments = buildDepartments(city, taxonomy);
  const days = buildDays();

  const seasonTable = {} as Record<Season, Float64Array>;
  for (const s of SEASONS) seasonTable[s] = Float64Array.from(days, (d) => seasonFactor(s, d));
  const dayNorm = Float64Array.from(days, (d) => taxonomy.leaves.reduce((sum, l) => sum + l.frequency * seasonTable[l.season][d.index], 0));
  const leafShare = (leafIndex: number, day: DayInfo): number => {
    const l = taxonomy.leaves[leafIndex];
    return (l.frequency * seasonTable[l.season][day.index]) / dayNorm[day.index];
  };

  const urbanity = new Map(city.districts.map((d) => [d.code, d.urbanity]));
  const communityCum: Record<AreaAffinity, Float64Array> = {
    any: cumulative(city.communities.map((c) => c.weight)),
    urban: cumulative(city.communities.map((c) => c.weight * (0.25 + (urbanity.get(c.districtCode) ?? 0.5)) ** 2)),
    rural: cumulative(city.communities.map((c) => c.weight * (1.15 - (urbanity.get(c.districtCode) ?? 0.5)) ** 2)),
  };

  let events = planEvents(root.fork('events'), { city, taxonomy, days, records, leafShare, communityCum });
  const extraTotal = events.reduce((s, e) => s + e.extraRecords, 0);
  if (extraTotal > records * 0.2) events = []; // too few records for a meaningful burst
  const base = records - events.reduce((s, e) => s + e.extraRecords, 0);

  const noise = root.fork('day-noise');
  const baseCounts = Int32Array.from(apportion(base, days.map((d) => d.volume * noise.lognormal(1, 0.06))));

  const districtName = new Map(city.districts.map((d) => [d.code, d.name]));
  const streetName = new Map(city.streets.map((s) => [s.code, s.name]));
  const places: Place[] = city.communities.map((c) => ({
    district: districtName.get(c.districtCode) ?? '', street: streetName.get(c.streetCode) ?? '', community: c.name,
    estates: c.estates, roads: c.roads,
  }));

  return {
    records, seed, city, taxonomy, departments, days, baseCounts, events,
    extractAt: localMidnight(PERIOD_END) + DAY_MS, places, communityCum, seasonTable, leafShare,
  };
}
