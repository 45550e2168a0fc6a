import { describe, expect, it } from 'vitest';
import { FIELD_INFO, headerSignature, normaliseHeader, STANDARD_FIELDS, suggestMapping, type StandardField } from '../../../../shared/domain/ingest';
import { hasFile, LA_2017, LA_REQUESTS, readHeader } from './real-data';

/** Suggestions as { header: field }. */
function asMap(headers: string[]): Record<string, StandardField> {
  return Object.fromEntries(suggestMapping(headers).map((s) => [s.header, s.field]));
}

describe('FIELD_INFO', () => {
  it('describes every standard field in both languages with a kind', () => {
    for (const f of STANDARD_FIELDS) {
      const info = FIELD_INFO[f];
      expect(info.label['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(info.label.en.length).toBeGreaterThan(1);
      expect(info.description['zh-CN'].length).toBeGreaterThan(4);
      expect(info.description.en.length).toBeGreaterThan(4);
      expect(['id', 'time', 'text', 'number', 'enum', 'coord', 'phone']).toContain(info.kind);
    }
    expect(FIELD_INFO.receivedAt.required).toBe(true);
    expect(FIELD_INFO.receivedAt.kind).toBe('time');
    expect(FIELD_INFO.lat.kind).toBe('coord');
  });
});

describe('normaliseHeader / headerSignature', () => {
  it('folds width, case, spaces, underscores and a BOM', () => {
    expect(normaliseHeader(' Created Date ')).toBe('createddate');
    expect(normaliseHeader('\uFEFFcreated_date')).toBe('createddate');
    expect(normaliseHeader('ＣｒｅａｔｅｄＤａｔｅ')).toBe('createddate');
    expect(normaliseHeader('受理时间：')).toBe('受理时间');
  });

  it('gives equal signatures to equivalent header rows and different ones otherwise', () => {
    expect(headerSignature(['SRNumber', 'Created Date'])).toBe(headerSignature(['srnumber', 'created_date ']));
    expect(headerSignature(['a', 'b'])).not.toBe(headerSignature(['b', 'a']));
    expect(headerSignature(['ab'])).not.toBe(headerSignature(['a', 'b']));
  });
});

describe('suggestMapping', () => {
  it('maps the Teddy Cup message headers', () => {
    expect(asMap(['留言编号', '留言用户', '留言主题', '留言时间', '留言详情', '一级分类'])).toEqual({
      留言编号: 'externalId', 留言主题: 'title', 留言时间: 'receivedAt', 留言详情: 'content', 一级分类: 'cat1',
    });
  });

  it('maps typical 12345 export headers', () => {
    const m = asMap([
      '工单编号', '受理时间', '签收时间', '办结时间', '来源渠道', '诉求类型', '一级分类', '二级分类', '三级分类', '标题', '诉求内容',
      '事发地址', '所属区', '街道', '社区', '经度', '纬度', '承办单位', '转办次数', '办理状态', '答复内容', '满意度', '来电号码',
    ]);
    expect(m).toEqual({
      工单编号: 'externalId', 受理时间: 'receivedAt', 签收时间: 'firstResponseAt', 办结时间: 'closedAt', 来源渠道: 'channel', 诉求类型: 'requestType',
      一级分类: 'cat1', 二级分类: 'cat2', 三级分类: 'cat3', 标题: 'title', 诉求内容: 'content', 事发地址: 'address', 所属区: 'district',
      街道: 'street', 社区: 'community', 经度: 'lon', 纬度: 'lat', 承办单位: 'department', 转办次数: 'transfers', 办理状态: 'status',
      答复内容: 'reply', 满意度: 'satisfaction', 来电号码: 'callerPhone',
    });
  });

  it('uses each field once: the best-scoring column wins', () => {
    const s = suggestMapping(['编号', '工单编号', '状态', '工单状态']);
    expect(s).toEqual([
      expect.objectContaining({ column: 1, field: 'externalId', score: 1 }),
      expect.objectContaining({ column: 3, field: 'status', score: 1 }), // '状态' alone scores lower
    ]);
  });

  it('falls back to a contained Chinese synonym with a lower score', () => {
    const [s] = suggestMapping(['市民来电时间']);
    expect(s.field).toBe('receivedAt');
    expect(s.score).toBeLessThan(1);
    expect(s.score).toBeGreaterThan(0.5);
  });

  it('gives unknown headers no suggestion', () => {
    expect(suggestMapping(['留言用户', 'MobileOS', 'foo', ''])).toEqual([]);
  });

  it('maps Open311 / NYC 311 headers', () => {
    expect(asMap(['service_request_id', 'requested_datetime', 'service_name', 'agency_responsible', 'status', 'lat', 'long', 'address', 'description'])).toEqual({
      service_request_id: 'externalId', requested_datetime: 'receivedAt', service_name: 'categoryOriginal', agency_responsible: 'department',
      status: 'status', lat: 'lat', long: 'lon', address: 'address', description: 'content',
    });
    expect(asMap(['Unique Key', 'Created Date', 'Closed Date', 'Agency', 'Complaint Type', 'Descriptor', 'Incident Address', 'Borough', 'Open Data Channel Type', 'Resolution Description', 'Latitude', 'Longitude'])).toEqual({
      'Unique Key': 'externalId', 'Created Date': 'receivedAt', 'Closed Date': 'closedAt', Agency: 'department', 'Complaint Type': 'categoryOriginal',
      Descriptor: 'cat2', 'Incident Address': 'address', Borough: 'district', 'Open Data Channel Type': 'channel', 'Resolution Description': 'reply',
      Latitude: 'lat', Longitude: 'lon',
    });
  });

  it.runIf(hasFile(LA_2017))('maps the MyLA311 2017 subset header line', () => {
    const headers = readHeader(LA_2017);
    expect(headers).toHaveLength(33);
    expect(asMap(headers)).toEqual({
      SRNumber: 'externalId', CreatedDate: 'receivedAt', Owner: 'department', RequestType: 'categoryOriginal', Status: 'status',
      RequestSource: 'channel', ClosedDate: 'closedAt', Address: 'address', Latitude: 'lat', Longitude: 'lon', CD: 'district', NCName: 'community',
    });
    // UpdatedDate, ServiceDate, StreetName (a road, not a 街道) and the rest stay unmapped
  });

  it.runIf(hasFile(LA_REQUESTS))('maps the lower-case requests.csv headers the same way', () => {
    const headers = readHeader(LA_REQUESTS);
    const m = asMap(headers);
    expect(m).toEqual({
      srnumber: 'externalId', createddate: 'receivedAt', closeddate: 'closedAt', requesttype: 'categoryOriginal', requestsource: 'channel',
      owner: 'department', status: 'status', latitude: 'lat', longitude: 'lon', address: 'address', cd: 'district', ncname: 'community',
    });
  });
});
