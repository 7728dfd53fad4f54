import { listIndicators, type TRubricDefinition } from '@siklus/domain';
import {
  type ChapterCycleTable,
  type ChapterEvidence,
  type ChapterFollowUps,
  type ChapterGains,
  type ChapterRecap,
  followUpCells,
  GAIN_NOTES,
  gainHeaders,
  gainValues,
} from './chapter';
import type { SheetCell, SheetColumn, SheetTable } from './spreadsheet';

/**
 * The spreadsheets Siklus writes, as tables: a cycle's table (the paper's Tables 1-3), the
 * study's recap, the district comparison, and the empty observation sheet to fill in. Figures
 * are the domain's decimal strings; spreadsheet.ts makes them numeric cells.
 */

const TEXT = (header: string, width?: number): SheetColumn => ({ header, kind: 'text', width });
const DEC = (header: string, width?: number): SheetColumn => ({ header, kind: 'decimal', width });
const INT = (header: string, width?: number): SheetColumn => ({ header, kind: 'integer', width });

export function cycleTableSheet(
  t: ChapterCycleTable,
  context: { schoolName: string; studyTitle: string },
): SheetTable {
  return {
    name: t.label,
    title: [t.caption, `${context.schoolName} - ${context.studyTitle}`],
    columns: [INT('No', 6), TEXT('Nama Guru', 36), DEC('Persentase', 13), TEXT('Kategori', 14)],
    rows: t.rows.map((r) => [r.no, r.name, r.percentage, r.band]),
    footer: [['Rata-rata', null, t.mean, t.meanBand]],
    notes: [
      `Jumlah guru: ${t.n}. ${t.bands.map((b) => `${b.label}: ${b.count}`).join(', ')}`,
      'Persentase dan kategori dihitung oleh Siklus dari skor observasi.',
    ],
  };
}

export function recapSheet(
  r: ChapterRecap,
  context: { schoolName: string; studyTitle: string },
): SheetTable {
  const gainCols = r.gainLabel
    ? gainHeaders(r.gainOrder).map((h, i, all) =>
        i === all.length - 1 ? TEXT(h, 14) : DEC(`${h} ${r.gainLabel}`, 16),
      )
    : [];
  const gainCells = (g: ChapterRecap['meanGain']): SheetCell[] =>
    r.gainLabel ? gainValues(g, r.gainOrder) : [];
  return {
    name: 'Rekap',
    title: [r.caption, `${context.schoolName} - ${context.studyTitle}`],
    columns: [
      INT('No', 6),
      TEXT('Nama Guru', 36),
      ...r.cycleLabels.flatMap((l) => [DEC(l, 13), TEXT(`Kategori ${l}`, 14)]),
      ...gainCols,
    ],
    rows: r.rows.map((row) => [
      row.no,
      row.name,
      ...row.cells.flatMap((c) => [c?.percentage ?? null, c?.band ?? null]),
      ...gainCells(row.gain),
    ]),
    footer: [
      [
        'Rata-rata',
        null,
        ...r.means.flatMap((m, i) => [m, r.meanBands[i] ?? null]),
        ...gainCells(r.meanGain),
      ],
    ],
    ...(r.gainLabel ? { notes: GAIN_NOTES } : {}),
  };
}

export function gainsSheet(g: ChapterGains): SheetTable {
  return {
    name: 'Peningkatan',
    title: [g.caption],
    columns: [
      TEXT('Dari', 14),
      TEXT('Ke', 14),
      DEC('Rata-rata Awal', 14),
      DEC('Rata-rata Akhir', 14),
      ...gainHeaders(g.gainOrder).map((h, i, all) =>
        i === all.length - 1 ? TEXT(h, 14) : DEC(h, 16),
      ),
    ],
    rows: g.rows.map((r) => [r.from, r.to, r.preMean, r.postMean, ...gainValues(r, g.gainOrder)]),
    notes: GAIN_NOTES,
  };
}

/** The width of each of the follow-up table's columns, in the order of its headers. */
const FOLLOW_UP_WIDTHS = [6, 30, 14, 40, 40, 24, 18, 12, 30];

/** The follow-up plans (RTL) per teacher and cycle. */
export function followUpsSheet(
  f: ChapterFollowUps,
  context: { schoolName: string; studyTitle: string },
): SheetTable {
  return {
    name: 'RTL',
    title: [f.caption, `${context.schoolName} - ${context.studyTitle}`],
    columns: f.headers.map((h, i) =>
      i === 0 ? INT(h, FOLLOW_UP_WIDTHS[i]) : TEXT(h, FOLLOW_UP_WIDTHS[i]),
    ),
    rows: f.rows.map((r) => [...followUpCells(r)]),
    notes: ['Hasil: persentase indikator RTL dihitung oleh Siklus dari skor observasi mentah.'],
  };
}

