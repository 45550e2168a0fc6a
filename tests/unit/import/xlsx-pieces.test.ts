/**
 * The sheet and shared-strings scanners take text in pieces of any size: a part cut at every kind of
 * place (inside tags, attribute values, entities, end tags) reads exactly as the part in one piece.
 */
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../shared/domain/ingest/types';
import { sharedStringsScanner, sheetScanner, type SheetContext } from '../../../electron/engine/services/import/readers/xlsx-sheet';
import { sheetXml } from './xlsx-build';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
}

function pieces(text: string, maxLen: number, seed: number): string[] {
  const r = rng(seed);
  const out: string[] = [];
  for (let i = 0; i < text.length;) {
    const len = 1 + Math.floor(r() * maxLen);
    out.push(text.slice(i, i + len));
    i += len;
  }
  return out;
}

const ctx: SheetContext = { sharedStrings: ['甲', '乙乙', 'c&d'], dateStyles: Uint8Array.from([0, 1]), date1904: false };

function scanSheet(parts: string[]): [number, Cell[], number][] {
  const out: [number, Cell[], number][] = [];
  const s = sheetScanner(ctx, (row, cells, last) => out.push([row, [...cells], last]));
  for (const p of parts) s.push(p);
  s.end();
  return out;
}

const ROWS = Array.from({ length: 40 }, (_, i) => {
  const r = i + 2;
  if (i % 9 === 4) return `<row r="${r}"/>`;
  return `<row r="${r}" spans="1:6"><c r="A${r}" t="s"><v>${i % 3}</v></c><c r="C${r}" s="1"><v>${45000 + i}</v></c>`
    + `<c r="D${r}" t="inlineStr"><is><r><t xml:space="preserve">路 &amp; ${i}</t></r><r><t>灯&#x4E2D;</t></r></is></c>`
    + `<c r="F${r}" t="str"><f>A${r}&amp;"x"</f><v>v${'长'.repeat(i)}</v></c></row>`;
}).join('');

describe('XLSX scanners in pieces', () => {
  it('a sheet cut anywhere gives the same rows as in one piece', () => {
    const xml = sheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>${ROWS}`);
    const whole = scanSheet([xml]);
    expect(whole).toHaveLength(41);
    expect(whole[1]).toEqual([2, ['甲', null, new Date(Date.UTC(1899, 11, 30) + 45000 * 86_400_000), '路 & 0灯中', null, 'v'], 5]);
    expect(whole.find((r) => r[0] === 6)).toEqual([6, [], -1]);
    for (const [max, seed] of [[1, 1], [3, 2], [7, 3], [64, 4], [500, 5]]) {
      expect(scanSheet(pieces(xml, max, seed)), `pieces of up to ${max}`).toEqual(whole);
    }
  });

  it('shared strings cut anywhere give the same table', () => {
    const xml = `<?xml version="1.0"?><sst xmlns="x" count="4"><si><t>一</t></si><si><r><t>二</t></r><r><rPr/><t xml:space="preserve"> 三</t></r><rPh sb="0" eb="1"><t>に</t></rPh></si><si/><si><t>a&lt;b_x000A_c</t></si></sst>`;
    for (const [max, seed] of [[1, 1], [4, 2], [1000, 3]]) {
      const out: string[] = [];
      const s = sharedStringsScanner(out);
      for (const p of pieces(xml, max, seed)) s.push(p);
      s.end();
      expect(out).toEqual(['一', '二 三', '', 'a<b\nc']);
    }
  });

  it('stops at the end of sheetData: rows of later parts of the file are not read', () => {
    const xml = sheetXml(`<row r="1"><c r="A1"><v>1</v></c></row>`).replace('</worksheet>', '<extLst><row r="9"><c><v>9</v></c></row></extLst></worksheet>');
    const rows = scanSheet(pieces(xml, 5, 9));
    expect(rows.map((r) => r[0])).toEqual([1]);
  });
});
