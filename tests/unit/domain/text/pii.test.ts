import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { countPii, detectPii, isValidResidentId, luhnValid, maskPii } from '../../../../shared/domain/text';

/** A resident ID with a correct GB 11643 check character, built from 17 digits. */
function withCheck(d17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...d17].reduce((a, c, i) => a + Number(c) * w[i], 0);
  return d17 + '10X98765432'[sum % 11];
}
/** A 16-digit number starting 6222 with a correct Luhn digit. */
function withLuhn(d15: string): string {
  for (let c = 0; c <= 9; c++) if (luhnValid(d15 + c)) return d15 + c;
  throw new Error('unreachable');
}

describe('PII detection', () => {
  const id = withCheck('32010219850307123');
  const card = withLuhn('622202100112345');

  it('validates resident IDs by checksum and birth date', () => {
    expect(isValidResidentId(id)).toBe(true);
    const wrong = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    expect(isValidResidentId(wrong)).toBe(false);
    expect(isValidResidentId(withCheck('32010219851307123'))).toBe(false); // month 13
  });

  it('finds each kind in a message and masks it', () => {
    const text = `本人张某，电话13912345678，身份证${id}，工资卡${card}，邮箱 zhang.san@example.com，座机025-84561234，车牌苏A·12345被拖走。`;
    const spans = detectPii(text);
    expect(spans.map((s) => s.kind)).toEqual(['mobile', 'idCard', 'bankCard', 'email', 'landline', 'plate']);
    const masked = maskPii(text, spans);
    expect(masked).toContain('139****5678');
    expect(masked).toContain(`****${card.slice(-4)}`);
    expect(masked).toContain('z***@example.com');
    expect(masked).not.toContain('13912345678');
    expect(masked).not.toContain(id);
    expect(masked).not.toContain('84561234');
  });

  it('does not flag ticket numbers, dates, amounts or failed checksums', () => {
    const text = '工单编号2020010600123，2020年1月6日，金额12345678元，卡号6222021001123456780（校验错误），编号110101199003071234';
    const kinds = detectPii(text).map((s) => s.kind);
    expect(kinds).not.toContain('bankCard');
    expect(kinds).not.toContain('idCard');
    expect(kinds).not.toContain('mobile');
  });

  it('counts hits per kind', () => {
    expect(countPii('联系13800001111或13900002222，邮箱a@b.cn')).toEqual({ mobile: 2, email: 1 });
  });

  it('ignores numbers already redacted at the source', () => {
    expect(detectPii('后拨打0000-00000000市社保局咨询热线，未接通')).toEqual([]);
  });
});

describe('PII in real messages (teddycup 2020 C 附件3, hand-checked)', () => {
  const file = path.resolve(__dirname, '../../../../../shared/data/teddycup2020-c/附件3.xlsx');
  const present = fs.existsSync(file);
  if (!present) console.warn(`skipping real-message PII test: ${file} not found (../shared/data is not part of a fresh clone)`);
  it.skipIf(!present)('finds the hand-checked values and nothing in the redacted placeholders', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const texts = new Map<number, string>();
    wb.worksheets[0].eachRow((row, i) => {
      const v = row.values as unknown[];
      if (i > 1 && v[1] != null) texts.set(Number(v[1]), `${v[3] ?? ''} ${v[5] ?? ''}`);
    });
    // 留言 263515: "联系电话：189 7318 7780" (a mobile written in groups)
    expect(detectPii(texts.get(263515) ?? '').map((s) => `${s.kind}:${s.value}`)).toEqual(['mobile:189 7318 7780']);
    // 留言 261827: a list of parked cars; 赣A50397 and 鄂A600HV6 are plates (楚A… uses the anonymised province and is not one)
    expect(detectPii(texts.get(261827) ?? '').filter((s) => s.kind === 'plate').map((s) => s.value)).toEqual(['赣A50397', '鄂A600HV6']);
    // 留言 1161-style redacted numbers (0000-00000000) appear in many messages and must not count
    let flagged = 0;
    for (const t of texts.values()) flagged += detectPii(t).filter((s) => /^0000/.test(s.value)).length;
    expect(flagged).toBe(0);
  });
});
