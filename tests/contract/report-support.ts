/** Helpers of the report contract tests: poppler tools (required, with the install command), DOCX parts, HTML tables. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import JSZip from 'jszip';

const INSTALL = 'sudo apt-get install -y --no-install-recommends poppler-utils';

/** Runs a poppler tool; a missing tool fails the test with the install command (never skips). */
export function poppler(tool: 'pdfinfo' | 'pdffonts' | 'pdftotext', args: string[]): string {
  const r = spawnSync(tool, args, { encoding: 'utf8' });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${tool} is missing (poppler-utils). Install it: ${INSTALL}`);
  if (r.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

export const pageText = (pdf: string, page: number): string => poppler('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-']);

/** TOC entries "1  总体情况 …… 3" read back from the TOC page of the PDF. */
export function tocEntries(text: string): { number: string; title: string; page: number }[] {
  const out: { number: string; title: string; page: number }[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*(\d+(?:\.\d+)?)\s{2,}(.+?)\s{2,}(\d+)\s*$/.exec(line);
    if (m) out.push({ number: m[1], title: m[2].trim(), page: Number(m[3]) });
  }
  return out;
}

export async function docxParts(file: string): Promise<{ xml: string; media: string[]; footer: string }> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  const footers = Object.keys(zip.files).filter((f) => /^word\/footer\d*\.xml$/.test(f));
  const footer = (await Promise.all(footers.map((f) => zip.file(f)!.async('string')))).join('\n');
  return { xml, media: Object.keys(zip.files).filter((f) => f.startsWith('word/media/')), footer };
}

/** Row counts (body rows) of every table in the report HTML, in order. */
export function htmlTables(html: string): { caption: string; rows: number }[] {
  return [...html.matchAll(/<div class="tbl"><div class="cap">(.*?)<\/div><table>.*?<tbody>(.*?)<\/tbody><\/table><\/div>/gs)]
    .map((m) => ({ caption: m[1], rows: (m[2].match(/<tr>/g) ?? []).length }));
}
