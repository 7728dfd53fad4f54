import { formatId } from '@siklus/domain';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LeaderType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { ChartRun } from 'docx/charts';
import { estimatePageNumbersWith } from 'docx/layout';
import { logoBytes } from '../district/letterhead';
import {
  type ChapterLetterhead,
  type ChapterRecap,
  type ChapterResults,
  type ChapterSigner,
  type ChapterSignOff,
  followUpCells,
  GAIN_NOTES,
  gainHeaders,
  gainValues,
  type ResultsChapter,
} from './chapter';

/**
 * The results chapter as a Word document. The chart is a native Word chart (docx's
 * ChartRun: bars per teacher and cycle, a line for the mean), not a picture: Word draws it,
 * it stays sharp in print, and "Edit Data" opens its numbers in Excel, so a principal can
 * restyle it to the school's template. A rendered image would need a native canvas or a
 * headless browser on the server (decision 009).
 */

const FONT = 'Times New Roman';
const dec = (v: string | null) => (v === null ? '-' : formatId(v));

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };

function cell(
  text: string,
  opts: { bold?: boolean; align?: 'left' | 'center' | 'right'; span?: number } = {},
) {
  return new TableCell({
    borders,
    columnSpan: opts.span,
    children: [
      new Paragraph({
        alignment:
          opts.align === 'right'
            ? AlignmentType.RIGHT
            : opts.align === 'center'
              ? AlignmentType.CENTER
              : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: opts.bold, font: FONT, size: 22 })],
      }),
    ],
  });
}

function table(
  header: string[],
  rows: { cells: string[]; bold?: boolean; spanFirst?: number }[],
  numericFrom: number,
) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: header.map((h) => cell(h, { bold: true, align: 'center' })),
      }),
      ...rows.map(
        (r) =>
          new TableRow({
            children: r.cells.map((c, i) => {
              const span = i === 0 ? r.spanFirst : undefined;
              const col = i === 0 ? 0 : i + (r.spanFirst ? r.spanFirst - 1 : 0);
              return cell(c, {
                bold: r.bold,
                span,
                align: col === 0 ? 'center' : col >= numericFrom ? 'center' : 'left',
              });
            }),
          }),
      ),
    ],
  });
}

const caption = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text, bold: true, font: FONT, size: 24 })],
  });

const para = (text: string, opts: { bold?: boolean; italics?: boolean } = {}) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { after: 120, line: 360 },
    children: [new TextRun({ text, font: FONT, size: 24, ...opts })],
  });

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
  new Paragraph({
    heading: level,
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text, font: FONT, bold: true, size: 24, color: '000000' })],
  });

const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = { top: none, bottom: none, left: none, right: none };

const line = (
  text: string,
  opts: { bold?: boolean; size?: number; align?: 'left' | 'center'; after?: number } = {},
) =>
  new Paragraph({
    alignment: opts.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
    spacing: { after: opts.after ?? 0 },
    children: [new TextRun({ text, font: FONT, bold: opts.bold, size: opts.size ?? 24 })],
  });

/** The logo's box: at most 2.2 cm on its long side (a letterhead's usual size), in pixels at 96 dpi. */
const LOGO_PX = 83;

/**
 * The kop surat: the logo on the left, the office's name (the last line largest, as the
 * office itself), its address and contacts centred beside it, a double rule under all.
 */
function letterheadBlock(l: ChapterLetterhead): (Paragraph | Table)[] {
  const text = [
    ...l.lines.map((t, i) => line(t, { bold: true, size: i === l.lines.length - 1 ? 30 : 28 })),
    line(l.address, { size: 22 }),
    ...(l.contact ? [line(l.contact, { size: 20 })] : []),
  ];
  const rule = new Paragraph({
    spacing: { after: 240 },
    border: {
      bottom: { style: BorderStyle.THICK_THIN_SMALL_GAP, size: 18, color: '000000', space: 1 },
    },
    children: [],
  });
  if (!l.logo) return [...text, rule];
  const scale = LOGO_PX / Math.max(l.logo.width, l.logo.height);
  const logo = new ImageRun({
    type: 'png',
    data: logoBytes(l.logo),
    transformation: {
      width: Math.round(l.logo.width * scale),
      height: Math.round(l.logo.height * scale),
    },
    altText: { name: 'Logo', description: l.lines.join(' '), title: 'Logo' },
  });
  return [
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: { ...noBorders, insideHorizontal: none, insideVertical: none },
      rows: [
        new TableRow({
          children: [
            new TableCell({
              borders: noBorders,
              width: { size: 15, type: WidthType.PERCENTAGE },
              verticalAlign: VerticalAlign.CENTER,
              children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [logo] })],
            }),
            new TableCell({
              borders: noBorders,
              width: { size: 85, type: WidthType.PERCENTAGE },
              verticalAlign: VerticalAlign.CENTER,
              children: text,
            }),
          ],
        }),
      ],
    }),
    rule,
  ];
}

