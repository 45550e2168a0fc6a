import { describe, expect, it } from 'vitest';
import type { Template } from '../../../shared/api/areas/import';
import { TEMPLATES_FILE, exportInput, shortSignature, templateRow, templateRows } from '../../../renderer/src/features/import/templates/template-rows';

function tpl(p: Partial<Template> = {}): Template {
  return {
    id: 1,
    sourceCode: 'nj12345',
    name: '南京12345 工单导出',
    headerSignature: '工单编号|受理时间|诉求内容',
    readOptions: { format: 'csv', encoding: 'gb18030' },
    mapping: {
      columns: [
        { column: 0, header: '工单编号', field: 'externalId' },
        { column: 1, header: '受理时间', field: 'receivedAt' },
      ],
      timezone: 'Asia/Shanghai',
      crs: 'wgs84',
    },
    updatedAt: Date.UTC(2024, 0, 31, 16, 5),
    ...p,
  };
}

describe('import mapping templates', () => {
  it('formats a template row: source name, mapped columns, +08:00 time', () => {
    const r = templateRow(tpl(), new Map([['nj12345', '南京 12345']]));
    expect(r).toMatchObject({
      id: 1, name: '南京12345 工单导出', sourceCode: 'nj12345', sourceLabel: '南京 12345', mappedColumns: 2,
      signature: '工单编号|受理时间|诉求内容', signatureShort: '工单编号|受理时间|诉求内容', updated: '2024-02-01 00:05',
    });
  });

  it('falls back to the source code when the name is unknown or blank', () => {
    expect(templateRow(tpl()).sourceLabel).toBe('nj12345');
    expect(templateRow(tpl(), new Map([['nj12345', '  ']])).sourceLabel).toBe('nj12345');
  });

  it('shortens long signatures by code points with an ellipsis', () => {
    const long = '字'.repeat(40);
    const s = shortSignature(long, 10);
    expect(Array.from(s)).toHaveLength(10);
    expect(s.endsWith('…')).toBe(true);
    expect(shortSignature('a|b', 10)).toBe('a|b');
    expect(shortSignature('', 10)).toBe('');
  });

  it('sorts newest first and builds the export input', () => {
    const rows = templateRows([tpl({ id: 1, updatedAt: 1000 }), tpl({ id: 2, updatedAt: 3000 }), tpl({ id: 3, updatedAt: 1000 })]);
    expect(rows.map((r) => r.id)).toEqual([2, 3, 1]);
    expect(exportInput([])).toEqual({});
    expect(exportInput([3, 1])).toEqual({ ids: [3, 1] });
    expect(TEMPLATES_FILE).toBe('minsheng-templates.json');
  });
});
