/** Planted personal information for the anonymisation tests: valid checksums, computed, not copied. */
import type { PackageRecord } from '../../../../shared/domain/anonymise';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A resident ID number with a correct GB 11643 check character. */
export function residentId(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return first17 + '10X98765432'[sum % 11];
}

/** A card number completed with its Luhn check digit. */
export function luhnCard(body: string): string {
  for (let d = 0; d <= 9; d++) {
    const s = body + d;
    let sum = 0;
    let dbl = false;
    for (let i = s.length - 1; i >= 0; i--) {
      let n = Number(s[i]);
      if (dbl) { n *= 2; if (n > 9) n -= 9; }
      sum += n;
      dbl = !dbl;
    }
    if (sum % 10 === 0) return s;
  }
  throw new Error('unreachable');
}

export const PLANTED = {
  mobile: '13912345678',
  landline: '025-84561234',
  idCard: residentId('32010219850312004'),
  bankCard: luhnCard('622202100112345678'),
  email: 'zhang.wei@example.com',
  plate: '苏A12345',
} as const;

/** Every planted value in every free-text field of one record. */
export function recordWithPii(over: Partial<PackageRecord> = {}): PackageRecord {
  const p = PLANTED;
  return {
    source_code: '12345', external_id: 'T-0001', received_at: Date.UTC(2024, 2, 5, 1, 30), first_response_at: Date.UTC(2024, 2, 5, 3), closed_at: Date.UTC(2024, 2, 7, 9),
    channel: 'phone', request_type: 'complaint', cat1_code: '01', cat1_name: '城乡建设', cat2_code: '0101', cat2_name: '市政设施', cat3_code: '010101', cat3_name: '道路破损',
    category_original: '城建/道路', title: `车主${p.plate}投诉，电话${p.mobile}`,
    content: `本人身份证${p.idCard}，银行卡${p.bankCard}被扣款，请联系${p.landline}或${p.email}。`,
    address: `中山路12号3栋502室（联系人手机${p.mobile}）`, district: '玄武区', street: '新街口街道', community: '丰富路社区',
    lon: 118.7856, lat: 32.0441, crs_original: 'wgs84', location_status: 'coordinates', department: '市城管局', transfers: 1,
    status: 'closed', status_original: '已办结', reply: `已联系车主${p.plate}（${p.mobile}），退款至卡号${p.bankCard}。`,
    satisfaction: 1, satisfaction_label: '满意', caller_hash: 'a'.repeat(32), caller_phone: p.mobile, origin_batch: 3, synthetic: false,
    ...over,
  };
}
