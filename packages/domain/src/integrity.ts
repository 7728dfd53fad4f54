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
  'narrative-claim',
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

export type TScoreVector = {
  /** Scores in indicator-key order, "na" for not applicable: "3,3,2,na,4". */
  vector: string;
  indicators: number;
  scored: number;
  distinctScores: number;
  /** The one score of a sheet whose every scored indicator has it; null otherwise. */
  flatScore: number | null;
};

/**
 * A sheet's score vector, as the database keeps it beside each observation
 * (observation_score_vectors, proven equal in db's score-vectors.test.ts). Keys sort in
 * code-unit order, which Postgres's `collate "C"` matches for the ASCII keys rubrics use.
 * Null for a sheet without indicator scores (a summary rubric).
 */
export function scoreVector(scores: Readonly<Record<string, number | 'na'>>): TScoreVector | null {
  const keys = Object.keys(scores).sort();
  if (keys.length === 0) return null;
  const values = keys.map((k) => scores[k]!);
  const numbers = values.filter((v): v is number => v !== 'na');
  const distinct = new Set(numbers);
  return {
    vector: values.map(String).join(','),
    indicators: keys.length,
    scored: numbers.length,
    distinctScores: distinct.size,
    flatScore: distinct.size === 1 ? numbers[0]! : null,
  };
}

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

/** (sheets - 1) · chanceOfRepeat(vector): the chance matches expected among `sheets`. */
export function expectedChanceMatches(vector: string, sheets: number) {
  return new D(chanceOfRepeat(vector)).times(Math.max(sheets - 1, 1));
}

/**
 * Whether a repeated vector is rare enough to be a signal, before its sheets are fetched:
 * the database lists repeated vectors with counts only, and fetches the sheets of these.
 */
