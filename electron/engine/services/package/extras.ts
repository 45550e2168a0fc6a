/**
 * The package's secondary files: aggregates.csv (record counts by district × first-level category ×
 * month, cells below k withheld) and a bilingual README.txt for whoever receives the folder.
 */
import fs from 'node:fs';
import { suppressSmallCells, suppressedLabel, timeLabel, type PackageRecord } from '../../../../shared/domain/anonymise';
import type { Manifest } from '../../../../shared/api/areas/package';
import { toCsvLine } from '../import/csv-out';

const SEP = '\u001f';

export class AggregateCounter {
  readonly counts = new Map<string, number>();
  add(r: PackageRecord): void {
    const key = [r.district ?? '', r.cat1_code ?? '', r.cat1_name ?? '', timeLabel(r.received_at, 'month')].join(SEP);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
}

export function writeAggregates(file: string, agg: AggregateCounter, k: number): { cells: number; suppressedCells: number; suppressedRecords: number } {
  const cells = [...agg.counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, count]) => ({ key: key.split(SEP), count }));
  const r = suppressSmallCells(cells, k);
  const lines = [toCsvLine(['district', 'category1_code', 'category1', 'month', 'count'])];
  for (const c of r.cells) lines.push(toCsvLine([...c.key, c.suppressed ? suppressedLabel(k) : String(c.count)]));
  fs.writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`, { flag: 'wx' });
  return { cells: cells.length, suppressedCells: r.suppressedCells, suppressedRecords: r.suppressedRecords };
}

export function writeReadme(file: string, m: Manifest): void {
  const a = m.anonymisation;
  const when = new Date(m.createdAt + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  const k = a.kAnonymity;
  const text = [
    `民声数据包 / Minsheng data package`,
    `================================`,
    ``,
    `生成时间 Created: ${when} (Asia/Shanghai) · 民声 Minsheng ${m.minsheng.version} · 项目 project "${m.project.name}"${m.project.synthetic ? ' · 合成数据 SYNTHETIC' : ''}`,
    `记录 Records: ${m.records.rows} · 来源 sources: ${m.sources.map((s) => `${s.code} (${s.rows})`).join(', ') || '—'}`,
    `匿名化 Anonymisation: ${a.preset ?? '自定义 custom'} · 找到个人信息 personal information found: ${a.stats.piiByKind ? Object.values(a.stats.piiByKind).reduce((x, y) => x + y, 0) : 0}, 已去除 removed: ${a.stats.piiRemoved}`,
    k ? `k-匿名检查 k-anonymity (k = ${k.k}, ${a.quasiIdentifiers.join(' + ')}): 最小组 smallest group ${k.smallest?.size ?? 0}; 低于 k 的记录 records in groups below k: ${k.recordsBelowK}` : '',
    ``,
    `文件 Files`,
    `  records.arrow    记录，Apache Arrow IPC 文件（Feather v2）/ records, Arrow IPC file (pyarrow.feather, R arrow, DuckDB, apache-arrow)`,
    `  records.csv      记录，UTF-8 CSV（带 BOM，Excel 可直接打开）/ records, UTF-8 CSV with BOM`,
    `  taxonomy.json    统一分类与各来源对照表 / unified categories and per-source crosswalk`,
    `  layers/*.geojson 参考图层（WGS-84）/ reference layers (WGS-84)`,
    `  aggregates.csv   按区县×一级分类×月份的件数，少于 k 的格子已隐去 / counts by district × category × month, cells below k withheld`,
    `  manifest.json    清单：字段结构、行数、每个文件的 SHA-256、匿名化设置、来源批次 / schema, row counts, SHA-256 of every file, settings, source batches`,
    ``,
    `校验 Verify: 每个文件的 SHA-256 须与 manifest.json 一致（如 sha256sum records.arrow）；民声导入时会逐一校验，不符即拒绝。`,
    `Every file's SHA-256 must equal the one in manifest.json (e.g. sha256sum records.arrow); Minsheng checks them all before an import and refuses a package that does not match.`,
    ``,
  ].filter((l, i, all) => l !== '' || all[i - 1] !== '').join('\r\n');
  fs.writeFileSync(file, `\uFEFF${text}`, { flag: 'wx' });
}
