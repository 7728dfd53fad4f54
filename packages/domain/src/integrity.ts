import type { TBandSet } from './bands';
import { checkPrintedFigures, type TPrintedFigures } from './consistency';
import { D, formatId, round2, toDecimal, trimZeros } from './decimal';
import type { TBilingual } from './errors';

/*
 * Integrity signals (issue 18): patterns often seen in copied or implausible data, each
 * explained in words with the figures behind it. A signal is "perlu dicek" (worth
 * checking), never a finding: most have an innocent explanation, and a supervisor may
 * dismiss one with a reason. The rules are tuned so the demo district's honest data stays
 * silent (tested in the API package), and each rule's why is written next to it.
 */

export const SIGNAL_KINDS = [
  'identical-vector',
  'flat-sheet',
  'jump',
  'printed-mismatch',
  'near-copy-notes',
  'heaping',
] as const;
export type TSignalKind = (typeof SIGNAL_KINDS)[number];

export type TIntegritySignal = {
  /** Stable while the evidence is the same; a dismissal is keyed on it. */
  key: string;
  kind: TSignalKind;
  schoolId: string;
  schoolName: string;
  /** Where to look: the cycle (or study) the evidence is in. */
  cycleId: string | null;
  studyId: string | null;
  message: TBilingual;
  /** The figures behind the message, as shown (decimal strings, counts). */
  figures: Record<string, string>;
};

export const INTEGRITY_DEFAULTS = {
  /** A jump of more than this many points in one cycle; the admin may change it. */
  jumpPoints: '35.00',
  /** Identical vectors are judged only on sheets with at least this many indicators. */
  minIndicators: 5,
  /**
   * An identical vector is a signal when the expected number of chance matches in the
   * district is below this (see identicalVectorSignals).
   */
  chanceBelow: '0.01',
  /** Flat sheets: at least this many in one cycle... */
  flatMinSheets: 3,
  /** ...making at least this share (percent) of the cycle's sheets. */
  flatMinShare: '50.00',
  /** Near-copy notes: trigram similarity at least this (0-1), on notes this long or longer. */
  noteSimilarity: '0.80',
  noteMinLength: 60,
  /**
   * A text whose near copies appear in at least this share (percent) of the district's
   * schools, and in at least `noteTemplateMinSchools`, is a shared template (a workshop
   * handout's wording), not one school copying another.
   */
  noteTemplateShare: '10.00',
  noteTemplateMinSchools: 3,
} as const;

/** FNV-1a, 32 bit, as 8 hex digits: a short stable key for a long list of ids. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

const pct = (value: string) => formatId(round2(value));

// ---------------------------------------------------------------------------------------
// Identical score vectors

export type TVectorGroup = {
  rubricVersionId: string;
  vector: string;
  sheets: number;
  observations: {
    observationId: string;
    teacherId: string;
    teacherName: string;
    schoolId: string;
    schoolName: string;
    cycleId: string;
  }[];
};

/**
 * The chance that an independent sheet repeats `vector` exactly, if each indicator's score
 * were drawn from the vector's own mix of scores (7 twos and 3 ones: 0.7^7 · 0.3^3). The
 * sheet's own mix is the most generous model for a coincidence, so this errs towards
 * silence: a sheet of mostly one score matches by chance often, and is not flagged.
 * Exact: a product of fractions, carried at 64 digits.
 */
export function chanceOfRepeat(vector: string): string {
  const scores = vector.split(',');
  const counts = new Map<string, number>();
  for (const s of scores) counts.set(s, (counts.get(s) ?? 0) + 1);
  let p = new D(1);
  for (const s of scores) p = p.times(new D(counts.get(s)!).dividedBy(scores.length));
  return p.toString();
}

/**
 * Different teachers with the very same score on every indicator. A signal when the
 * expected number of chance matches among the district's sheets on that rubric,
 * (sheets - 1) · chanceOfRepeat, is below `chanceBelow`; one signal per school involved,
 * naming every sheet of the group. In the demo district, 35 groups of identical vectors
 * occur by chance (mostly 2s and a few 1s); none passes this bar.
 */
