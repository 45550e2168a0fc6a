import { describe, expect, it } from 'vitest';
import {
  createRowMapper, detectDateFormat, findPlaceholderPoints, QualityAccumulator, suggestMapping, type MappingSpec, type StandardRow,
} from '../../../../shared/domain/ingest';
import { hasFile, LA_2017, LA_REQUESTS, readCsv } from './real-data';

/** Map a whole real extract with the automatic suggestions. */
function importFile(file: string) {
  const { headers, rows } = readCsv(file);
  const suggestions = suggestMapping(headers);
  const dateCol = suggestions.find((s) => s.field === 'receivedAt')!.column;
  const format = detectDateFormat(rows.slice(0, 200).map((r) => r[dateCol])) ?? undefined;
  const spec: MappingSpec = {
    columns: suggestions.map((s) => ({ column: s.column, header: s.header, field: s.field, dateFormat: s.field.endsWith('At') ? format : undefined })),
    timezone: 'America/Los_Angeles',
    crs: 'wgs84',
  };
  const map = createRowMapper(spec, { headerCount: headers.length, now: Date.UTC(2024, 0, 1) });
  const quality = new QualityAccumulator(spec);
  const accepted: StandardRow[] = [];
  rows.forEach((cells, i) => {
    const r = map(cells, i + 2);
    if (r.ok) { quality.add(r.row, r.flags); accepted.push(r.row); } else quality.addRejection(r.rejection);
  });
  return { format, rows, accepted, report: quality.toReport() };
}

describe.runIf(hasFile(LA_2017))('MyLA311 2017 subset, end to end', () => {
  let data: ReturnType<typeof importFile> | null = null;
  const get = () => (data ??= importFile(LA_2017)); // lazily: the body is collected even when the file is absent

  it('detects the date format and accepts every row', () => {
    const { format, rows, accepted, report } = get();
    expect(format).toBe('MM/DD/YYYY hh:mm:ss A');
    expect(rows).toHaveLength(9999);
    expect(report.rejected).toBe(0);
    expect(accepted).toHaveLength(9999);
  });

  it('reads the first record correctly', () => {
    const r = get().accepted[0];
    expect(r.externalId).toBe('1-870704831');
    expect(new Date(r.receivedAt).toISOString()).toBe('2018-01-01T07:59:58.000Z'); // 12/31/2017 11:59:58 PM PST
    expect(new Date(r.closedAt as number).toISOString()).toBe('2018-04-09T16:18:35.000Z'); // 04/09/2018 09:18:35 AM PDT
    expect(r.categoryOriginal).toBe('Homeless Encampment');
    expect(r.status).toBe('closed');
    expect(r.channel).toBe('phone');
    expect(r.department).toBe('BOS');
    expect(r.address).toBe('2111 W BELLEVUE AVE, 90026');
    expect(r.district).toBe('13');
    expect(r.community).toBe('GREATER ECHO PARK ELYSIAN NC');
    expect([r.lon, r.lat]).toEqual([-118.266861909, 34.073216645]);
  });

  it('counts the real data-quality problems', () => {
    const { accepted, report } = get();
    expect(report.flags.missing_coords).toBe(1753); // rows without Latitude/Longitude
    expect(report.locations.coordinates).toBe(9999 - 1753);
    expect(report.flags.coords_swapped).toBe(0);
    expect(report.flags.unparsed_status).toBe(0);
    const channels = new Set(accepted.map((r) => r.channel));
    expect([...channels].sort()).toEqual(['app', 'email', 'other', 'phone', 'walk_in', 'web']);
    // every Cancelled request maps to 'other', every Closed one to 'closed'
    expect(accepted.filter((r) => r.statusOriginal === 'Cancelled').every((r) => r.status === 'other')).toBe(true);
    expect(report.receivedAt.min).toBeLessThan(report.receivedAt.max as number);
  });

  it('finds no placeholder point (the most repeated point holds 12 records)', () => {
    const pts = get().accepted.filter((r) => r.lon !== null).map((r) => [r.lon, r.lat] as [number, number]);
    expect(findPlaceholderPoints(pts, { minShare: 0.02, minCount: 20 })).toEqual([]);
    expect(findPlaceholderPoints(pts, { minShare: 0.001, minCount: 10 })).toHaveLength(1);
  });
});

describe.runIf(hasFile(LA_REQUESTS))('MyLA311 requests.csv (lower-case headers, ISO-like times)', () => {
  it('imports every row and reads local times in Los Angeles', () => {
    const { format, accepted, report } = importFile(LA_REQUESTS);
    expect(format).toBe('YYYY-MM-DD HH:mm:ss');
    expect(report.rejected).toBe(0);
    expect(accepted).toHaveLength(10000);
    const r = accepted[0];
    expect(r.externalId).toBe('1-1523590121');
    expect(new Date(r.receivedAt).toISOString()).toBe('2020-01-01T08:05:00.000Z');
    expect(r.status).toBe('closed');
    expect(r.categoryOriginal).toBe('Illegal Dumping Pickup');
    expect(accepted[1].catLabels).toEqual([null, null, null]); // 'Metal/Household Appliances' is one category
  });
});