/** One signer's column: the role, room to sign, the name (bold, underlined), the NIP. */
function signerCell(top: string[], s: ChapterSigner): TableCell {
  return new TableCell({
    borders: noBorders,
    width: { size: 50, type: WidthType.PERCENTAGE },
    children: [
      ...top.map((t) => line(t)),
      line(s.role, { after: 1200 }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            text: s.name ?? '(.................................)',
            font: FONT,
            size: 24,
            bold: s.name !== null,
            underline: s.name ? {} : undefined,
          }),
        ],
      }),
      line(`NIP. ${s.nip ?? '..................................'}`),
    ],
  });
}

/** "Mengetahui, Pengawas Sekolah" on the left; "Bogor, 3 Januari 2024, Kepala Sekolah" on the right. */
function signOffBlock(s: ChapterSignOff): (Paragraph | Table)[] {
  return [
    new Paragraph({ spacing: { before: 480 }, keepNext: true, children: [] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: { ...noBorders, insideHorizontal: none, insideVertical: none },
      rows: [
        new TableRow({
          cantSplit: true,
          children: [
            signerCell(['', 'Mengetahui,'], s.supervisor),
            signerCell([s.placeAndDate, ''], s.principal),
          ],
        }),
      ],
    }),
  ];
}

/**
 * One instrument's results: a heading, a sentence and a table per cycle (with its stage
 * notes), the recap, the chart and the gains; `level` is the headings' (under an
 * instrument's heading in a several-instrument study).
 */
function resultsBlock(
  results: ChapterResults,
  stages: ResultsChapter['stages'],
  level: (typeof HeadingLevel)[keyof typeof HeadingLevel],
): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  results.tables.forEach((t, i) => {
    out.push(heading(`${i + 1}. ${t.label}`, level));
    out.push(
      para(
        `Hasil observasi pada ${t.label} terhadap ${t.n} guru disajikan pada Tabel ${t.number}. ` +
          `Rata-rata ${dec(t.mean)} dengan kategori ${t.meanBand ?? '-'}; ` +
          t.bands.map((b) => `${b.count} guru ${b.label}`).join(', ') +
          '.',
      ),
    );
    out.push(caption(t.caption));
    out.push(
      table(
        ['No', 'Nama Guru', 'Persentase', 'Kategori'],
        [
          ...t.rows.map((r) => ({ cells: [String(r.no), r.name, dec(r.percentage), r.band] })),
          { cells: ['Rata-rata', dec(t.mean), t.meanBand ?? '-'], bold: true, spanFirst: 2 },
        ],
        2,
      ),
    );
    const stage = stages.find((s) => s.label === t.label);
    const notes = stage?.stages.filter((s) => s.notes);
    if (notes && notes.length > 0) {
      out.push(para(`Catatan tahapan ${t.label}:`, { bold: true }));
      for (const s of notes) {
        out.push(para(`${s.title}${s.date ? ` (${s.date})` : ''}: ${s.notes}`));
      }
    }
  });

  if (results.recap) {
    const r = results.recap;
    out.push(heading(`${results.tables.length + 1}. Rekapitulasi Antarsiklus`, level));
    out.push(caption(r.caption));
    const gainCols = r.gainLabel ? gainHeaders(r.gainOrder) : [];
    const gainTexts = (g: ChapterRecap['meanGain']) =>
      r.gainLabel
        ? gainValues(g, r.gainOrder).map((v, i, all) =>
            i === all.length - 1 ? (v ?? '-') : dec(v),
          )
        : [];
    out.push(
      table(
        ['No', 'Nama Guru', ...r.cycleLabels, ...gainCols],
        [
          ...r.rows.map((row) => ({
            cells: [
              String(row.no),
              row.name,
              ...row.cells.map((c) => (c ? `${dec(c.percentage)} (${c.band})` : '-')),
              ...gainTexts(row.gain),
            ],
          })),
          {
            cells: [
              'Rata-rata',
              ...r.means.map((m, i) => `${dec(m)} (${r.meanBands[i] ?? '-'})`),
              ...gainTexts(r.meanGain),
            ],
            bold: true,
            spanFirst: 2,
          },
        ],
        2,
      ),
    );
  }

  if (results.chart) {
    const c = results.chart;
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 240 },
        children: [
          new ChartRun({
            type: 'column',
            categories: c.categories,
            series: [
              ...c.teachers.map((t) => ({
                name: t.name,
                values: t.values.map((v) => (v === null ? null : Number(v))),
              })),
              {
                name: 'Rata-rata',
                type: 'line' as const,
                color: 'C00000',
                markers: true,
                values: c.means.map((v) => (v === null ? null : Number(v))),
                dataLabels: { value: true, position: 'above' as const, numberFormat: '0.00' },
              },
            ],
            valueAxis: { minimum: 0, maximum: 100, interval: 10, numberFormat: '0' },
            legend: { position: 'bottom' },
            transformation: { width: 600, height: 360 },
            altText: { name: 'Grafik', description: c.caption },
          }),
        ],
      }),
    );
    out.push(caption(c.caption));
  }

  if (results.gains) {
    const g = results.gains;
    out.push(caption(g.caption));
    out.push(
      table(
        ['Dari', 'Ke', 'Rata-rata Awal', 'Rata-rata Akhir', ...gainHeaders(g.gainOrder)],
        g.rows.map((row) => ({
          cells: [
            row.from,
            row.to,
            dec(row.preMean),
            dec(row.postMean),
            ...gainValues(row, g.gainOrder).map((v, i, all) =>
              i === all.length - 1 ? (v ?? '-') : dec(v),
            ),
          ],
        })),
        2,
      ),
    );
    for (const note of GAIN_NOTES) out.push(para(note));
  }
  return out;
}

