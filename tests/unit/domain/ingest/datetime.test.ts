import { describe, expect, it } from 'vitest';
import { createDateParser, detectDateFormat, parseDateTime, zonedTimeToUtc, zoneOffset } from '../../../../shared/domain/ingest';

const SH = { timezone: 'Asia/Shanghai' };
const LA = { timezone: 'America/Los_Angeles' };
const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());

describe('parseDateTime — Chinese hotline formats (Asia/Shanghai, UTC+8)', () => {
  it.each([
    ['2019/2/28 11:25:05', '2019-02-28T03:25:05.000Z'], // Teddy Cup 附件3, slash form
    ['2017-06-08 17:31:20', '2017-06-08T09:31:20.000Z'], // Teddy Cup 附件3, dash form
    ['2017-06-08T17:31:20', '2017-06-08T09:31:20.000Z'],
    ['2019-02-28', '2019-02-27T16:00:00.000Z'], // date only → local midnight
    ['2019年2月28日', '2019-02-27T16:00:00.000Z'],
    ['2019年2月28日 14时5分', '2019-02-28T06:05:00.000Z'],
    ['2019年2月28日下午2点5分', '2019-02-28T06:05:00.000Z'],
    ['2019.02.28 08:00', '2019-02-28T00:00:00.000Z'],
    ['  2019/2/28 11:25:05\t', '2019-02-28T03:25:05.000Z'],
    ['２０１９－０２－２８　１１：２５：０５', '2019-02-28T03:25:05.000Z'], // full-width digits, hyphens, colon, space
    ['20190228', '2019-02-27T16:00:00.000Z'],
    ['2017-06-08 17:31:20.250', '2017-06-08T09:31:20.250Z'],
  ])('%j → %s', (text, expected) => {
    expect(iso(parseDateTime(text, SH))).toBe(expected);
  });

  it('honours explicit offsets and Z regardless of the zone', () => {
    expect(iso(parseDateTime('2020-01-01T00:05:00.000Z', SH))).toBe('2020-01-01T00:05:00.000Z');
    expect(iso(parseDateTime('2020-01-01T08:05:00+08:00', LA))).toBe('2020-01-01T00:05:00.000Z');
    expect(iso(parseDateTime('2020-01-01T08:05:00+0800', LA))).toBe('2020-01-01T00:05:00.000Z');
    expect(iso(parseDateTime('2019-12-31T16:05:00-08:00', SH))).toBe('2020-01-01T00:05:00.000Z');
  });

  it('reads Excel serials (1900 system) as local wall-clock time', () => {
    expect(iso(parseDateTime(43524.5, SH))).toBe('2019-02-28T04:00:00.000Z'); // 2019-02-28 12:00 in Shanghai
    expect(iso(parseDateTime(43524, SH))).toBe('2019-02-27T16:00:00.000Z');
    expect(iso(parseDateTime('43524.46186', SH))).toBe('2019-02-28T03:05:04.704Z');
    // Lotus' fictitious 1900-02-29 (serial 60) does not exist; serial 61 is 1900-03-01
    expect(parseDateTime(60, { ...SH, format: 'excel' })).toBeNull();
    expect(iso(parseDateTime(61, { timezone: 'UTC', format: 'excel' }))).toBe('1900-03-01T00:00:00.000Z');
    expect(iso(parseDateTime(59, { timezone: 'UTC', format: 'excel' }))).toBe('1900-02-28T00:00:00.000Z');
  });

  it('treats XLSX Date objects as wall clock in the zone (UTC fields = local time)', () => {
    expect(iso(parseDateTime(new Date(Date.UTC(2019, 1, 28, 12, 0, 0)), SH))).toBe('2019-02-28T04:00:00.000Z');
    expect(iso(parseDateTime(new Date(Date.UTC(2017, 6, 1, 12, 0, 0)), LA))).toBe('2017-07-01T19:00:00.000Z');
    expect(parseDateTime(new Date(Number.NaN), SH)).toBeNull();
  });

  it('reads epoch seconds and milliseconds, as numbers or digit strings', () => {
    expect(iso(parseDateTime(1551324305, SH))).toBe('2019-02-28T03:25:05.000Z');
    expect(iso(parseDateTime('1551324305000', SH))).toBe('2019-02-28T03:25:05.000Z');
    expect(iso(parseDateTime(1551324305, { ...SH, format: 'epoch-s' }))).toBe('2019-02-28T03:25:05.000Z');
    expect(iso(parseDateTime(1551324305123, { ...SH, format: 'epoch-ms' }))).toBe('2019-02-28T03:25:05.123Z');
  });

  it.each(['', '   ', 'garbage', '2019-02-30', '2019-13-01', '2019/2/28 25:00', '2019/2/28 11:61', '12:30', '2019-02', '第一天', '2019-02-28 11:25:05 XYZ', '2019-02-28T', '201-02-28', '20190-02-28'])(
    'rejects %j', (text) => {
      expect(parseDateTime(text, SH)).toBeNull();
    },
  );

  it('returns null for booleans, null and absurd numbers', () => {
    expect(parseDateTime(null, SH)).toBeNull();
    expect(parseDateTime(true, SH)).toBeNull();
    expect(parseDateTime(-5, SH)).toBeNull();
    expect(parseDateTime(123456, SH)).toBeNull(); // Excel year 2238: outside the auto range
    expect(parseDateTime(Number.NaN, SH)).toBeNull();
  });

  it('validates leap days', () => {
    expect(iso(parseDateTime('2020-02-29', { timezone: 'UTC' }))).toBe('2020-02-29T00:00:00.000Z');
    expect(parseDateTime('2019-02-29', { timezone: 'UTC' })).toBeNull();
    expect(parseDateTime('1900-02-29', { timezone: 'UTC' })).toBeNull();
  });
});

