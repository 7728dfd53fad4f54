import {
  formatId,
  formatLongDateId,
  type TCycleSummary,
  type TGain,
  type TMeanGain,
} from '@siklus/domain';

/**
 * The results chapter (Bab IV Hasil dan Pembahasan) of a study as data: numbered, captioned
 * tables the way PTS reports print them, the chart's series, the success criteria with
 * their figures, the gains and each cycle's stage notes. The DOCX and the printable page
 * both render this one model, so they cannot disagree. Every figure is a decimal string
 * computed by the domain package (through reports.schoolDetail); text is Indonesian, the
 * language of the report.
 */

/** What reports.schoolDetail returns, as far as the chapter reads it. */
export interface SchoolDetailLike {
  study: {
    id: string;
    title: string;
    focus: string;
    schoolYear: string;
    schoolName: string;
    npsn: string;
  };
  criteria: { description: { id: string; en: string } };
  cycles: {
    id: string;
    ordinal: number;
    label: { id: string; en: string };
    status: string;
    /** Whether the cycle counts as a result (approved; submitted when asked) and its label. */
    standing: { counted: boolean; provisional: boolean; label: { id: string; en: string } | null };
    summary: TCycleSummary;
    criteria: {
      /** Null while the cycle has not observed the whole active roster. */
      met: boolean | null;
      message: { id: string; en: string };
      results: {
        met: boolean;
        required: string;
        actual: string | null;
        message: { id: string; en: string };
      }[];
    };
    stages: Record<
      'planning' | 'action' | 'observation' | 'reflection',
      { notes: string | null; date: string | null }
    >;
    reviewComment: string | null;
  }[];
  teachers: {
    id: string;
    name: string;
    className: string | null;
    cells: ({ percentage: string; band: string } | null)[];
  }[];
  gains: {
    from: { ordinal: number; label: { id: string } };
    to: { ordinal: number; label: { id: string } };
    means: TMeanGain | null;
    teachers: { gains: (TGain & { teacherId: string; pre: string; post: string })[] };
  }[];
  overall: SchoolDetailLike['gains'][number] | null;
}

export interface ChapterCycleTable {
  number: number;
  caption: string;
  cycleId: string;
  ordinal: number;
  label: string;
  rows: { no: number; name: string; className: string | null; percentage: string; band: string }[];
  n: number;
  mean: string | null;
  meanBand: string | null;
  bands: { label: string; count: number; share: string | null }[];
}

export interface ChapterRecap {
  number: number;
  caption: string;
  cycleLabels: string[];
  /** Gain columns compare these two cycles (baseline -> latest); null with fewer than two. */
  gainLabel: string | null;
  rows: {
    no: number;
    name: string;
    cells: ({ percentage: string; band: string } | null)[];
    gain: { points: string; normalized: string | null; category: string | null } | null;
  }[];
  means: (string | null)[];
  meanBands: (string | null)[];
  meanGain: { points: string; normalized: string | null; category: string | null } | null;
}

export interface ChapterGains {
  number: number;
  caption: string;
  rows: {
    from: string;
    to: string;
    preMean: string;
    postMean: string;
    points: string;
    normalized: string | null;
    category: string | null;
  }[];
}

export interface ChapterChart {
  number: number;
  caption: string;
  /** Cycle labels along the axis. */
  categories: string[];
  /** One series per teacher (bars), values per cycle; null where not observed. */
  teachers: { name: string; values: (string | null)[] }[];
  /** The mean per cycle (the line). */
  means: (string | null)[];
}

export interface ChapterCriteria {
  description: string;
  cycles: {
    label: string;
    /** Null: not judged (the cycle did not observe every active teacher). */
    met: boolean | null;
    message: string;
    results: { met: boolean; required: string; actual: string | null; message: string }[];
  }[];
}

export interface ChapterStages {
  label: string;
  status: string;
  stages: { key: string; title: string; date: string | null; notes: string | null }[];
  reviewComment: string | null;
}

/** The evidence files of the study's cycles, listed (names only) per cycle and place. */
export interface ChapterEvidence {
  caption: string;
  cycles: {
    label: string;
    items: { id: string; place: string; fileName: string; kind: string }[];
  }[];
}

/** An attachment as the chapter reads it (db's StudyAttachmentRow fits). */
export interface EvidenceLike {
  id: string;
  cycleId: string;
  stage: 'planning' | 'action' | 'observation' | 'reflection' | null;
  teacherName: string | null;
  fileName: string;
  kind: string;
}

const KIND_ID: Record<string, string> = { image: 'foto', pdf: 'PDF', docx: 'dokumen Word' };