export function isRareVector(
  vector: string,
  sheets: number,
  options: { chanceBelow?: string } = {},
): boolean {
  const bar = toDecimal(options.chanceBelow ?? INTEGRITY_DEFAULTS.chanceBelow);
  return expectedChanceMatches(vector, sheets).lessThan(bar);
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
    const expected = expectedChanceMatches(g.vector, g.sheets);
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
// Heaping: typed percentages rounder than the grid their own digits allow

/**
 * P(X >= k) for X ~ Binomial(n, p), in decimals at 64 digits: the first term
 * C(n, k)·p^k·q^(n-k), then each next one by the ratio (n-j)/(j+1)·p/q (a power per term
 * made a district's heaping check take seconds).
 */
export function binomialTail(n: number, k: number, p: string): string {
  if (k <= 0) return '1';
  if (k > n) return '0';
  const P = new D(p);
  const q = new D(1).minus(P);
  if (P.isZero()) return '0';
  if (q.isZero()) return '1';
  let choose = new D(1);
  for (let j = 1; j <= k; j++) choose = choose.times(n - j + 1).dividedBy(j);
  let term = choose.times(P.pow(k)).times(q.pow(n - k));
  let total = term;
  const ratio = P.dividedBy(q);
  for (let j = k; j < n; j++) {
    term = term
      .times(n - j)
      .dividedBy(j + 1)
      .times(ratio);
    total = total.plus(term);
  }
  return total.toString();
}

/**
 * The grids an honest typed percentage can sit on, as the sheet maximum M that makes the
 * grid (values round2(k · 100 / M), k = 0..M): a score out of any total up to 200 points
 * (M = 40 gives multiples of 2.5, M = 20 multiples of 5), and the decimal precisions a
 * paper prints: one decimal (M = 1000), the mean of two one-decimal figures (M = 2000)
 * and two decimals (M = 10000, every value fits).
 */
export const HEAPING_GRIDS: readonly number[] = [
  ...Array.from({ length: 200 }, (_, i) => i + 1),
  1000,
  2000,
  10000,
];

/*
 * The grid arithmetic runs on whole hundredths (35.75 is 3575) in integers, exact: every
 * product stays below 10^9, far inside a double's exact integers. A district holds tens of
 * thousands of typed values tried against 203 grids; decimals made that 20 s.
 */
const hundredths = (value: string) =>
  // numeric(5,2) text as the database gives it is read directly; anything else via round2.
  Number((/^\d{1,3}\.\d\d$/.test(value) ? value : round2(value)).replace('.', ''));
const isMultipleOf5 = (value: string) => hundredths(value) % 500 === 0;

/** round2(k · 100 / max) in hundredths: half-up rounding of k · 10000 / max. */
const gridPoint = (k: number, max: number) => Math.floor((2 * k * 10000 + max) / (2 * max));

function onGridHundredths(c: number, max: number): boolean {
  // The nearest k (half-up) is the only candidate: grid points are at least 0.5 apart.
  const k = Math.floor((2 * c * max + 10000) / 20000);
  return gridPoint(k, max) === c;
}

/** Whether a two-decimal percentage is round2(k · 100 / M) for a whole k. */
export function onGrid(value: string, max: number): boolean {
  return onGridHundredths(hundredths(value), max);
}

const gridShares = new Map<number, string>();
/**
 * The share of a grid's points in [0, 100] that are multiples of 5: how often an honest
 * value on that grid is "round" (1 for a 20-point sheet, 21/201 for halves, 21/10001 for
 * two decimals). Exact; memoised, since the grids are fixed.
 */
export function roundShareOfGrid(max: number): string {
  let share = gridShares.get(max);
  if (share === undefined) {
    let round = 0;
    for (let k = 0; k <= max; k++) if (gridPoint(k, max) % 500 === 0) round++;
    share = new D(round).dividedBy(max + 1).toString();
    gridShares.set(max, share);
  }
  return share;
}

/**
 * The most generous honest grid for a set of values: among the grids that all but one
 * value in ten (at least one) sit on, the one where round values are commonest. A paper
 * may mix in a figure computed another way (SD Negeri Lulut 2's 42.67 among halves of
 * one-decimal figures), hence the allowance; the most generous grid errs towards silence.
 */
export function honestGrid(values: readonly string[]): { max: number; roundShare: string } {
  const allowedOff = Math.max(1, Math.floor(values.length / 10));
  const count = new Map<number, number>();
  for (const c of values.map(hundredths)) count.set(c, (count.get(c) ?? 0) + 1);
  const cs = [...count.keys()];
  let best = { max: 10000, roundShare: roundShareOfGrid(10000) };
  for (const max of HEAPING_GRIDS) {
    let off = 0;
    for (const c of cs) {
      if (!onGridHundredths(c, max)) off += count.get(c)!;
      if (off > allowedOff) break;
    }
    if (off > allowedOff) continue;
    const roundShare = roundShareOfGrid(max);
    if (new D(roundShare).greaterThan(best.roundShare)) best = { max, roundShare };
  }
  return best;
}

/**
 * A study's typed percentages (summary rubric) that are round (multiples of 5: 70, 75,
 * 80) far more often than the grid their own digits allow. Honest figures sit on a grid
 * (a score out of 40 is a multiple of 2.5; a paper printing one decimal ends every value
 * in 0), so the last digit alone says little: SD Negeri Lulut 2's published figures end in
 * 0 or 5 seventeen times in eighteen because they are one-decimal figures and their
 * halves, and none of them is round. The rule finds the most generous honest grid
 * (honestGrid), takes the share of round values it gives, and signals when there are at
 * least `minValues` values and the binomial chance of that many round ones or more is
 * below `chanceBelow`. A study whose every value is a multiple of 5 is what a 20-point
 * sheet gives, and is not flagged; heaping shows when finer figures betray a finer grid.
 * Computed percentages are never judged (their digits follow from the rubric).
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
    const round = s.percentages.filter(isMultipleOf5).length;
    const grid = honestGrid(s.percentages);
    // No more round values than expected: the median of a binomial is at least
    // floor(n·p), so the chance is at least one half; skip the tail.
    if (
      new D(round).lessThanOrEqualTo(new D(n).times(grid.roundShare).floor()) &&
      bar.lessThan('0.5')
    )
      continue;
    const chance = new D(binomialTail(n, round, grid.roundShare));
    if (!chance.lessThan(bar)) continue;
    const share = round2(new D(round).times(100).dividedBy(n));
    const expected = round2(new D(grid.roundShare).times(100));
    const step = trimZeros(round2(new D(100).dividedBy(grid.max)));
    const shown = chance.lessThan('0.000001')
      ? '< 0.000001'
      : chance.toSignificantDigits(2).toFixed();
    signals.push({
      key: `heaping:${s.studyId}:${round}/${n}`,
      kind: 'heaping',
      schoolId: s.schoolId,
      schoolName: s.schoolName,
      cycleId: null,
      studyId: s.studyId,
      figures: {
        values: String(n),
        multiplesOf5: String(round),
        share,
        gridStep: step,
        expectedShare: expected,
        chance: shown,
      },
      message: {
        id: `${round} dari ${n} persentase yang diketik (${formatId(share)}%) adalah kelipatan 5; dengan ketelitian angka-angka ini (kelipatan ${formatId(step)}) wajarnya sekitar ${formatId(expected)}%. Peluang kebetulan ${shown.replace('.', ',')}. Perlu dicek.`,
        en: `${round} of ${n} typed percentages (${share}%) are multiples of 5; at these figures' precision (multiples of ${step}) about ${expected}% would be usual. Chance of this: ${shown}. Worth checking.`,
      },
    });
  }
  return signals;
}