describe('parseDateTime — LA 311 (America/Los_Angeles, with DST)', () => {
  it('reads MM/DD/YYYY hh:mm:ss AM/PM', () => {
    expect(iso(parseDateTime('01/02/2017 08:05:00 PM', LA))).toBe('2017-01-03T04:05:00.000Z'); // PST, UTC-8
    expect(iso(parseDateTime('12/31/2017 11:59:58 PM', LA))).toBe('2018-01-01T07:59:58.000Z');
    expect(iso(parseDateTime('01/05/2018 12:00:00 AM', LA))).toBe('2018-01-05T08:00:00.000Z'); // 12 AM = midnight
    expect(iso(parseDateTime('07/01/2017 12:00:00 PM', LA))).toBe('2017-07-01T19:00:00.000Z'); // PDT, UTC-7
    expect(iso(parseDateTime('07/01/2017 12:30', LA))).toBe('2017-07-01T19:30:00.000Z');
  });

  it('reads the ISO-like timestamps of requests.csv', () => {
    expect(iso(parseDateTime('2020-01-01 00:05:00', LA))).toBe('2020-01-01T08:05:00.000Z');
  });

  it('handles the spring-forward gap and the fall-back overlap of 2017', () => {
    expect(iso(parseDateTime('03/12/2017 01:59:59 AM', LA))).toBe('2017-03-12T09:59:59.000Z'); // last PST second
    expect(iso(parseDateTime('03/12/2017 03:00:00 AM', LA))).toBe('2017-03-12T10:00:00.000Z'); // first PDT instant
    expect(iso(parseDateTime('03/12/2017 02:30:00 AM', LA))).toBe('2017-03-12T10:30:00.000Z'); // nonexistent → 03:30 PDT
    expect(iso(parseDateTime('03/13/2017 02:30:00 AM', LA))).toBe('2017-03-13T09:30:00.000Z');
    expect(iso(parseDateTime('11/05/2017 01:30:00 AM', LA))).toBe('2017-11-05T08:30:00.000Z'); // ambiguous → earlier (PDT)
    expect(iso(parseDateTime('11/05/2017 02:30:00 AM', LA))).toBe('2017-11-05T10:30:00.000Z'); // PST
    expect(iso(parseDateTime('11/04/2017 01:30:00 AM', LA))).toBe('2017-11-04T08:30:00.000Z');
  });

  it('zonedTimeToUtc and zoneOffset agree with the zone rules', () => {
    expect(iso(zonedTimeToUtc(2017, 3, 12, 3, 0, 0, 0, 'America/Los_Angeles'))).toBe('2017-03-12T10:00:00.000Z');
    expect(zoneOffset('America/Los_Angeles', Date.UTC(2017, 0, 15))).toBe(-8 * 3_600_000);
    expect(zoneOffset('America/Los_Angeles', Date.UTC(2017, 6, 15))).toBe(-7 * 3_600_000);
    expect(zoneOffset('Asia/Shanghai', Date.UTC(2019, 1, 28))).toBe(8 * 3_600_000);
    expect(iso(zonedTimeToUtc(2019, 2, 28, 12, 0, 0, 0, '+08:00'))).toBe('2019-02-28T04:00:00.000Z');
  });

  it('follows historical rules too: China observed DST in 1986–1991', () => {
    expect(iso(parseDateTime('1988-06-01 12:00:00', SH))).toBe('1988-06-01T03:00:00.000Z'); // UTC+9
    expect(iso(parseDateTime('1988-12-01 12:00:00', SH))).toBe('1988-12-01T04:00:00.000Z'); // UTC+8
  });

  it('throws on an unknown time zone', () => {
    expect(() => parseDateTime('2019-02-28', { timezone: 'Mars/Olympus_Mons' })).toThrow(RangeError);
  });
});