export interface ResultsChapter {
  title: string;
  study: SchoolDetailLike['study'];
  intro: string;
  tables: ChapterCycleTable[];
  recap: ChapterRecap | null;
  gains: ChapterGains | null;
  chart: ChapterChart | null;
  criteria: ChapterCriteria;
  stages: ChapterStages[];
  conclusion: string | null;
  /** Null when no cycle has an attachment. */
  evidence: ChapterEvidence | null;
}

const GAIN_CATEGORY: Record<string, string> = { high: 'Tinggi', medium: 'Sedang', low: 'Rendah' };
export const gainCategoryId = (c: string | null) => (c ? (GAIN_CATEGORY[c] ?? c) : null);

const STAGE_TITLES = [
  ['planning', 'Perencanaan'],
  ['action', 'Pelaksanaan'],
  ['observation', 'Observasi'],
  ['reflection', 'Refleksi'],
] as const;

const STATUS_ID: Record<string, string> = {
  draft: 'draf',
  submitted: 'diajukan',
  returned: 'dikembalikan',
  approved: 'disetujui',
};

/** "Kemampuan guru ..." as it reads inside a caption: first letter up, no final period. */
export function focusPhrase(focus: string): string {
  const f = focus.trim().replace(/[.\s]+$/, '');
  return f.charAt(0).toUpperCase() + f.slice(1);
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export function buildChapter(
  detail: SchoolDetailLike,
  attachments: readonly EvidenceLike[] = [],
): ResultsChapter {
  const focus = focusPhrase(detail.study.focus);
  // Only results have a table: cycles with observations that count (approved, or
  // submitted when the reader asked for them). A draft is the principal's work in
  // progress; the intro says which cycles were left out and why.
  const observed = detail.cycles
    .map((c, index) => ({ c, index }))
    .filter(({ c }) => c.summary.n > 0 && c.standing.counted);
  const left = detail.cycles.filter((c) => c.summary.n > 0 && !c.standing.counted);
  // A provisional table says so in its caption: a reader of the DOCX has no badge to see.
  const provisional = (c: SchoolDetailLike['cycles'][number]) =>
    c.standing.provisional ? ' (sementara, belum ditinjau)' : '';
  let number = 0;

  const tables: ChapterCycleTable[] = observed.map(({ c, index }) => {
    number += 1;
    const rows = detail.teachers.flatMap((t) => {
      const cell = t.cells[index];
      return cell
        ? [{ name: t.name, className: t.className, percentage: cell.percentage, band: cell.band }]
        : [];
    });
    return {
      number,
      caption: `Tabel ${number}. ${focus} pada ${c.label.id}${provisional(c)}`,
      cycleId: c.id,
      ordinal: c.ordinal,
      label: c.label.id,
      rows: rows.map((r, i) => ({ no: i + 1, ...r })),
      n: c.summary.n,
      mean: c.summary.mean,
      meanBand: c.summary.meanBand,
      bands: c.summary.bands,
    };
  });

  const first = observed[0];
  const last = observed.at(-1);
  let recap: ChapterRecap | null = null;
  let chart: ChapterChart | null = null;
  let gains: ChapterGains | null = null;
  if (observed.length > 0) {
    const overall = detail.overall;
    const byTeacher = new Map((overall?.teachers.gains ?? []).map((g) => [g.teacherId, g]));
    const teachers = detail.teachers.filter((t) => observed.some(({ index }) => t.cells[index]));
    number += 1;
    recap = {
      number,
      caption: `Tabel ${number}. Rekapitulasi ${lower(focus)} dari ${first!.c.label.id} sampai ${last!.c.label.id}`,
      cycleLabels: observed.map(({ c }) => c.label.id),
      gainLabel: overall ? `${overall.from.label.id} - ${overall.to.label.id}` : null,
      rows: teachers.map((t, i) => {
        const g = byTeacher.get(t.id);
        return {
          no: i + 1,
          name: t.name,
          cells: observed.map(({ index }) => t.cells[index] ?? null),
          gain: g
            ? { points: g.points, normalized: g.normalized, category: gainCategoryId(g.category) }
            : null,
        };
      }),
      means: observed.map(({ c }) => c.summary.mean),
      meanBands: observed.map(({ c }) => c.summary.meanBand),
      meanGain: overall?.means
        ? {
            points: overall.means.points,
            normalized: overall.means.normalized,
            category: gainCategoryId(overall.means.category),
          }
        : null,
    };
    const pairs = detail.gains.filter((g) => g.means !== null);
    if (pairs.length > 0) {
      number += 1;
      gains = {
        number,
        caption: `Tabel ${number}. Peningkatan rata-rata ${lower(focus)} antarsiklus`,
        rows: [...pairs, ...(overall?.means && pairs.length > 1 ? [overall] : [])].map((g) => ({
          from: g.from.label.id,
          to: g.to.label.id,
          preMean: g.means!.preMean,
          postMean: g.means!.postMean,
          points: g.means!.points,
          normalized: g.means!.normalized,
          category: gainCategoryId(g.means!.category),
        })),
      };
    }
    chart = {
      number: 1,
      caption: `Gambar 1. Grafik ${lower(focus)} setiap guru per siklus dan rata-ratanya`,
      categories: observed.map(({ c }) => c.label.id),
      teachers: teachers.map((t) => ({
        name: t.name,
        values: observed.map(({ index }) => t.cells[index]?.percentage ?? null),
      })),
      means: observed.map(({ c }) => c.summary.mean),
    };
  }

  const criteria: ChapterCriteria = {
    description: detail.criteria.description.id,
    cycles: observed.map(({ c }) => ({
      label: c.label.id,
      met: c.criteria.met,
      message: c.criteria.message.id,
      results: c.criteria.results.map((r) => ({
        met: r.met,
        required: r.required,
        actual: r.actual,
        message: r.message.id,
      })),
    })),
  };

  const stages: ChapterStages[] = detail.cycles.map((c) => ({
    label: c.label.id,
    status: STATUS_ID[c.status] ?? c.status,
    stages: STAGE_TITLES.map(([key, title]) => ({
      key,
      title,
      // As reports write dates: "3 Januari 2024".
      date: c.stages[key].date ? formatLongDateId(c.stages[key].date) : null,
      notes: c.stages[key].notes,
    })),
    reviewComment: c.reviewComment,
  }));

  const intro: string =
    observed.length === 0
      ? 'Belum ada siklus yang memiliki data observasi.'
      : `Penelitian tindakan sekolah ini dilaksanakan di ${detail.study.schoolName} pada tahun ajaran ${detail.study.schoolYear} ` +
        `dengan fokus ${lower(focus)}. Data diperoleh dari lembar observasi terhadap ${tables[0]!.n} guru ` +
        `pada ${first!.c.label.id}${observed.length > 1 ? ` dan ${observed.length - 1} siklus tindakan` : ''}. ` +
        `Kriteria keberhasilan: ${lower(detail.criteria.description.id)}.`;
  const leftOut =
    left.length === 0
      ? ''
      : ` ${left.map((c) => `${c.label.id} (${STATUS_ID[c.status] ?? c.status})`).join(', ')} ` +
        `belum disetujui pengawas sehingga belum dimuat sebagai hasil.`;

  let conclusion: string | null = null;
  if (last) {
    const lastMean = last.c.summary.mean;
    const overall = detail.overall?.means;
    conclusion =
      `Pada ${last.c.label.id} rata-rata kemampuan guru ${lastMean ? formatId(lastMean) : '-'} ` +
      `(${last.c.summary.meanBand ?? '-'})` +
      (overall
        ? `, naik ${formatId(overall.points)} poin dari ${formatId(overall.preMean)} pada ${detail.overall!.from.label.id} (N-Gain ${overall.normalized ? formatId(overall.normalized) : '-'}, ${gainCategoryId(overall.category) ?? '-'})`
        : '') +
      `. ${last.c.criteria.message.id}.`;
  }

  const stageTitle = new Map<string, string>(STAGE_TITLES);
  const evidenceCycles = detail.cycles
    .map((c) => ({
      label: c.label.id,
      items: attachments
        .filter((a) => a.cycleId === c.id)
        .map((a) => ({
          id: a.id,
          place: a.stage
            ? `Tahap ${stageTitle.get(a.stage) ?? a.stage}`
            : `Lembar observasi ${a.teacherName ?? '-'}`,
          fileName: a.fileName,
          kind: KIND_ID[a.kind] ?? a.kind,
        })),
    }))
    .filter((c) => c.items.length > 0);
  const evidence: ChapterEvidence | null =
    evidenceCycles.length > 0
      ? { caption: 'Lampiran. Daftar berkas bukti per siklus', cycles: evidenceCycles }
      : null;

  return {
    title: 'BAB IV HASIL PENELITIAN DAN PEMBAHASAN',
    study: detail.study,
    intro: intro + leftOut,
    tables,
    recap,
    gains,
    chart,
    criteria,
    stages,
    conclusion,
    evidence,
  };
}