/** The evidence files (names, not contents) per cycle and place: the chapter's appendix. */
export function evidenceSheet(
  e: ChapterEvidence,
  context: { schoolName: string; studyTitle: string },
): SheetTable {
  const rows = e.cycles.flatMap((c) => c.items.map((item) => ({ cycle: c.label, ...item })));
  return {
    name: 'Lampiran',
    title: [e.caption, `${context.schoolName} - ${context.studyTitle}`],
    columns: [
      INT('No', 6),
      TEXT('Siklus', 14),
      TEXT('Tempat', 30),
      TEXT('Nama Berkas', 40),
      TEXT('Jenis', 16),
    ],
    rows: rows.map((r, i) => [i + 1, r.cycle, r.place, r.fileName, r.kind]),
    notes: ['Berkas bukti diunduh dari Siklus; lembar ini hanya mencantumkan namanya.'],
  };
}

const STATUS_ID: Record<string, string> = {
  draft: 'Draf',
  submitted: 'Diajukan',
  returned: 'Dikembalikan',
  approved: 'Disetujui',
};

export interface ComparisonRowLike {
  schoolName: string;
  npsn: string;
  subdistrict: string;
  studyTitle: string | null;
  schoolYear: string | null;
  cycleCount: number;
  teacherCount: number;
  baselineMean: string | null;
  latestLabel: { id: string } | null;
  latestStatus: string | null;
  latestN: number | null;
  latestMean: string | null;
  latestMeanBand: string | null;
  gainPoints: string | null;
  normalizedGain: string | null;
  criteriaMet: boolean | null;
}

export function comparisonSheet(rows: ComparisonRowLike[], districtName: string): SheetTable {
  return {
    name: 'Perbandingan Sekolah',
    title: [`Perbandingan hasil PTS sekolah - ${districtName}`],
    columns: [
      INT('No', 6),
      TEXT('Sekolah', 32),
      TEXT('NPSN', 11),
      TEXT('Kecamatan', 18),
      TEXT('Judul Penelitian', 40),
      TEXT('Tahun Ajaran', 12),
      INT('Jumlah Siklus', 10),
      INT('Jumlah Guru', 10),
      DEC('Rata-rata Kondisi Awal', 14),
      TEXT('Siklus Terakhir', 14),
      INT('Guru Diobservasi', 11),
      DEC('Rata-rata Terakhir', 14),
      TEXT('Kategori', 13),
      DEC('Peningkatan (poin)', 14),
      DEC('N-Gain', 10),
      TEXT('Status', 13),
      TEXT('Kriteria Keberhasilan', 14),
    ],
    rows: rows.map((r, i) => [
      i + 1,
      r.schoolName,
      r.npsn,
      r.subdistrict,
      r.studyTitle,
      r.schoolYear,
      r.studyTitle === null ? null : r.cycleCount,
      r.teacherCount,
      r.baselineMean,
      r.latestLabel?.id ?? null,
      r.latestN,
      r.latestMean,
      r.latestMeanBand,
      r.gainPoints,
      r.normalizedGain,
      r.latestStatus ? (STATUS_ID[r.latestStatus] ?? r.latestStatus) : 'Belum ada penelitian',
      r.criteriaMet === null ? null : r.criteriaMet ? 'Tercapai' : 'Belum tercapai',
    ]),
  };
}

/**
 * The observation sheet to fill in: the roster prefilled, one column per indicator (its key
 * first, so the import finds it whatever the text after it), or one "Persentase" column.
 */
export function templateSheet(
  definition: TRubricDefinition,
  roster: { name: string; nip: string | null }[],
  context: { cycleLabel: string; studyTitle: string; schoolName: string },
): SheetTable {
  const indicators = listIndicators(definition);
  const valueCols: SheetColumn[] =
    definition.mode === 'summary'
      ? [DEC('Persentase', 13)]
      : indicators.map((i) => INT(`${i.key} - ${i.text} (${i.scale.min}-${i.scale.max})`, 18));
  return {
    name: context.cycleLabel,
    title: [
      `Lembar observasi ${context.cycleLabel} - ${context.schoolName}`,
      context.studyTitle,
      definition.mode === 'summary'
        ? 'Isi persentase capaian setiap guru (0-100, dua desimal, mis. 35,75). Jangan ubah baris judul kolom.'
        : 'Isi skor setiap indikator sesuai skalanya, atau "na" bila tidak berlaku. Jangan ubah baris judul kolom.',
    ],
    columns: [INT('No', 6), TEXT('Nama Guru', 36), TEXT('NIP', 22), ...valueCols],
    rows: roster.map((t, i) => [i + 1, t.name, t.nip, ...valueCols.map(() => null)]),
  };
}
