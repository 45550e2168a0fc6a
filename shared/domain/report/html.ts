/**
 * The report as one standalone HTML file: inline CSS (A4 print rules, captions, TOC), the CJK font
 * embedded by the caller as @font-face CSS, charts and maps as inline SVG, images as data URLs.
 * `print: true` adds the pagination script that numbers the TOC for PDF output.
 */
import type { Block, ReportDocument } from './document';
import { CONTENT_WIDTH_MM, PAGE, paginateScript } from './paginate';
import { escapeXml as esc, fmtDay, reportStrings } from './strings';
import { CHART_FONT } from './theme';

export interface HtmlOptions { fontCss: string; print: boolean }

const CSS = `
@page { size: A4; margin: ${PAGE.marginTopMm}mm ${PAGE.marginSideMm}mm ${PAGE.marginBottomMm}mm ${PAGE.marginSideMm}mm; }
* { box-sizing: border-box; }
html { background: #e9ebee; }
body { margin: 0; font-family: ${CHART_FONT}; color: #1a1a1a; font-size: 10.5pt; line-height: 1.65; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
main { width: ${CONTENT_WIDTH_MM}mm; margin: 0 auto; background: #fff; }
@media screen { main { padding: 12mm ${PAGE.marginSideMm}mm; width: ${CONTENT_WIDTH_MM + 2 * PAGE.marginSideMm}mm; box-shadow: 0 1px 6px rgba(0,0,0,.15); } }
@media print { html { background: #fff; } main { padding: 0 !important; box-shadow: none !important; width: ${CONTENT_WIDTH_MM}mm !important; } }
main > * { margin: 0; break-inside: avoid; }
.cover { height: 240mm; display: flex; flex-direction: column; justify-content: center; text-align: center; }
.cover .title { font-size: 26pt; font-weight: 700; line-height: 1.3; color: #0d3b66; }
.cover .subtitle { font-size: 14pt; color: #444; padding-top: 6mm; }
.cover .meta { padding-top: 30mm; font-size: 11pt; color: #333; line-height: 2; }
.cover .synthetic { display: inline-block; margin-top: 8mm; padding: 1mm 4mm; border: 1px solid #c23b3b; color: #c23b3b; font-size: 10pt; }
h1, h2, h3 { font-weight: 700; color: #0d3b66; line-height: 1.35; }
h1 { font-size: 15pt; padding: 6mm 0 2.5mm; border-bottom: 1px solid #c9d6e3; }
h2 { font-size: 12.5pt; padding: 4mm 0 1.5mm; }
h3 { font-size: 11pt; padding: 3mm 0 1mm; }
.toc-title { font-size: 16pt; text-align: center; padding: 0 0 6mm; color: #0d3b66; font-weight: 700; }
.toc-e { display: flex; align-items: baseline; padding: 1mm 0; }
.toc-e.l2 { padding-left: 7mm; font-size: 10pt; }
.toc-e a { color: inherit; text-decoration: none; }
.toc-e .n { width: 11mm; flex: none; }
.toc-e .dots { flex: 1; border-bottom: 1px dotted #999; margin: 0 2mm; transform: translateY(-1mm); }
.toc-e .p { width: 10mm; flex: none; text-align: right; font-variant-numeric: tabular-nums; }
p.para { padding: 1.5mm 0; text-indent: 2em; text-align: justify; }
p.note { padding: 1.5mm 0; color: #555; font-size: 9pt; word-break: break-all; }
.li { padding: 1mm 0 1mm 5mm; text-indent: -3mm; font-size: 10pt; }
.kf { display: grid; grid-template-columns: repeat(5, 1fr); gap: 2.5mm; padding: 3mm 0; }
.kf > div { border: 1px solid #d9e2ec; border-radius: 2mm; padding: 2mm 2.5mm; background: #f6f9fc; }
.kf .l { font-size: 8.5pt; color: #555; } .kf .v { font-size: 14pt; font-weight: 700; color: #0d3b66; line-height: 1.3; }
.kf .c { font-size: 8.5pt; color: #777; }
figure { padding: 3mm 0 2mm; text-align: center; }
figure .img svg, figure .img img { max-width: 100%; height: auto; }
figcaption, .cap { font-size: 9.5pt; color: #333; text-align: center; padding: 1.5mm 0; font-weight: 600; }
.tbl { padding: 2mm 0 3mm; }
.tbl.cont { padding-top: 0; }
table { width: 100%; border-collapse: collapse; font-size: 8.5pt; line-height: 1.4; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th { background: #e8eef5; font-weight: 600; border: 1px solid #b8c6d6; padding: 1.2mm 1.5mm; text-align: center; }
td { border: 1px solid #ccd6e0; padding: 1mm 1.5mm; overflow-wrap: anywhere; }
td.n { white-space: nowrap; }
th.n { white-space: nowrap; }
td.r { text-align: right; font-variant-numeric: tabular-nums; }
.pb { height: 0; break-after: page; }
`;

