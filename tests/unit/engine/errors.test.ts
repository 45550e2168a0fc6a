import { describe, expect, it } from 'vitest';
import { ApiError, ERROR_CODES, ERROR_MESSAGES, formatErrorMessage, httpStatusOf } from '../../../shared/api/errors';

describe('error catalogue', () => {
  it('has a non-empty zh-CN and en message for every code, with the same parameters', () => {
    for (const code of ERROR_CODES) {
      const { 'zh-CN': zh, en } = ERROR_MESSAGES[code];
      expect(zh.length, code).toBeGreaterThan(4);
      expect(en.length, code).toBeGreaterThan(4);
      const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(params(zh), code).toEqual(params(en));
      expect(/[\u4e00-\u9fff]/.test(zh), `${code} zh has Chinese`).toBe(true);
    }
  });
  it('fills parameters and survives a round trip through the wire payload', () => {
    const e = new ApiError('NEWER_SCHEMA', { found: 7, supported: 1 });
    expect(e.localized('en')).toContain('schema 7');
    expect(e.localized('zh-CN')).toContain('版本 7');
    const back = ApiError.fromPayload(JSON.parse(JSON.stringify(e.toPayload('en'))));
    expect(back.code).toBe('NEWER_SCHEMA');
    expect(back.params).toEqual({ found: 7, supported: 1 });
    expect(formatErrorMessage('FILE_NOT_FOUND', {}, 'en')).toContain('{path}');
  });
  it('maps an unknown code from the wire to INTERNAL and codes to HTTP statuses', () => {
    expect(ApiError.fromPayload({ code: 'NOPE' as never, params: {}, message: 'x' }).code).toBe('INTERNAL');
    expect(httpStatusOf('UNAUTHORIZED')).toBe(401);
    expect(httpStatusOf('FORBIDDEN_ORIGIN')).toBe(403);
    expect(httpStatusOf('UNKNOWN_METHOD')).toBe(404);
    expect(httpStatusOf('PROJECT_LOCKED')).toBe(409);
    expect(httpStatusOf('BAD_INPUT')).toBe(400);
  });
});