export function identicalVectorSignals(
  groups: readonly TVectorGroup[],
  options: { chanceBelow?: string } = {},
): TIntegritySignal[] {
  const bar = toDecimal(options.chanceBelow ?? INTEGRITY_DEFAULTS.chanceBelow);
  const signals: TIntegritySignal[] = [];
  for (const g of groups) {
    const teachers = new Set(g.observations.map((o) => o.teacherId));
    if (teachers.size < 2) continue;
    const expected = new D(chanceOfRepeat(g.vector)).times(Math.max(g.sheets - 1, 1));
    if (!expected.lessThan(bar)) continue;
    const names = g.observations.map((o) => `${o.teacherName} (${o.schoolName})`).join('; ');
    const ids = g.observations.map((o) => o.observationId).sort();
    const schools = [...new Set(g.observations.map((o) => o.schoolId))];
    const shown = expected.lessThan('0.0001')
      ? '< 0.0001'
      : expected.toSignificantDigits(2).toFixed();
    for (const schoolId of schools) {
      const here = g.observations.find((o) => o.schoolId === schoolId)!;
      signals.push({
        key: `identical-vector:${schoolId}:${shortHash(`${g.rubricVersionId}|${g.vector}|${ids.join(',')}`)}`,
        kind: 'identical-vector',
        schoolId,
        schoolName: here.schoolName,
        cycleId: here.cycleId,
        studyId: null,
        figures: {
          vector: g.vector,
          sheets: String(g.observations.length),
          teachers: String(teachers.size),
          expectedByChance: shown,
        },
        message: {
          id: `${g.observations.length} lembar guru berbeda berisi skor yang sama persis pada setiap indikator (${g.vector}): ${names}. Peluang kebetulan di kabupaten ini ${shown.replace('.', ',')} kecocokan. Perlu dicek.`,
          en: `${g.observations.length} sheets of different teachers carry exactly the same score on every indicator (${g.vector}): ${names}. Expected chance matches in this district: ${shown}. Worth checking.`,
        },
      });
    }
  }
  return signals;
}

// ---------------------------------------------------------------------------------------
// Flat sheets

export type TFlatSheet = {
  observationId: string;
  teacherName: string;
  schoolId: string;
  schoolName: string;
  cycleId: string;
  ordinal: number;
  score: number;
  indicators: number;
  sheetsInCycle: number;
};

/**
 * Sheets with every indicator at the same score, judged per cycle: at least
 * `flatMinSheets` such sheets making at least `flatMinShare` percent of the cycle. One
 * flat sheet is common in honest data (a teacher evenly "Cukup"; 6 of 612 demo sheets);
 * half a cycle of them suggests the sheets were not filled in indicator by indicator.
 */
export function flatSheetSignals(
  sheets: readonly TFlatSheet[],
  options: { minSheets?: number; minShare?: string } = {},
): TIntegritySignal[] {
  const minSheets = options.minSheets ?? INTEGRITY_DEFAULTS.flatMinSheets;
  const minShare = toDecimal(options.minShare ?? INTEGRITY_DEFAULTS.flatMinShare);
  const byCycle = new Map<string, TFlatSheet[]>();
  for (const s of sheets) byCycle.set(s.cycleId, [...(byCycle.get(s.cycleId) ?? []), s]);
  const signals: TIntegritySignal[] = [];
  for (const [cycleId, flat] of byCycle) {
    const total = flat[0]!.sheetsInCycle;
    const share = round2(new D(flat.length).times(100).dividedBy(total));
    if (flat.length < minSheets || toDecimal(share).lessThan(minShare)) continue;
    const first = flat[0]!;
    const names = flat.map((s) => `${s.teacherName} (${s.score})`).join(', ');
    signals.push({
      key: `flat-sheet:${cycleId}:${flat.length}`,
      kind: 'flat-sheet',
      schoolId: first.schoolId,
      schoolName: first.schoolName,
      cycleId,
      studyId: null,
      figures: { flatSheets: String(flat.length), sheets: String(total), share },
      message: {
        id: `${flat.length} dari ${total} lembar (${formatId(share)}%) pada siklus ini memberi skor yang sama untuk semua indikator: ${names}. Perlu dicek apakah setiap indikator benar-benar diamati.`,
        en: `${flat.length} of ${total} sheets (${share}%) in this cycle give every indicator the same score: ${names}. Worth checking that each indicator was actually observed.`,
      },
    });
  }
  return signals;
}

// ---------------------------------------------------------------------------------------
// Jumps

export type TJump = {
  teacherId: string;
  teacherName: string;
  schoolId: string;
  schoolName: string;
  studyId: string;
  cycleId: string;
  fromOrdinal: number;
  toOrdinal: number;
  pre: string;
  post: string;
};

