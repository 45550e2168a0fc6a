import { describe, expect, it } from 'vitest';
import { createRowMapper, QualityAccumulator, type MappingSpec } from '../../../../shared/domain/ingest';

const SPEC: MappingSpec = {
  columns: [
    { column: 0, header: '工单编号', field: 'externalId' }, { column: 1, header: '受理时间', field: 'receivedAt' },
    { column: 2, header: '办结时间', field: 'closedAt' }, { column: 3, header: '诉求内容', field: 'content' },
    { column: 4, header: '经度', field: 'lon' }, { column: 5, header: '纬度', field: 'lat' }, { column: 6, header: '满意度', field: 'satisfaction' },
  ],
  timezone: 'Asia/Shanghai',
  crs: 'wgs84',
};
const ROWS = [
  ['1', '2019-02-28 10:00:00', '2019-03-01 10:00:00', '路灯不亮', '118.8', '32.0', '满意'],
  ['2', '2019-02-27 10:00:00', '2019-02-27 10:02:00', '', '', '', '未评价'],
  ['3', '2019-03-05 10:00:00', '2019-03-04 10:00:00', '噪声', '32.0', '118.8', '还行吧'],
  ['4', '2019-03-05 10:00:00', '', '噪声', '0', '0', ''],
  ['', '2019-03-05 10:00:00', '', '', '', '', ''],
  ['6', 'bad', '', '', '', '', ''],
];

function run() {
  const map = createRowMapper(SPEC, { headerCount: 7, now: Date.UTC(2024, 0, 1) });
  const q = new QualityAccumulator(SPEC);
  ROWS.forEach((cells, i) => {
    const r = map(cells, i + 2);
    if (r.ok) q.add(r.row, r.flags); else q.addRejection(r.rejection);
  });
  return q;
}

describe('QualityAccumulator', () => {
  it('counts rows, rejections, flags, missing values, locations and the time range', () => {
    const report = run().toReport();
    expect(report.rows).toBe(4);
    expect(report.rejected).toBe(2);
    expect(report.rejections).toEqual({ MISSING_ID: 1, BAD_DATE: 1 });
    expect(report.flags).toMatchObject({ instant_closure: 1, closed_before_received: 1, coords_swapped: 1, coords_out_of_range: 1, missing_coords: 1, unparsed_satisfaction: 1, future_date: 0 });
    expect(report.missing).toEqual({ externalId: 0, receivedAt: 0, closedAt: 1, content: 1, lon: 2, lat: 2, satisfaction: 1 });
    expect(report.locations).toEqual({ coordinates: 2, placeholder: 0, invalid: 1, none: 1 });
    expect(report.receivedAt).toEqual({ min: Date.UTC(2019, 1, 27, 2), max: Date.UTC(2019, 2, 5, 2) });
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('reports an empty batch with a null time range', () => {
    expect(new QualityAccumulator(SPEC).toReport()).toMatchObject({ rows: 0, rejected: 0, receivedAt: { min: null, max: null } });
  });

  it('merges reports of several batches', () => {
    const total = new QualityAccumulator(SPEC);
    total.merge(run().toReport());
    total.merge(run().toReport());
    const r = total.toReport();
    expect(r.rows).toBe(8);
    expect(r.rejections).toEqual({ MISSING_ID: 2, BAD_DATE: 2 });
    expect(r.flags.coords_swapped).toBe(2);
    expect(r.missing.lon).toBe(4);
    expect(r.receivedAt.min).toBe(Date.UTC(2019, 1, 27, 2));
  });
});
