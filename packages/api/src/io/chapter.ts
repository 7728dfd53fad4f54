import type { LetterheadRow } from '@siklus/db';
import {
  FOLLOW_UP_VERDICT_LABELS,
  formatId,
  formatLongDate,
  formatLongDateId,
  GAIN_CONVENTIONS,
  GAIN_OF_MEANS_NOTE,
  type TCycleSummary,
  type TGain,
  type TGainConvention,
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
    /** The gain convention the study shows first. */
    gainFirst: TGainConvention;
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
  /**
   * Per instrument, the primary first (decision 022); absent or one entry: a single-instrument
   * study, whose chapter is the top-level figures alone.
   */
  instruments?: {
    key: string;
    rubric: { name: string };
    teachers: SchoolDetailLike['teachers'];
    gains: SchoolDetailLike['gains'];
    overall: SchoolDetailLike['overall'];
    cycles: { summary: TCycleSummary }[];
  }[];
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

/** A gain in the chapter: its three figures (relative null from 0), the n-gain's category in words. */
export type ChapterGain = {
  points: string;
  relative: string | null;
  normalized: string | null;
  category: string | null;
};

/** The gain conventions in the order the study shows them. */
export function gainOrder(first: TGainConvention): TGainConvention[] {
  return [first, ...GAIN_CONVENTIONS.filter((c) => c !== first)];
}

const GAIN_HEADERS: Record<TGainConvention, string> = {
  points: 'Peningkatan (poin)',
  relative: 'Peningkatan relatif (%)',
  normalized: 'N-Gain (Hake)',
};

/** Column headers of a gain, in the study's order, then the n-gain's category. */
export function gainHeaders(order: readonly TGainConvention[]): string[] {
  return [...order.map((c) => GAIN_HEADERS[c]), 'Kategori N-Gain'];
}

/** A gain's cells in the same order as gainHeaders; null where undefined or missing. */
export function gainValues(
  g: ChapterGain | null | undefined,
  order: readonly TGainConvention[],
): (string | null)[] {
  return [...order.map((c) => (g ? g[c] : null)), g?.category ?? null];
}

/** What each gain table says under it: the relative gain's rule and what the mean row is. */
export const GAIN_NOTES = [
  'Peningkatan relatif = (nilai akhir - nilai awal) / nilai awal x 100%; tidak terdefinisi bila nilai awal 0. N-Gain (Hake) = (nilai akhir - nilai awal) / (100 - nilai awal).',
  `Baris rata-rata: ${GAIN_OF_MEANS_NOTE.id}.`,
];

export interface ChapterRecap {
  number: number;
  caption: string;
  cycleLabels: string[];
  /** Gain columns compare these two cycles (baseline -> latest); null with fewer than two. */
  gainLabel: string | null;
  /** The gain conventions in the study's order (gainHeaders, gainValues). */
  gainOrder: TGainConvention[];
  /** gainHeaders(gainOrder): the columns every renderer prints. */
  gainHeaders: string[];
  rows: {
    no: number;
    name: string;
    cells: ({ percentage: string; band: string } | null)[];
    gain: ChapterGain | null;
  }[];
  means: (string | null)[];
  meanBands: (string | null)[];
  meanGain: ChapterGain | null;
}

export interface ChapterGains {
  number: number;
  caption: string;
  gainOrder: TGainConvention[];
  gainHeaders: string[];
  /** GAIN_NOTES: how the relative gain is computed, what the mean row is. */
  notes: string[];
  rows: ({
    from: string;
    to: string;
    preMean: string;
    postMean: string;
  } & ChapterGain)[];
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

/** Follow-up plans (RTL) per teacher and cycle, as the report lists them (issue 17). */
/** The follow-up table's columns, in the order `followUpCells` gives a row's cells. */
const FOLLOW_UP_HEADERS = [
  'No',
  'Nama Guru',
  'Siklus',
  'Indikator',
  'Tindakan',
  'Pendamping',
  'Jatuh Tempo',
  'Status',
  'Hasil',
] as const;

export interface ChapterFollowUps {
  number: number;
  caption: string;
  headers: typeof FOLLOW_UP_HEADERS;
  rows: {
    no: number;
    teacher: string;
    cycle: string;
    indicators: string;
    actions: string;
    support: string;
    dueOn: string;
    status: string;
    /** "50,00 -> 87,50 (Meningkat)": the plan's indicators, computed from the raw scores. */
    result: string;
  }[];
}

/** What the chapter reads of a follow-up plan (follow-ups/follow-up-view.ts's view). */
export interface FollowUpLike {
  teacherName: string;
  ordinal: number;
  cycleLabel: { id: string };
  indicatorKeys: string[];
  actions: string;
  supportLabel: { id: string };
  supportTeacherName: string | null;
  dueOn: string;
  statusLabel: { id: string };
  progress: {
    indicators: { key: string; text: string }[];
    before: string | null;
    after: string | null;
    verdict: keyof typeof FOLLOW_UP_VERDICT_LABELS;
  };
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

/** The office's letterhead (kop surat) at the head of the report; null until the admin sets it. */
export interface ChapterLetterhead {
  /** The office's name, one entry per printed line ("PEMERINTAH KABUPATEN BADUNG", ...). */
  lines: string[];
  address: string;
  /** "Telepon (0361) 123456 · Email disdik@... · Laman disdik.badungkab.go.id", or null. */
  contact: string | null;
  logo: { dataUrl: string; width: number; height: number } | null;
}

/** One signer of the report: who, their NIP, or null where nobody is known (a blank line is printed). */
export interface ChapterSigner {
  /** "Pengawas Sekolah" or "Kepala Sekolah". */
  role: string;
  name: string | null;
  nip: string | null;
}

/** The signature block that ends the report: "Bogor, 3 Januari 2024" over the principal's name. */
export interface ChapterSignOff {
  /** "Bogor, 3 Januari 2024" (the date alone when the district has no place set). */
  placeAndDate: string;
  /** "Mengetahui," over the supervisor (left); the principal signs on the right. */
  supervisor: ChapterSigner;
  principal: ChapterSigner;
}

/** What the report's head and foot are built from (the router reads them; tests give them). */
export interface ChapterSigning {
  letterhead: (Omit<LetterheadRow, 'logoSha256'> & { logo: ChapterLetterhead['logo'] }) | null;
  principal: { fullName: string; nip: string | null } | null;
  supervisor: { fullName: string; nip: string | null } | null;
  /** The district's calendar day the report is printed on, "YYYY-MM-DD". */
  today: string;
}

/** The letterhead as printed, or null when the admin has not set the office's name. */
export function chapterLetterhead(l: ChapterSigning['letterhead']): ChapterLetterhead | null {
  if (!l?.office) return null;
  const contact = [
    l.phone ? `Telepon ${l.phone}` : null,
    l.email ? `Email ${l.email}` : null,
    l.website ? `Laman ${l.website}` : null,
  ].filter((x): x is string => x !== null);
  return {
    lines: l.office
      .split('\n')
      .map((x) => x.trim())
      .filter(Boolean),
    address: l.address ?? '',
    contact: contact.length > 0 ? contact.join(' · ') : null,
    logo: l.logo,
  };
}

/** The signature block: the date written long, the supervisor who approved, the principal. */
export function chapterSignOff(s: ChapterSigning): ChapterSignOff {
  const date = formatLongDate(s.today, 'id');
  const place = s.letterhead?.place;
  return {
    placeAndDate: place ? `${place}, ${date}` : date,
    supervisor: {
      role: 'Pengawas Sekolah',
      name: s.supervisor?.fullName ?? null,
      nip: s.supervisor?.nip ?? null,
    },
    principal: {
      role: 'Kepala Sekolah',
      name: s.principal?.fullName ?? null,
      nip: s.principal?.nip ?? null,
    },
  };
}

/** The results tables of one instrument: a table per counted cycle, the recap, gains, chart. */
export interface ChapterResults {
  tables: ChapterCycleTable[];
  recap: ChapterRecap | null;
  gains: ChapterGains | null;
  chart: ChapterChart | null;
}

/** One instrument's section of a several-instrument study's chapter (decision 022). */
export interface ChapterInstrumentSection extends ChapterResults {
  key: string;
  /** "Instrumen rpp: Rubrik RPP", the section's heading. */
  heading: string;
}

export interface ResultsChapter extends ChapterResults {
  /** Null when the district has not set its letterhead. */
  letterhead: ChapterLetterhead | null;
  /** Null when the chapter was built without signers (a preview in a test). */
  signOff: ChapterSignOff | null;
  title: string;
  study: SchoolDetailLike['study'];
  intro: string;
  /**
   * With two or more instruments, one section of tables each, the primary first, numbered on
   * through the chapter; renderers print these in place of the top-level tables, recap,
   * gains and chart (which stay the primary's, for the exports that read them). Absent for
   * a single-instrument study, whose chapter is as before.
   */
  instruments?: ChapterInstrumentSection[];
  criteria: ChapterCriteria;
  stages: ChapterStages[];
  followUps: ChapterFollowUps | null;
  conclusion: string | null;
  /** Null when no cycle has an attachment. */
  evidence: ChapterEvidence | null;
}

const GAIN_CATEGORY: Record<string, string> = { high: 'Tinggi', medium: 'Sedang', low: 'Rendah' };
export const gainCategoryId = (c: string | null) => (c ? (GAIN_CATEGORY[c] ?? c) : null);

function chapterGain(g: TGain): ChapterGain {
  return {
    points: g.points,
    relative: g.relative,
    normalized: g.normalized,
    category: gainCategoryId(g.category),
  };
}

/** One gain in words, the study's convention first: "11,60 poin (21,69% secara relatif; N-Gain 0,25, Rendah)". */
function gainSentence(g: TMeanGain, order: readonly TGainConvention[]): string {
  const words: Record<TGainConvention, string> = {
    points: `${formatId(g.points)} poin`,
    relative:
      g.relative === null
        ? 'peningkatan relatif tidak terdefinisi dari 0'
        : `${formatId(g.relative)}% secara relatif`,
    normalized: `N-Gain ${g.normalized ? formatId(g.normalized) : '-'}, ${gainCategoryId(g.category) ?? '-'}`,
  };
  const [head, ...rest] = order.map((c) => words[c]);
  return `${head} (${rest.join('; ')})`;
}

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
  plans: readonly FollowUpLike[] = [],
  attachments: readonly EvidenceLike[] = [],
  signing: ChapterSigning | null = null,
): ResultsChapter {
  const focus = focusPhrase(detail.study.focus);
  // Only results have a table: cycles with observations that count (approved, or
  // submitted when the reader asked for them). A draft is the principal's work in
  // progress; the intro says which cycles were left out and why.
  const observed = detail.cycles
    .map((c, index) => ({ c, index }))
    .filter(({ c }) => c.summary.n > 0 && c.standing.counted);
  const left = detail.cycles.filter((c) => c.summary.n > 0 && !c.standing.counted);
  const primary = chapterResults(detail, detail, { focus, number: 0, figure: 0, suffix: '' });
  const { tables } = primary;
  let { number } = primary;
  // Several instruments: a section of tables each, numbered on (decision 022).
  const sources = detail.instruments ?? [];
  const instruments: ChapterInstrumentSection[] = [];
  if (sources.length > 1) {
    number = 0;
    let figure = 0;
    for (const source of sources) {
      const {
        number: next,
        figure: nextFigure,
        ...own
      } = chapterResults(detail, source, {
        focus,
        number,
        figure,
        suffix: ` (instrumen ${source.key})`,
      });
      number = next;
      figure = nextFigure;
      instruments.push({
        key: source.key,
        heading: `Instrumen ${source.key}: ${source.rubric.name}`,
        ...own,
      });
    }
  }
  const first = observed[0];
  const last = observed.at(-1);
  const order = gainOrder(detail.study.gainFirst);

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
        ? `, naik ${gainSentence(overall, order)} dari ${formatId(overall.preMean)} pada ${detail.overall!.from.label.id}`
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
    letterhead: chapterLetterhead(signing?.letterhead ?? null),
    signOff: signing ? chapterSignOff(signing) : null,
    title: 'BAB IV HASIL PENELITIAN DAN PEMBAHASAN',
    study: detail.study,
    intro: intro + leftOut,
    tables,
    recap: primary.recap,
    gains: primary.gains,
    chart: primary.chart,
    ...(instruments.length > 0 ? { instruments } : {}),
    criteria,
    stages,
    followUps: followUpTable(plans, number + 1),
    conclusion,
    evidence,
  };
}

/** What one instrument's tables are drawn from: the top-level figures, or an instrument's. */
interface ResultsSource {
  teachers: SchoolDetailLike['teachers'];
  gains: SchoolDetailLike['gains'];
  overall: SchoolDetailLike['overall'];
  /** Per cycle of the study, in its order. */
  cycles: readonly { summary: TCycleSummary }[];
}

/**
 * One instrument's results tables: a table per counted cycle it observed, the recap, the
 * gains and the chart, numbered on from `number` (tables) and `figure` (charts), each
 * caption ending with `suffix`.
 */
function chapterResults(
  detail: SchoolDetailLike,
  source: ResultsSource,
  at: { focus: string; number: number; figure: number; suffix: string },
): ChapterResults & { number: number; figure: number } {
  const { focus, suffix } = at;
  const observed = detail.cycles
    .map((c, index) => ({ c, index, summary: source.cycles[index]?.summary ?? c.summary }))
    .filter(({ c, summary }) => summary.n > 0 && c.standing.counted);
  // A provisional table says so in its caption: a reader of the DOCX has no badge to see.
  const provisional = (c: SchoolDetailLike['cycles'][number]) =>
    c.standing.provisional ? ' (sementara, belum ditinjau)' : '';
  let number = at.number;
  let figure = at.figure;

  const tables: ChapterCycleTable[] = observed.map(({ c, index, summary }) => {
    number += 1;
    const rows = source.teachers.flatMap((t) => {
      const cell = t.cells[index];
      return cell
        ? [{ name: t.name, className: t.className, percentage: cell.percentage, band: cell.band }]
        : [];
    });
    return {
      number,
      caption: `Tabel ${number}. ${focus} pada ${c.label.id}${suffix}${provisional(c)}`,
      cycleId: c.id,
      ordinal: c.ordinal,
      label: c.label.id,
      rows: rows.map((r, i) => ({ no: i + 1, ...r })),
      n: summary.n,
      mean: summary.mean,
      meanBand: summary.meanBand,
      bands: summary.bands,
    };
  });

  const first = observed[0];
  const last = observed.at(-1);
  let recap: ChapterRecap | null = null;
  let chart: ChapterChart | null = null;
  let gains: ChapterGains | null = null;
  const order = gainOrder(detail.study.gainFirst);
  if (observed.length > 0) {
    const overall = source.overall;
    const byTeacher = new Map((overall?.teachers.gains ?? []).map((g) => [g.teacherId, g]));
    const teachers = source.teachers.filter((t) => observed.some(({ index }) => t.cells[index]));
    number += 1;
    recap = {
      number,
      caption: `Tabel ${number}. Rekapitulasi ${lower(focus)} dari ${first!.c.label.id} sampai ${last!.c.label.id}${suffix}`,
      cycleLabels: observed.map(({ c }) => c.label.id),
      gainLabel: overall ? `${overall.from.label.id} - ${overall.to.label.id}` : null,
      gainOrder: order,
      gainHeaders: gainHeaders(order),
      rows: teachers.map((t, i) => {
        const g = byTeacher.get(t.id);
        return {
          no: i + 1,
          name: t.name,
          cells: observed.map(({ index }) => t.cells[index] ?? null),
          gain: g ? chapterGain(g) : null,
        };
      }),
      means: observed.map(({ summary }) => summary.mean),
      meanBands: observed.map(({ summary }) => summary.meanBand),
      meanGain: overall?.means ? chapterGain(overall.means) : null,
    };
    const pairs = source.gains.filter((g) => g.means !== null);
    if (pairs.length > 0) {
      number += 1;
      gains = {
        number,
        caption: `Tabel ${number}. Peningkatan rata-rata ${lower(focus)} antarsiklus${suffix}`,
        gainOrder: order,
        gainHeaders: gainHeaders(order),
        notes: GAIN_NOTES,
        rows: [...pairs, ...(overall?.means && pairs.length > 1 ? [overall] : [])].map((g) => ({
          from: g.from.label.id,
          to: g.to.label.id,
          preMean: g.means!.preMean,
          postMean: g.means!.postMean,
          ...chapterGain(g.means!),
        })),
      };
    }
    figure += 1;
    chart = {
      number: figure,
      caption: `Gambar ${figure}. Grafik ${lower(focus)} setiap guru per siklus dan rata-ratanya${suffix}`,
      categories: observed.map(({ c }) => c.label.id),
      teachers: teachers.map((t) => ({
        name: t.name,
        values: observed.map(({ index }) => t.cells[index]?.percentage ?? null),
      })),
      means: observed.map(({ summary }) => summary.mean),
    };
  }
  return { tables, recap, gains, chart, number, figure };
}

/** The plans per teacher, then cycle; numbered after the chapter's other tables. */
/** A follow-up row's cells under `headers`, for the DOCX and the spreadsheet alike. */
export function followUpCells(r: ChapterFollowUps['rows'][number]) {
  return [
    r.no,
    r.teacher,
    r.cycle,
    r.indicators,
    r.actions,
    r.support,
    r.dueOn,
    r.status,
    r.result,
  ] as const;
}

function followUpTable(plans: readonly FollowUpLike[], number: number): ChapterFollowUps | null {
  if (plans.length === 0) return null;
  const sorted = [...plans].sort(
    (a, b) => a.teacherName.localeCompare(b.teacherName, 'id') || a.ordinal - b.ordinal,
  );
  return {
    number,
    caption: `Tabel ${number}. Rencana tindak lanjut (RTL) setiap guru per siklus`,
    headers: FOLLOW_UP_HEADERS,
    rows: sorted.map((p, i) => {
      const texts = new Map(p.progress.indicators.map((x) => [x.key, x.text]));
      const figure = (v: string | null) => (v === null ? '-' : formatId(v));
      return {
        no: i + 1,
        teacher: p.teacherName,
        cycle: p.cycleLabel.id,
        indicators:
          p.indicatorKeys.map((k) => (texts.has(k) ? `${k} ${texts.get(k)}` : k)).join('; ') ||
          'Persentase capaian',
        actions: p.actions,
        support: p.supportTeacherName
          ? `${p.supportLabel.id}: ${p.supportTeacherName}`
          : p.supportLabel.id,
        dueOn: formatLongDateId(p.dueOn),
        status: p.statusLabel.id,
        result:
          p.progress.verdict === 'not-yet-scored'
            ? `${figure(p.progress.before)} (${FOLLOW_UP_VERDICT_LABELS['not-yet-scored'].id})`
            : `${figure(p.progress.before)} -> ${figure(p.progress.after)} (${FOLLOW_UP_VERDICT_LABELS[p.progress.verdict].id})`,
      };
    }),
  };
}