/** "Halaman 3 dari 12", centred at the foot of every page (Word counts the pages). */
const pageFooter = () =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            font: FONT,
            size: 20,
            children: ['Halaman ', PageNumber.CURRENT, ' dari ', PageNumber.TOTAL_PAGES],
          }),
        ],
      }),
    ],
  });

export async function chapterToDocx(chapter: ResultsChapter): Promise<Uint8Array> {
  const body: (Paragraph | Table | TableOfContents)[] = [
    ...(chapter.letterhead ? letterheadBlock(chapter.letterhead) : []),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: chapter.title, font: FONT, bold: true, size: 28 })],
    }),
    new Paragraph({
      spacing: { after: 120 },
      children: [new TextRun({ text: 'Daftar Isi', font: FONT, bold: true, size: 24 })],
    }),
    // Filled in from the headings below with their page numbers (estimated here, so a viewer
    // that never updates fields shows them); Word updates it on opening (updateFields).
    new TableOfContents('Daftar Isi', {
      hyperlink: true,
      headingStyleRange: '1-2',
      tabLeader: LeaderType.DOT,
    }),
    new Paragraph({ spacing: { after: 240 }, children: [] }),
    heading('A. Hasil Penelitian', HeadingLevel.HEADING_1),
    para(chapter.intro),
  ];

  if (chapter.instruments) {
    for (const section of chapter.instruments) {
      body.push(heading(section.heading, HeadingLevel.HEADING_2));
      body.push(...resultsBlock(section, chapter.stages, HeadingLevel.HEADING_3));
    }
  } else {
    body.push(...resultsBlock(chapter, chapter.stages, HeadingLevel.HEADING_2));
  }

  if (chapter.followUps) {
    const f = chapter.followUps;
    body.push(heading('Rencana Tindak Lanjut', HeadingLevel.HEADING_2));
    body.push(caption(f.caption));
    body.push(
      table(
        [...f.headers],
        f.rows.map((r) => ({ cells: followUpCells(r).map(String) })),
        // Text columns: only the number is centred.
        Number.POSITIVE_INFINITY,
      ),
    );
  }

  body.push(heading('B. Pembahasan', HeadingLevel.HEADING_1));
  body.push(para(`Kriteria keberhasilan penelitian: ${chapter.criteria.description}.`));
  for (const c of chapter.criteria.cycles) {
    body.push(para(`${c.label}: ${c.message}.`));
  }
  if (chapter.conclusion) body.push(para(chapter.conclusion));

  // Signed under the chapter; the evidence list is an appendix after the signatures.
  if (chapter.signOff) body.push(...signOffBlock(chapter.signOff));

  if (chapter.evidence) {
    body.push(heading(chapter.evidence.caption, HeadingLevel.HEADING_1));
    for (const c of chapter.evidence.cycles) {
      body.push(para(c.label, { bold: true }));
      for (const item of c.items) {
        body.push(para(`${item.place}: ${item.fileName} (${item.kind})`));
      }
    }
  }

  const doc = new Document({
    creator: 'Siklus',
    title: `${chapter.title} - ${chapter.study.title}`,
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    features: { updateFields: true },
    // The chart is laid out as its box: a guess is better than a blank table of contents.
    pageNumbers: estimatePageNumbersWith({ guess: true }),
    sections: [{ footers: { default: pageFooter() }, children: body }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