describe('day/month order', () => {
  it('an explicit format decides DD/MM vs MM/DD', () => {
    expect(iso(parseDateTime('01/02/2017', { timezone: 'UTC', format: 'DD/MM/YYYY' }))).toBe('2017-02-01T00:00:00.000Z');
    expect(iso(parseDateTime('01/02/2017', { timezone: 'UTC', format: 'MM/DD/YYYY' }))).toBe('2017-01-02T00:00:00.000Z');
    expect(parseDateTime('13/02/2017', { timezone: 'UTC', format: 'MM/DD/YYYY' })).toBeNull();
    // a year-first text is recognised whatever the format
    expect(iso(parseDateTime('2017-06-08 17:31:20', { timezone: 'UTC', format: 'MM/DD/YYYY hh:mm:ss A' }))).toBe('2017-06-08T17:31:20.000Z');
  });

  it('auto mode reads a first number above 12 as the day', () => {
    expect(iso(parseDateTime('28/02/2019', { timezone: 'UTC' }))).toBe('2019-02-28T00:00:00.000Z');
  });

  it('a compiled parser gives the same answers', () => {
    const p = createDateParser({ timezone: 'Asia/Shanghai', format: 'YYYY/M/D H:mm:ss' });
    expect(iso(p('2019/2/28 11:25:05'))).toBe('2019-02-28T03:25:05.000Z');
    expect(iso(p('2017-06-08 17:31:20'))).toBe('2017-06-08T09:31:20.000Z');
  });
});

describe('detectDateFormat', () => {
  it('names the LA 2017 format', () => {
    expect(detectDateFormat(['12/31/2017 11:59:58 PM', '12/31/2017 11:56:39 PM', '01/05/2018 12:00:00 AM'])).toBe('MM/DD/YYYY hh:mm:ss A');
  });

  it('resolves DD/MM from values above 12', () => {
    expect(detectDateFormat(['01/02/2019 11:25', '28/02/2019 11:25', '03/03/2019 09:00'])).toBe('DD/MM/YYYY HH:mm');
    expect(detectDateFormat(['01/02/2019 11:25', '02/28/2019 11:25'])).toBe('MM/DD/YYYY HH:mm');
  });

  it('picks the dominant shape of a mixed Teddy Cup column', () => {
    expect(detectDateFormat(['2019/2/28 11:25:05', '2019/3/1 9:05:00', '2017-06-08 17:31:20'])).toBe('YYYY/M/D H:mm:ss');
    expect(detectDateFormat(['2017-06-08 17:31:20', '2017-06-09 07:01:02'])).toBe('YYYY-MM-DD HH:mm:ss');
  });

  it('recognises ISO, Chinese, Excel and epoch columns', () => {
    expect(detectDateFormat(['2020-01-01T00:05:00.000Z'])).toBe('YYYY-MM-DDTHH:mm:ss.SSSZ');
    expect(detectDateFormat(['2019年2月28日 14时5分', '2019年3月1日 9时30分'])).toBe('YYYY年M月D日 H时mm分');
    expect(detectDateFormat([43524.5, 43525.25, null])).toBe('excel');
    expect(detectDateFormat(['1551324305', '1551324306'])).toBe('epoch-s');
    expect(detectDateFormat([1551324305000])).toBe('epoch-ms');
  });

  it('returns null when nothing is a date', () => {
    expect(detectDateFormat(['abc', '', null, true])).toBeNull();
    expect(detectDateFormat([])).toBeNull();
  });
});

describe('speed (sanity floor; real figures in the report)', () => {
  it('parses 200k fixed-format Shanghai timestamps in well under a second', () => {
    const p = createDateParser({ timezone: 'Asia/Shanghai', format: 'YYYY-MM-DD HH:mm:ss' });
    const values: string[] = [];
    for (let i = 0; i < 2000; i++) values.push(`2019-0${1 + (i % 9)}-${10 + (i % 18)} ${10 + (i % 13)}:${10 + (i % 49)}:${10 + (i % 37)}`);
    let sum = 0;
    const t0 = performance.now();
    for (let r = 0; r < 100; r++) for (const v of values) sum += p(v) as number;
    const ms = performance.now() - t0;
    expect(Number.isFinite(sum)).toBe(true);
    expect(ms).toBeLessThan(1000);
  });
});
