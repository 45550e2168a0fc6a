/** Helpers of the package contract tests: project snapshots to compare, planted personal information. */
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { SqlitePackageRepository } from '../../electron/engine/db/repos/package-repo';
import { exportTaxonomy } from '../../electron/engine/db/repos/package-taxonomy';
import { layerFeatures, layerMetas } from '../../electron/engine/db/repos/package-layers';
import { toPackageRecord } from '../../electron/engine/services/package/export';
import { toCsvLine } from '../../electron/engine/services/import/csv-out';
import { PLANTED } from '../unit/domain/anonymise/pii-fixtures';

/** Everything a package must carry across, in comparable form (no ids). */
export function projectSnapshot(db: Database.Database) {
  const records = [...new SqlitePackageRepository(db).rows({})].map((r) => {
    const { origin_batch: _b, ...rest } = toPackageRecord(r);
    return rest;
  }).sort((a, b) => (a.source_code + a.external_id < b.source_code + b.external_id ? -1 : 1));
  const layers = layerMetas(db).map(({ id, createdAt: _c, ...l }) => ({ ...l, features: [...layerFeatures(db, id)] }));
  return { records, taxonomy: exportTaxonomy(db), layers };
}

export function tableCounts(db: Database.Database): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of ['records', 'batches', 'categories', 'crosswalk', 'layers', 'features', 'sources', 'audit_log']) {
    out[t] = (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  }
  return out;
}

/** A 12345 extract with planted personal information in title, content, reply, address and the phone column. */
export function writePlantedCsv(file: string, rows = 30): void {
  const p = PLANTED;
  const header = ['工单编号', '受理时间', '标题', '诉求内容', '详细地址', '答复内容', '来电号码', '所属区', '街道', '经度', '纬度', '一级分类'];
  const districts = ['玄武区', '秦淮区', '鼓楼区'];
  const lines = [toCsvLine(header)];
  for (let i = 0; i < rows; i++) {
    lines.push(toCsvLine([
      `PII${String(i).padStart(4, '0')}`, `2024-03-${String(1 + (i % 28)).padStart(2, '0')} 09:${String(i % 60).padStart(2, '0')}:00`,
      `车主${p.plate}反映停车问题`, `本人身份证${p.idCard}，银行卡${p.bankCard}被扣款，请回电${p.landline}或发邮件到${p.email}，手机${p.mobile}`,
      `中山路${10 + i}号${1 + (i % 5)}栋502室`, `已电话联系${p.mobile}，退款至${p.bankCard}`, p.mobile,
      districts[i % 3], '新街口街道', String(118.78 + i * 0.001), String(32.04 + i * 0.0005), i % 2 ? '城乡建设' : '交通运输',
    ]));
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}
