import { createHmac, createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  PRESETS, createAnonymiser, hmacSha256, keptColumns, presetOf, sha256Hex, type AnonymiseSettings,
} from '../../../../shared/domain/anonymise';
import { Rng } from '../../../../shared/domain/demo/rng';
import { countPii, detectPii } from '../../../../shared/domain/text/pii';
import { PLANTED, recordWithPii } from './pii-fixtures';

const env = (salt = 'package-salt') => ({ salt, rng: (() => { const r = new Rng(7); return () => r.next(); })() });
const withText = (rule: 'mask' | 'redact', over: Partial<AnonymiseSettings> = {}): AnonymiseSettings =>
  ({ ...PRESETS.standard, text: { title: rule, content: rule, reply: rule, address: rule }, ...over });

describe('anonymisation of personal information', () => {
  it('the planted values are real detections (checksums valid) before anonymisation', () => {
    const rec = recordWithPii();
    const all = [rec.title, rec.content, rec.reply, rec.address].join('\n');
    const kinds = new Set(detectPii(all).map((s) => s.kind));
    expect([...kinds].sort()).toEqual(['bankCard', 'email', 'idCard', 'landline', 'mobile', 'plate']);
  });

  for (const rule of ['mask', 'redact'] as const) {
    it(`${rule}: no planted value and no detectable PII is left in title, content, reply or address`, () => {
      const a = createAnonymiser(withText(rule), env());
      const out = a.apply(recordWithPii());
      for (const f of ['title', 'content', 'reply', 'address'] as const) {
        expect(out[f]).not.toBeNull();
        expect(countPii(out[f]!)).toEqual({});
        for (const v of Object.values(PLANTED)) expect(out[f]).not.toContain(v);
      }
      expect(out.caller_phone).toBeNull();
      expect(a.stats.piiByKind).toEqual({ idCard: 1, bankCard: 2, mobile: 3, landline: 1, email: 1, plate: 2 });
      expect(a.stats.piiByField).toEqual({ title: 2, content: 4, reply: 3, address: 1 });
      expect(a.stats.piiRemoved).toBe(10);
      expect(a.stats.recordsWithPii).toBe(1);
    });
  }

  it('redact names the kind; mask keeps a recognisable fragment; addresses lose house numbers', () => {
    const red = createAnonymiser(withText('redact'), env()).apply(recordWithPii());
    expect(red.title).toBe('车主[车牌]投诉，电话[手机号]');
    const masked = createAnonymiser(withText('mask'), env()).apply(recordWithPii());
    expect(masked.title).toBe('车主苏A***45投诉，电话139****5678');
    expect(masked.address).toBe('中山路**号*栋***室（联系人手机139****5678）');
  });

  it('keep leaves the text alone but still counts what it holds; drop removes the columns', () => {
    const keep = createAnonymiser(PRESETS.none, env());
    const out = keep.apply(recordWithPii());
    expect(out.content).toBe(recordWithPii().content);
    expect(keep.stats.piiByField.content).toBe(4);
    expect(keep.stats.piiRemoved).toBe(0);
    const strict = createAnonymiser(PRESETS.strict, env());
    const s = strict.apply(recordWithPii());
    expect(s.content).toBeNull();
    expect(s.reply).toBeNull();
    expect(s.caller_hash).toBeNull();
    expect(s.community).toBeNull();
    const cols = keptColumns(PRESETS.strict).map((c) => c.name);
    expect(cols).not.toContain('content');
    expect(cols).not.toContain('caller_phone');
    expect(cols).toContain('title');
  });

  it('the raw phone is dropped by default and masked on request', () => {
    expect(createAnonymiser(PRESETS.standard, env()).apply(recordWithPii()).caller_phone).toBeNull();
    expect(createAnonymiser({ ...PRESETS.standard, callerPhone: 'mask' }, env()).apply(recordWithPii()).caller_phone).toBe('139****5678');
  });
});

describe('package-specific hashes', () => {
  it('pure SHA-256 and HMAC-SHA256 equal Node crypto (ASCII, Chinese, long keys)', () => {
    for (const s of ['', 'abc', '民声 12345 热线', 'x'.repeat(1000), '😀 surrogate']) {
      expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
      for (const key of ['k', 'salt-民声', 'K'.repeat(100)]) expect(hmacSha256(key)(s)).toBe(createHmac('sha256', key).update(s, 'utf8').digest('hex'));
    }
  });

  it('same caller → same hash within a package, different across packages, never the original', () => {
    const s = { ...PRESETS.standard, externalId: 'rehash' as const };
    const a = createAnonymiser(s, env('salt-A'));
    const b = createAnonymiser(s, env('salt-B'));
    const r1 = a.apply(recordWithPii({ caller_hash: 'c'.repeat(32), external_id: 'T1' }));
    const r2 = a.apply(recordWithPii({ caller_hash: 'c'.repeat(32), external_id: 'T2' }));
    const r3 = b.apply(recordWithPii({ caller_hash: 'c'.repeat(32), external_id: 'T1' }));
    expect(r1.caller_hash).toBe(r2.caller_hash);
    expect(r1.caller_hash).not.toBe('c'.repeat(32));
    expect(r1.caller_hash).not.toBe(r3.caller_hash);
    expect(r1.external_id).not.toBe(r2.external_id);
    expect(r1.external_id).not.toBe('T1');
    expect(r1.external_id).toMatch(/^[0-9a-f]{32}$/);
    expect(a.stats.callerHashesReplaced).toBe(2);
  });

  it('an injected HMAC gives the same package', () => {
    const native = (key: string) => (m: string) => createHmac('sha256', key).update(m).digest('hex');
    const a = createAnonymiser(PRESETS.strict, env()).apply(recordWithPii());
    const b = createAnonymiser(PRESETS.strict, { ...env(), hmac: native }).apply(recordWithPii());
    expect(b).toEqual(a);
  });
});

describe('presets', () => {
  it('presetOf recognises a preset whatever the key order, and null once edited', () => {
    const reordered = JSON.parse(JSON.stringify({ ...PRESETS.strict, piiKinds: [...PRESETS.strict.piiKinds].reverse() })) as AnonymiseSettings;
    expect(presetOf(reordered)).toBe('strict');
    expect(presetOf({ ...PRESETS.standard, k: 6 })).toBeNull();
  });
});
