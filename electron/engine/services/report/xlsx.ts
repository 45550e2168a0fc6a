/** Every table of the report as a worksheet (named 表N …), plus the provenance as a sheet of key/value rows. */
import type { ReportDocument } from '../../../../shared/domain/report/document';
import { tablesOf } from '../../../../shared/domain/report/document';
import type { Provenance } from '../../../../shared/domain/report/provenance';
import { buildXlsx, type Sheet } from '../stats/xlsx';

const sheetName = (n: number, caption: string): string => `${n}_${caption}`.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

export function reportSheets(doc: ReportDocument, prov: Provenance, hash: string): Sheet[] {
  const zh = doc.locale === 'zh-CN';
  const sheets: Sheet[] = tablesOf(doc).map((t, i) => ({ name: sheetName(t.number ?? i + 1, t.caption), columns: t.columns, rows: t.rows }));
  const rows: (string | number | null)[][] = [
    [zh ? '报告' : 'Report', doc.title], [zh ? '统计期间' : 'Period', doc.period], [zh ? '报告哈希' : 'Report hash', hash],
    [zh ? '民声版本' : 'Minsheng version', prov.appVersion], [zh ? '数据库结构版本' : 'Schema version', prov.schemaVersion],
    [zh ? '生成时间' : 'Generated', new Date(prov.generatedAt).toISOString()], [zh ? '筛选条件（JSON）' : 'Filter (JSON)', JSON.stringify(prov.filter)],
    [zh ? '对比' : 'Compare to', prov.compareTo],
    ...prov.sections.map((s) => [`${zh ? '部分' : 'Section'} ${s.id} (${s.kind})`, JSON.stringify(s.params)]),
    ...prov.batches.map((b) => [`${zh ? '批次' : 'Batch'} #${b.id} ${b.source}`, `${b.fileName} · ${b.sha256 ?? '—'} · ${b.rows}`]),
  ];
  sheets.push({ name: zh ? '数据来源' : 'Provenance', columns: [zh ? '项目' : 'Item', zh ? '取值' : 'Value'], rows });
  return sheets;
}

export const renderXlsx = (doc: ReportDocument, prov: Provenance, hash: string): Promise<Uint8Array> => buildXlsx(reportSheets(doc, prov, hash));