/**
 * A teacher's percentage changing by more than `points` between consecutive cycles. The
 * default (35) sits above the demo district's largest honest change (32.50 points); the
 * district's admin sets their own.
 */
export function jumpSignals(jumps: readonly TJump[], points: string): TIntegritySignal[] {
  const limit = toDecimal(points);
  return jumps
    .map((j) => ({ j, change: toDecimal(j.post).minus(j.pre) }))
    .filter(({ change }) => change.abs().greaterThan(limit))
    .map(({ j, change }) => {
      const up = change.greaterThan(0);
      const size = round2(change.abs());
      return {
        key: `jump:${j.cycleId}:${j.teacherId}`,
        kind: 'jump' as const,
        schoolId: j.schoolId,
        schoolName: j.schoolName,
        cycleId: j.cycleId,
        studyId: j.studyId,
        figures: { pre: round2(j.pre), post: round2(j.post), change: size, limit: round2(limit) },
        message: {
          id: `Capaian ${j.teacherName} ${up ? 'naik' : 'turun'} ${formatId(size)} poin dalam satu siklus (${pct(j.pre)} → ${pct(j.post)}), lebih dari ambang ${formatId(trimZeros(round2(limit)))} poin. Perlu dicek.`,
          en: `${j.teacherName}'s figure ${up ? 'rose' : 'fell'} ${size} points in one cycle (${round2(j.pre)} → ${round2(j.post)}), more than the ${trimZeros(round2(limit))}-point threshold. Worth checking.`,
        },
      };
    });
}

// ---------------------------------------------------------------------------------------
// Printed figures (the existing consistency check, surfaced here)

export type TPrintedCycle = TPrintedFigures & {
  cycleId: string;
  schoolId: string;
  schoolName: string;
  studyId: string;
  bands: TBandSet;
  percentages: string[];
};

/** One signal per cycle whose printed figures differ from the computed ones. */
export function printedMismatchSignals(cycles: readonly TPrintedCycle[]): TIntegritySignal[] {
  const signals: TIntegritySignal[] = [];
  for (const c of cycles) {
    const mismatches = checkPrintedFigures(
      {
        printedMean: c.printedMean ?? null,
        printedMeanBand: c.printedMeanBand ?? null,
        printedBands: c.printedBands ?? null,
      },
      c.percentages,
      c.bands,
    );
    if (mismatches.length === 0) continue;
    signals.push({
      key: `printed-mismatch:${c.cycleId}:${shortHash(mismatches.map((m) => `${m.field}${m.index ?? ''}=${m.printed}`).join('|'))}`,
      kind: 'printed-mismatch',
      schoolId: c.schoolId,
      schoolName: c.schoolName,
      cycleId: c.cycleId,
      studyId: c.studyId,
      figures: { mismatches: String(mismatches.length) },
      message: {
        id: `${mismatches.map((m) => m.message.id).join('; ')}. Perlu dicek.`,
        en: `${mismatches.map((m) => m.message.en).join('; ')}. Worth checking.`,
      },
    });
  }
  return signals;
}

// ---------------------------------------------------------------------------------------
// Near-copy stage notes across schools

export type TNotePair = {
  schoolId: string;
  schoolName: string;
  cycleId: string;
  stage: string;
  otherSchoolId: string;
  otherSchoolName: string;
  otherCycleId: string;
  /** Trigram similarity 0-1 as text, e.g. "0.93". */
  similarity: string;
  excerpt: string;
  /** How many schools hold a near copy of this text (a template when many do). */
  schoolsWithText: number;
};

const STAGE_ID: Record<string, string> = {
  planning: 'perencanaan',
  action: 'pelaksanaan',
  observation: 'observasi',
  reflection: 'refleksi',
};

/**
 * Stage notes of one school that are near copies (trigram similarity) of another
 * school's. A text held by at least a tenth of the district's schools (and at least three)
 * is a common template and is left out: the demo district's notes all come from one such
 * template, shared by 3 to 25 of its 30 schools.
 */
export function isNoteTemplate(schoolsWithText: number, schoolsInDistrict: number): boolean {
  const share = new D(schoolsWithText).times(100).dividedBy(Math.max(schoolsInDistrict, 1));
  return (
    schoolsWithText >= INTEGRITY_DEFAULTS.noteTemplateMinSchools &&
    share.greaterThanOrEqualTo(INTEGRITY_DEFAULTS.noteTemplateShare)
  );
}

