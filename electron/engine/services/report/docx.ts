/**
 * The report as DOCX (the `docx` package): title page, Word heading styles (the navigation pane works),
 * a TOC field Word fills on open, paragraphs, tables with repeating header rows, figures as PNG (or SVG
 * with a PNG fallback when there is no Chromium to rasterise), captions 图N/表N, page numbers in the footer.
 */
import {
  AlignmentType, BorderStyle, Document, Footer, HeadingLevel, ImageRun, Packer, PageBreak, PageNumber, Paragraph, ShadingType,
  Table, TableCell, TableOfContents, TableRow, TextRun, WidthType,
} from 'docx';
import type { Block, ReportDocument } from '../../../../shared/domain/report/document';
import { fmtDay, reportStrings } from '../../../../shared/domain/report/strings';

const FONT = { ascii: 'Noto Sans SC', eastAsia: 'Noto Sans SC', hAnsi: 'Noto Sans SC' };
/** Content width of A4 with 2 cm margins, in pixels at 96 dpi (docx image sizes are in pixels). */
const MAX_W = 600;

export interface FigureImage { png: Uint8Array | null; svg: string | null }

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
const cellText = (v: string | number | null): string =>
  v === null ? '—' : typeof v === 'number' ? (Number.isInteger(v) ? v.toLocaleString('en-US') : String(Math.round(v * 1000) / 1000)) : v;

/** A 1×1 white PNG: the required fallback when an SVG is embedded without a rasteriser. */
const WHITE_PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==', 'base64'));

function caption(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 60, after: 160 }, children: [new TextRun({ text, bold: true, size: 19, font: FONT })] });
}

function table(b: Extract<Block, { type: 'table' }>, label: string): (Paragraph | Table)[] {
  const border = { style: BorderStyle.SINGLE, size: 4, color: 'B8C6D6' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const align = b.align ?? [];
  const header = new TableRow({
    tableHeader: true,
    children: b.columns.map((c) => new TableCell({ borders, shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8EEF5' },
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: c, bold: true, size: 17, font: FONT })] })] })),
  });
  const rows = b.rows.map((r) => new TableRow({
    cantSplit: true,
    children: r.map((v, i) => new TableCell({ borders,
      children: [new Paragraph({ alignment: align[i] === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text: cellText(v), size: 17, font: FONT })] })] })),
  }));
  return [caption(`${label}${b.number ?? ''}  ${b.caption}`), new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] }), new Paragraph({ children: [] })];
}

function figure(b: Extract<Block, { type: 'figure' }>, img: FigureImage | undefined, label: string): Paragraph[] {
  const scale = Math.min(1, MAX_W / b.width);
  const transformation = { width: Math.round(b.width * scale), height: Math.round(b.height * scale) };
  let run: ImageRun | null = null;
  if (img?.png) run = new ImageRun({ type: 'png', data: img.png, transformation });
  else if (img?.svg) run = new ImageRun({ type: 'svg', data: Buffer.from(img.svg, 'utf8'), transformation, fallback: { type: 'png', data: WHITE_PNG } });
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: run ? [run] : [] }),
    caption(`${label}${b.number ?? ''}  ${b.caption}`),
  ];
}

function blockParts(b: Block, images: Map<Block, FigureImage>, t: ReturnType<typeof reportStrings>): (Paragraph | Table | TableOfContents)[] {
  switch (b.type) {
    case 'heading': return [new Paragraph({ heading: HEADINGS[b.level], children: [new TextRun({ text: `${b.number ? `${b.number}  ` : ''}${b.text}`, font: FONT })] })];
    case 'paragraph': return [new Paragraph({ spacing: { after: 120, line: 360 }, indent: b.style === 'note' ? undefined : { firstLine: 420 },
      children: [new TextRun({ text: b.text, font: FONT, size: b.style === 'note' ? 17 : 21, color: b.style === 'note' ? '555555' : undefined })] })];
    case 'key-figures': return table({ type: 'table', caption: '', columns: b.items.map((k) => k.label), rows: [b.items.map((k) => k.value), b.items.map((k) => k.change ?? '')] }, '').slice(1);
    case 'figure': return figure(b, images.get(b), t.figure);
    case 'table': return table(b, t.table);
    case 'list': return b.items.map((it) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: it, font: FONT, size: 20 })] }));
    case 'toc': return [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: t.toc, bold: true, size: 32, font: FONT })] }),
      new TableOfContents(t.toc, { hyperlink: true, headingStyleRange: '1-2' }), new Paragraph({ children: [new PageBreak()] })];
    case 'pagebreak': return [new Paragraph({ children: [new PageBreak()] })];
  }
}

export async function renderDocx(doc: ReportDocument, images: Map<Block, FigureImage>): Promise<Uint8Array> {
  const t = reportStrings(doc.locale);
  const big = (text: string, size: number, bold = false, color?: string) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text, size, bold, font: FONT, color })] });
  const cover: Paragraph[] = [
    ...Array.from({ length: 8 }, () => new Paragraph({ children: [] })),
    big(doc.title, 52, true, '0D3B66'),
    ...(doc.subtitle ? [big(doc.subtitle, 28)] : []),
    ...Array.from({ length: 6 }, () => new Paragraph({ children: [] })),
    big(`${t.period}：${doc.period}`, 22),
    ...(doc.organisation ? [big(`${t.organisation}：${doc.organisation}`, 22)] : []),
    ...(doc.author ? [big(`${t.author}：${doc.author}`, 22)] : []),
    big(`${t.generated}：${fmtDay(doc.generatedAt)}`, 22),
    ...(doc.synthetic ? [big(t.synthetic, 20, false, 'C23B3B')] : []),
    new Paragraph({ children: [new PageBreak()] }),
  ];
  const body = doc.blocks.flatMap((b) => blockParts(b, images, t));
  const footerText = t.zh ? ['第 ', ' 页 / 共 ', ' 页'] : ['Page ', ' of ', ''];
  const document = new Document({
    creator: 'Minsheng 民声', title: doc.title, description: doc.subtitle ?? undefined,
    features: { updateFields: true },
    styles: {
      default: { document: { run: { font: FONT, size: 21 } } },
      paragraphStyles: [
        { id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 30, bold: true, color: '0D3B66', font: FONT }, paragraph: { spacing: { before: 360, after: 160 }, keepNext: true } },
        { id: 'Heading2', name: 'Heading 2', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 25, bold: true, color: '0D3B66', font: FONT }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
        { id: 'Heading3', name: 'Heading 3', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 22, bold: true, font: FONT }, paragraph: { spacing: { before: 200, after: 100 }, keepNext: true } },
      ],
    },
    sections: [{
      properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
      footers: {
        default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [
          new TextRun({ children: [footerText[0], PageNumber.CURRENT, footerText[1], PageNumber.TOTAL_PAGES, footerText[2]], size: 17, font: FONT }),
        ] })] }),
      },
      children: [...cover, ...body],
    }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