/** Short cells never wrap (numbers, statuses, dates); long ones wrap anywhere. */
function cell(v: string | number | null, right: boolean): string {
  const text = v === null ? '—' : typeof v === 'number' ? (Number.isInteger(v) ? v.toLocaleString('en-US') : String(Math.round(v * 1000) / 1000)) : v;
  const cls = [right ? 'r' : '', [...text].length <= 10 ? 'n' : ''].filter(Boolean).join(' ');
  return `<td${cls ? ` class="${cls}"` : ''}>${esc(text)}</td>`;
}

function blockHtml(b: Block, t: ReturnType<typeof reportStrings>, toc: string): string {
  switch (b.type) {
    case 'heading': return `<h${b.level} id="${b.anchor ?? ''}">${b.number ? `${esc(b.number)}&#8194;` : ''}${esc(b.text)}</h${b.level}>`;
    case 'paragraph': return b.style === 'note' ? `<p class="note">${esc(b.text)}</p>` : `<p class="para">${esc(b.text)}</p>`;
    case 'key-figures': return `<div class="kf">${b.items.map((k) => `<div><div class="l">${esc(k.label)}</div><div class="v">${esc(k.value)}</div><div class="c">${esc(k.change ?? '\u00a0')}</div></div>`).join('')}</div>`;
    case 'figure': {
      const img = b.svg ? b.svg.replace(/^<\?xml[^>]*>/, '') : b.png ? `<img src="${b.png}" alt="${esc(b.caption)}" width="${b.width}">` : '';
      return `<figure><div class="img">${img}</div><figcaption>${t.figure}${b.number ?? ''}&#8194;${esc(b.caption)}</figcaption></figure>`;
    }
    case 'table': {
      const align = b.align ?? b.columns.map((_c, i) => (b.rows.some((r) => typeof r[i] === 'number') ? 'right' : 'left'));
      return `<div class="tbl"><div class="cap">${t.table}${b.number ?? ''}&#8194;${esc(b.caption)}</div><table><thead><tr>${b.columns.map((c) => `<th${[...c].length <= 6 ? ' class="n"' : ''}>${esc(c)}</th>`).join('')}</tr></thead>` +
        `<tbody>${b.rows.map((r) => `<tr>${r.map((v, i) => cell(v, align[i] === 'right')).join('')}</tr>`).join('')}</tbody></table></div>`;
    }
    case 'list': return b.items.map((it, i) => `<div class="li">${b.ordered ? `${i + 1}. ` : '• '}${esc(it)}</div>`).join('');
    case 'toc': return toc;
    case 'pagebreak': return '<div class="pb"></div>';
  }
}

function tocHtml(doc: ReportDocument, title: string): string {
  const entries = doc.blocks.filter((b) => b.type === 'heading' && b.level <= 2).map((b) => {
    const h = b as Extract<Block, { type: 'heading' }>;
    return `<div class="toc-e l${h.level}"><span class="n">${esc(h.number ?? '')}</span><a href="#${h.anchor}">${esc(h.text)}</a><span class="dots"></span><span class="p" data-page-of="${h.anchor}"></span></div>`;
  });
  return `<div class="toc-title">${esc(title)}</div>${entries.join('')}<div class="pb"></div>`;
}

export function renderReportHtml(doc: ReportDocument, o: HtmlOptions): string {
  const t = reportStrings(doc.locale);
  const meta = [
    `${t.period}：${doc.period}`,
    doc.organisation ? `${t.organisation}：${doc.organisation}` : '',
    doc.author ? `${t.author}：${doc.author}` : '',
    `${t.generated}：${fmtDay(doc.generatedAt)}`,
  ].filter(Boolean).map((m) => `<div>${esc(m)}</div>`).join('');
  const cover = `<section class="cover"><div class="title">${esc(doc.title)}</div>${doc.subtitle ? `<div class="subtitle">${esc(doc.subtitle)}</div>` : ''}` +
    `<div class="meta">${meta}</div>${doc.synthetic ? `<div><span class="synthetic">${esc(t.synthetic)}</span></div>` : ''}</section><div class="pb"></div>`;
  const toc = tocHtml(doc, t.toc);
  const body = doc.blocks.map((b) => blockHtml(b, t, toc)).join('\n');
  return `<!DOCTYPE html>\n<html lang="${doc.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
    `<title>${esc(doc.title)}</title><style>${o.fontCss}${CSS}</style></head><body><main>${cover}\n${body}</main>` +
    `${o.print ? `<script>${paginateScript()}</script>` : ''}</body></html>`;
}