/** The fewest schools whose shared text counts as a template in a district this size. */
export function noteTemplateSchools(schoolsInDistrict: number): number {
  const share = new D(INTEGRITY_DEFAULTS.noteTemplateShare).dividedBy(100);
  return Math.max(
    INTEGRITY_DEFAULTS.noteTemplateMinSchools,
    new D(schoolsInDistrict).times(share).ceil().toNumber(),
  );
}

export function nearCopySignals(
  pairs: readonly TNotePair[],
  schoolsInDistrict: number,
): TIntegritySignal[] {
  return pairs
    .filter((p) => !isNoteTemplate(p.schoolsWithText, schoolsInDistrict))
    .map((p) => {
      const similarity = round2(p.similarity);
      const percent = round2(new D(p.similarity).times(100));
      return {
        key: `near-copy-notes:${p.cycleId}:${p.stage}:${p.otherCycleId}`,
        kind: 'near-copy-notes' as const,
        schoolId: p.schoolId,
        schoolName: p.schoolName,
        cycleId: p.cycleId,
        studyId: null,
        figures: { similarity, otherSchool: p.otherSchoolName },
        message: {
          id: `Catatan ${STAGE_ID[p.stage] ?? p.stage} ${formatId(percent)}% mirip (trigram) dengan catatan ${p.otherSchoolName}: “${p.excerpt}”. Perlu dicek.`,
          en: `The ${p.stage} notes are ${percent}% similar (trigrams) to ${p.otherSchoolName}'s: “${p.excerpt}”. Worth checking.`,
        },
      };
    });
}

// ---------------------------------------------------------------------------------------
// Heaping: typed percentages whose last digit is implausibly often 0 or 5

/** P(X >= k) for X ~ Binomial(n, p), exactly (a sum of products of decimals, 64 digits). */
export function binomialTail(n: number, k: number, p: string): string {
  const q = new D(1).minus(p);
  let total = new D(0);
  let choose = new D(1); // C(n, 0)
  for (let j = 0; j <= n; j++) {
    if (j > 0) choose = choose.times(n - j + 1).dividedBy(j);
    if (j >= k) total = total.plus(choose.times(new D(p).pow(j)).times(q.pow(n - j)));
  }
  return total.toString();
}

/**
 * A study's typed percentages (summary rubric) whose last digit (the hundredths) is 0 or
 * 5 far more often than the one time in five that honest two-decimal figures give: a
 * signal when there are at least `minValues` and the binomial chance of that many or more
 * is below `chanceBelow`. Computed percentages are never judged (their digits follow from
 * the rubric). SD Negeri Lulut 2's published figures (fractions of 24) stay below the bar.
 */
export function heapingSignals(
  studies: readonly {
    studyId: string;
    schoolId: string;
    schoolName: string;
    percentages: string[];
  }[],
  options: { minValues?: number; chanceBelow?: string } = {},
): TIntegritySignal[] {
  const minValues = options.minValues ?? 10;
  const bar = toDecimal(options.chanceBelow ?? '0.001');
  const signals: TIntegritySignal[] = [];
  for (const s of studies) {
    const n = s.percentages.length;
    if (n < minValues) continue;
    const heaped = s.percentages.filter((v) => /[05]$/.test(round2(v))).length;
    const chance = new D(binomialTail(n, heaped, '0.2'));
    if (!chance.lessThan(bar)) continue;
    const share = round2(new D(heaped).times(100).dividedBy(n));
    const shown = chance.lessThan('0.000001')
      ? '< 0.000001'
      : chance.toSignificantDigits(2).toFixed();
    signals.push({
      key: `heaping:${s.studyId}:${heaped}/${n}`,
      kind: 'heaping',
      schoolId: s.schoolId,
      schoolName: s.schoolName,
      cycleId: null,
      studyId: s.studyId,
      figures: { values: String(n), endingIn0or5: String(heaped), share, chance: shown },
      message: {
        id: `${heaped} dari ${n} persentase yang diketik (${formatId(share)}%) berakhir dengan angka 0 atau 5; wajarnya sekitar 20%. Peluang kebetulan ${shown.replace('.', ',')}. Perlu dicek.`,
        en: `${heaped} of ${n} typed percentages (${share}%) end in 0 or 5; about 20% would be usual. Chance of this: ${shown}. Worth checking.`,
      },
    });
  }
  return signals;
}
