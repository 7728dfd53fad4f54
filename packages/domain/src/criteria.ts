import { z } from 'zod';
import { bandIndex, bandLabels, type TBandSet } from './bands';
import { D, formatId, meanOf, round2, toDecimal, trimZeros } from './decimal';
import { badRequest, type TBilingual } from './errors';
import { zText } from './inputs/text';
import { listIndicators, type TRubricDefinition } from './rubric';
import type { TIndicatorScore } from './scoring';
import { summarizeCycle } from './summary';
import { bi } from './zod-error';

/*
 * Success criteria as papers state them (docs/decisions/017-success-criteria-clauses.md):
 * a list of clauses combined with AND, each a comparison (>= "minimal", > "lebih dari") of
 * one figure of the cycle against a threshold:
 *
 * - `mean`: the cycle mean ("rata-rata minimal 71,00");
 * - `bandShare`: the share of teachers in `band` or a higher one ("minimal 80% guru
 *   berkategori Baik atau lebih"; 100% with >= is "semua guru");
 * - `passShare`: the share of teachers whose percentage reaches the pass mark `kkm`
 *   (>= always: "mencapai nilai minimal 78"), independent of the bands ("lebih dari 75%
 *   guru mencapai nilai minimal 78");
 * - `indicatorMean`: every indicator's mean achievement ("setiap indikator lebih dari 80%").
 *
 * Every figure is compared as shown (rounded half-up to two places), so a verdict agrees
 * with the figures on screen.
 */

/** A threshold percentage: 0 to 100, at most two decimals ("71", "71.00", "80"). */
const ZThreshold = z
  .string()
  .trim()
  .regex(
    /^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/,
    bi(
      'Ambang harus angka 0 sampai 100 dengan paling banyak dua desimal',
      'A threshold must be a number from 0 to 100 with at most two decimals',
    ),
  );
const ZBandName = zText(
  { id: 'Kategori', en: 'The band' },
  {
    max: 40,
    required: true,
    requiredMessages: { id: 'Kategori wajib dipilih', en: 'A band is required' },
  },
);

export const COMPARISONS = ['>=', '>'] as const;
/** `>=`: "minimal" / at least; `>`: "lebih dari" / more than. */
export type TComparison = (typeof COMPARISONS)[number];
export const ZComparison = z.enum(COMPARISONS, {
  error: bi('Pembanding harus ≥ atau >', 'The comparison must be >= or >'),
});

/**
 * A study's instrument key ("rpp", "pelaksanaan"; the primary of an existing study is
 * "utama"): lowercase letters, digits and hyphens (decision 022).
 */
export const ZInstrumentKey = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9-]{1,30}$/,
    bi(
      'Kunci instrumen: huruf kecil, angka atau tanda hubung, paling banyak 30',
      'An instrument key: lowercase letters, digits or hyphens, at most 30',
    ),
  );

/** Which instrument a clause is judged on (decision 017); none = the study's primary. */
const instrumentField = { instrument: ZInstrumentKey.optional() };

export const CRITERION_KINDS = ['mean', 'bandShare', 'passShare', 'indicatorMean'] as const;
export type TCriterionKind = (typeof CRITERION_KINDS)[number];

export const ZCriterion = z
  .discriminatedUnion('kind', [
    /** The cycle mean (rounded) compared with `value`. */
    z.object({ kind: z.literal('mean'), op: ZComparison, value: ZThreshold, ...instrumentField }),
    /** The share of teachers in `band` or a higher band compared with `percent`. */
    z.object({
      kind: z.literal('bandShare'),
      op: ZComparison,
      percent: ZThreshold,
      band: ZBandName,
      ...instrumentField,
    }),
    /** The share of teachers whose percentage is at least the pass mark `kkm`. */
    z.object({
      kind: z.literal('passShare'),
      op: ZComparison,
      percent: ZThreshold,
      kkm: ZThreshold,
      ...instrumentField,
    }),
    /** Every indicator's mean achievement (percent of its maximum) compared with `value`. */
    z.object({
      kind: z.literal('indicatorMean'),
      op: ZComparison,
      value: ZThreshold,
      ...instrumentField,
    }),
  ])
  .superRefine((c, ctx) => {
    const threshold = c.kind === 'bandShare' || c.kind === 'passShare' ? c.percent : c.value;
    if (c.op === '>' && /^100(\.0+)?$/.test(threshold.trim())) {
      ctx.addIssue({
        code: 'custom',
        path: [c.kind === 'bandShare' || c.kind === 'passShare' ? 'percent' : 'value'],
        message: bi(
          'Lebih dari 100 tidak mungkin tercapai; pakai “minimal 100”',
          'More than 100 can never be met; use “at least 100”',
        ),
      });
    }
  });
export type TCriterion = z.infer<typeof ZCriterion>;

export const ZSuccessCriteria = z.object({
  criteria: z
    .array(ZCriterion)
    .min(
      1,
      bi(
        'Perlu minimal satu kriteria keberhasilan',
        'The success criteria need at least one criterion',
      ),
    )
    .max(10, bi('Paling banyak 10 kriteria', 'At most 10 criteria')),
});
export type TSuccessCriteria = z.infer<typeof ZSuccessCriteria>;

/** Either `{ criteria }` or the bare list; both readings of the contract work. */
export type TCriteriaArg = TSuccessCriteria | readonly TCriterion[];
function listOf(criteria: TCriteriaArg): readonly TCriterion[] {
  return 'criteria' in criteria ? criteria.criteria : criteria;
}

/** The pass marks (KKM) the criteria name, two places, each once, in order of appearance. */
export function passMarks(criteria: TCriteriaArg): string[] {
  const marks: string[] = [];
  for (const c of listOf(criteria)) {
    if (c.kind !== 'passShare') continue;
    const kkm = round2(c.kkm);
    if (!marks.includes(kkm)) marks.push(kkm);
  }
  return marks;
}

/** Whether any clause reads indicator means (so a reader must supply them). */
export function needsIndicatorMeans(criteria: TCriteriaArg): boolean {
  return listOf(criteria).some((c) => c.kind === 'indicatorMean');
}

export type TIndicatorMean = {
  key: string;
  /** Percent of the indicator's maximum, two places; null when nobody scored it (all "na"). */
  mean: string | null;
};

/** Aggregates a cycle's criteria are checked against; SQL can produce these directly. */
export type TCriteriaInput = {
  n: number;
  /** The mean (any number of places; it is rounded before comparing); null when n = 0. */
  mean: string | null;
  bandCounts: readonly { label: string; count: number }[];
  /** Per pass mark of the criteria (two places): teachers whose shown percentage reaches it. */
  passCounts?: readonly { kkm: string; count: number }[];
  /** Each indicator's mean, in rubric order; null for a rubric without indicator scores. */
  indicatorMeans?: readonly TIndicatorMean[] | null;
};

export type TCriterionResult = {
  criterion: TCriterion;
  met: boolean;
  /** The threshold with two places: a mean ("71.00") or a share of teachers ("80.00"). */
  required: string;
  /** The figure it was compared with, two places; null when no teacher was observed. */
  actual: string | null;
  /**
   * How far a failed clause is from passing, two places, in the clause's unit (points of
   * the mean, percentage points of the share); "0.00" when the figure equals the threshold
   * of a strict `>`. Null when met or when there is no figure yet.
   */
  shortfall: string | null;
  /** For a failed share: how many more teachers it needs; null otherwise. */
  teachersShort: number | null;
  message: TBilingual;
};

export type TCriteriaEvaluation = {
  met: boolean;
  results: TCriterionResult[];
  /** One sentence for the whole set, e.g. "Success criteria not met: 4 of 6 teachers below Baik". */
  message: TBilingual;
};

/** Throws BAD_REQUEST when a criterion names a band the band set does not have. */
export function assertCriteriaFitBands(criteria: TCriteriaArg, bandSet: TBandSet): void {
  listOf(criteria).forEach((criterion, i) => {
    assertClauseFitsBands(criterion, i, bandSet);
  });
}

function assertClauseFitsBands(criterion: TCriterion, i: number, bandSet: TBandSet): void {
  if (criterion.kind !== 'bandShare') return;
  if (bandIndex(bandSet, criterion.band) < 0) {
    const labels = bandLabels(bandSet).join(', ');
    throw badRequest(
      `Kategori “${criterion.band}” tidak ada dalam himpunan kategori (${labels})`,
      `Band “${criterion.band}” is not in the band set (${labels})`,
      `criteria.${i}.band`,
    );
  }
}

function checkCount(count: number, n: number, id: string, en: string, field: string): void {
  if (!Number.isInteger(count) || count < 0 || count > n) {
    throw badRequest(
      `Jumlah ${count} untuk ${id} harus bilangan bulat dari 0 sampai ${n}`,
      `Count ${count} for ${en} must be a whole number from 0 to ${n}`,
      field,
    );
  }
}

function checkInput(input: TCriteriaInput, bandSet: TBandSet): number[] {
  if (!Number.isInteger(input.n) || input.n < 0) {
    throw badRequest(
      `Jumlah guru ${input.n} harus bilangan bulat tidak negatif`,
      `Teacher count ${input.n} must be a non-negative integer`,
      'n',
    );
  }
  const counts = bandSet.bands.map(() => 0);
  input.bandCounts.forEach(({ label, count }, i) => {
    const index = bandIndex(bandSet, label);
    if (index < 0) {
      throw badRequest(
        `Kategori “${label}” tidak ada dalam himpunan kategori`,
        `Band “${label}” is not in the band set`,
        `bandCounts.${i}.label`,
      );
    }
    if (!Number.isInteger(count) || count < 0) {
      throw badRequest(
        `Jumlah ${count} untuk kategori “${label}” harus bilangan bulat tidak negatif`,
        `Count ${count} for band “${label}” must be a non-negative integer`,
        `bandCounts.${i}.count`,
      );
    }
    counts[index] = (counts[index] ?? 0) + count;
  });
  const total = counts.reduce((s, c) => s + c, 0);
  if (total !== input.n) {
    throw badRequest(
      `Jumlah per kategori (${total}) tidak sama dengan jumlah guru (${input.n})`,
      `The band counts add up to ${total}, not the teacher count ${input.n}`,
      'bandCounts',
    );
  }
  if (input.n > 0 && input.mean === null) {
    throw badRequest(
      'Rata-rata wajib diisi bila ada guru',
      'A mean is required when n > 0',
      'mean',
    );
  }
  (input.passCounts ?? []).forEach(({ kkm, count }, i) => {
    checkCount(count, input.n, `KKM ${kkm}`, `pass mark ${kkm}`, `passCounts.${i}.count`);
  });
  return counts;
}

const capitalize = (s: string) => s.charAt(0).toLocaleUpperCase('id') + s.slice(1);

/** Whether `actual op required`, both as shown (two places). */
function compare(actual: string, op: TComparison, required: string): boolean {
  const a = new D(actual);
  return op === '>' ? a.greaterThan(required) : a.greaterThanOrEqualTo(required);
}

/** "minimal 71,00" / "at least 71.00"; "lebih dari 75%" / "more than 75%". */
function phrase(op: TComparison, figure: string, lang: 'id' | 'en'): string {
  if (lang === 'id') return `${op === '>' ? 'lebih dari' : 'minimal'} ${formatId(figure)}`;
  return `${op === '>' ? 'more than' : 'at least'} ${figure}`;
}

/** The fewest teachers of n whose share (as shown) passes `op percent`; null if none does. */
function teachersNeeded(n: number, op: TComparison, percent: string): number | null {
  for (let k = 0; k <= n; k++) {
    if (compare(round2(new D(k).times(100).dividedBy(n)), op, percent)) return k;
  }
  return null;
}

type Fragment = { met: boolean; id: string; en: string };
type Outcome = Omit<TCriterionResult, 'criterion' | 'message'> & Fragment;

/** A clause's outcome with the sentence that says it (`teachersShort` only for shares). */
const outcome = (
  met: boolean,
  required: string,
  actual: string,
  shortfall: string | null,
  id: string,
  en: string,
  teachersShort: number | null = null,
): Outcome => ({ met, required, actual, shortfall, teachersShort, id, en });

/** A clause met: its figure reaches what is required, nothing short. */
const reached = (required: string, actual: string, id: string, en: string): Outcome =>
  outcome(true, required, actual, null, id, en);

/** A clause with no figure yet: nothing is met without evidence. */
const noFigure = (required: string, id: string, en: string): Outcome => ({
  met: false,
  required,
  actual: null,
  shortfall: null,
  teachersShort: null,
  id,
  en,
});

/** A share clause (band or pass mark): `good` of n teachers reach `what`. */
function shareResult(
  op: TComparison,
  percentText: string,
  n: number,
  good: number,
  what: {
    id: string;
    en: string;
    belowId: string;
    belowEn: string;
    noneId: string;
    noneEn: string;
  },
): Outcome {
  const required = round2(percentText);
  const need = trimZeros(required);
  const all = op === '>=' && required === '100.00';
  if (n === 0) {
    return noFigure(
      required,
      `belum ada guru yang diobservasi (${what.noneId})`,
      `no teacher observed yet (${what.noneEn})`,
    );
  }
  const below = n - good;
  const actual = round2(new D(good).times(100).dividedBy(n));
  const met = compare(actual, op, required);
  if (met) {
    return reached(
      required,
      actual,
      all
        ? `semua ${n} guru ${what.id}`
        : `${good} dari ${n} guru (${formatId(actual)}%) ${what.id}, ${phrase(op, `${need}`, 'id')}%`,
      all
        ? `all ${n} teachers ${what.en}`
        : `${good} of ${n} teachers (${actual}%) ${what.en}, ${phrase(op, need, 'en')}% required`,
    );
  }
  const shortfall = round2(new D(required).minus(actual));
  const needed = teachersNeeded(n, op, required);
  const teachersShort = needed === null ? null : needed - good;
  const moreId = teachersShort === null ? '' : `, perlu ${teachersShort} guru lagi`;
  const moreEn =
    teachersShort === null
      ? ''
      : `, ${teachersShort} more teacher${teachersShort === 1 ? '' : 's'} needed`;
  return outcome(
    met,
    required,
    actual,
    shortfall,
    all
      ? `${below} dari ${n} guru ${what.belowId}`
      : `${below} dari ${n} guru ${what.belowId}; hanya ${formatId(actual)}% ${what.id}, ${phrase(op, need, 'id')}% (kurang ${formatId(shortfall)} poin${moreId})`,
    all
      ? `${below} of ${n} teachers ${what.belowEn}`
      : `${below} of ${n} teachers ${what.belowEn}; only ${actual}% ${what.en}, ${phrase(op, need, 'en')}% required (${shortfall} points short${moreEn})`,
    teachersShort,
  );
}

function oneResult(
  criterion: TCriterion,
  input: TCriteriaInput,
  bandSet: TBandSet,
  counts: readonly number[],
): Outcome {
  const { n } = input;
  const { op } = criterion;
  if (criterion.kind === 'mean') {
    const required = round2(criterion.value);
    if (n === 0 || input.mean === null) {
      return noFigure(
        required,
        `rata-rata belum ada (${phrase(op, required, 'id')})`,
        `no mean yet (${phrase(op, required, 'en')} required)`,
      );
    }
    const actual = round2(toDecimal(input.mean, 'mean'));
    const met = compare(actual, op, required);
    const shortfall = met ? null : round2(new D(required).minus(actual));
    if (met) {
      return reached(
        required,
        actual,
        op === '>'
          ? `rata-rata ${formatId(actual)} lebih dari ${formatId(required)}`
          : `rata-rata ${formatId(actual)} mencapai minimal ${formatId(required)}`,
        op === '>'
          ? `mean ${actual} is above ${required}`
          : `mean ${actual} reaches the minimum ${required}`,
      );
    }
    return outcome(
      met,
      required,
      actual,
      shortfall,
      op === '>'
        ? `rata-rata ${formatId(actual)} tidak lebih dari ${formatId(required)} (kurang ${formatId(shortfall ?? '')} poin, harus di atas ${formatId(required)})`
        : `rata-rata ${formatId(actual)} di bawah minimal ${formatId(required)} (kurang ${formatId(shortfall ?? '')} poin)`,
      op === '>'
        ? `mean ${actual} is not above ${required} (${shortfall} points short, must exceed ${required})`
        : `mean ${actual} is below the minimum ${required} (${shortfall} points short)`,
    );
  }
  if (criterion.kind === 'bandShare') {
    const band = criterion.band;
    const good = counts.slice(bandIndex(bandSet, band)).reduce((s, c) => s + c, 0);
    return shareResult(op, criterion.percent, n, good, {
      id: `berkategori ${band} atau lebih`,
      en: `are ${band} or better`,
      belowId: `di bawah ${band}`,
      belowEn: `below ${band}`,
      noneId: `${band} atau lebih`,
      noneEn: `${band} or better`,
    });
  }
  if (criterion.kind === 'passShare') {
    const kkm = round2(criterion.kkm);
    const shown = trimZeros(kkm);
    const entry = (input.passCounts ?? []).find((p) => round2(p.kkm) === kkm);
    if (n > 0 && !entry) {
      throw badRequest(
        `Jumlah guru yang mencapai KKM ${formatId(shown)} tidak tersedia`,
        `The number of teachers reaching the pass mark ${shown} is missing`,
        'passCounts',
      );
    }
    return shareResult(op, criterion.percent, n, entry?.count ?? 0, {
      id: `mencapai nilai minimal ${formatId(shown)}`,
      en: `reach at least ${shown}`,
      belowId: `di bawah nilai ${formatId(shown)}`,
      belowEn: `below ${shown}`,
      noneId: `nilai minimal ${formatId(shown)}`,
      noneEn: `at least ${shown}`,
    });
  }
  // indicatorMean
  const required = round2(criterion.value);
  const what = phrase(op, required, 'id');
  const whatEn = phrase(op, required, 'en');
  const means = (input.indicatorMeans ?? []).filter(
    (m): m is { key: string; mean: string } => m.mean !== null,
  );
  if (n === 0 || input.indicatorMeans === undefined) {
    return noFigure(
      required,
      `rata-rata indikator belum ada (setiap indikator ${what})`,
      `no indicator means yet (every indicator ${whatEn} required)`,
    );
  }
  if (means.length === 0) {
    return noFigure(
      required,
      `instrumen ini tidak memiliki skor per indikator (setiap indikator ${what})`,
      `this rubric has no indicator scores (every indicator ${whatEn} required)`,
    );
  }
  const lowest = means.reduce((low, m) => (new D(m.mean).lessThan(low.mean) ? m : low));
  const actual = round2(lowest.mean);
  const failing = means.filter((m) => !compare(round2(m.mean), op, required));
  const met = failing.length === 0;
  if (met) {
    return reached(
      required,
      actual,
      `setiap indikator ${what} (terendah ${lowest.key}: ${formatId(actual)})`,
      `every indicator ${whatEn} (lowest ${lowest.key}: ${actual})`,
    );
  }
  const shortfall = round2(new D(required).minus(actual));
  const listId = failing.map((m) => `${m.key} ${formatId(round2(m.mean))}`).join(', ');
  const listEn = failing.map((m) => `${m.key} ${round2(m.mean)}`).join(', ');
  return outcome(
    met,
    required,
    actual,
    shortfall,
    `${failing.length} dari ${means.length} indikator belum ${what} (${listId}; terendah kurang ${formatId(shortfall)} poin)`,
    `${failing.length} of ${means.length} indicators not ${whatEn} (${listEn}; the lowest ${shortfall} points short)`,
  );
}

/**
 * Checks a cycle against the success criteria, all clauses combined with AND. Means and
 * shares are compared as shown (rounded to two places), so the verdict agrees with the
 * figures on screen. With n = 0 nothing is met: there is no evidence yet. A failed clause
 * says by how much it failed.
 */
export function evaluateCriteria(
  criteria: TCriteriaArg,
  input: TCriteriaInput,
  bandSet: TBandSet,
): TCriteriaEvaluation {
  return evaluateInstrumentCriteria(criteria, [{ key: null, input, bandSet }]);
}

/** One instrument's figures for the criteria: its key (null: the only one), aggregates and bands. */
export type TInstrumentCriteriaInput = {
  key: string | null;
  input: TCriteriaInput;
  bandSet: TBandSet;
};

/**
 * The instrument a clause is judged on: the one it names, else the primary (the first).
 * Throws BAD_REQUEST when it names an instrument the study does not have.
 */
export function instrumentOfClause<T extends { key: string | null }>(
  criterion: TCriterion,
  instruments: readonly T[],
  field = 'criteria',
): T {
  const named = criterion.instrument;
  const found =
    named === undefined || (instruments.length === 1 && instruments[0]?.key === null)
      ? instruments[0]
      : instruments.find((i) => i.key === named);
  if (!found) {
    const keys = instruments.map((i) => i.key ?? '').join(', ');
    throw badRequest(
      `Instrumen “${named}” tidak ada dalam penelitian ini (${keys})`,
      `Instrument “${named}” is not one of this study's (${keys})`,
      field,
    );
  }
  return found;
}

/**
 * Each clause with the instrument it is judged on; throws BAD_REQUEST when a clause names
 * an instrument the study lacks or a band its instrument's band set lacks. A study's start
 * checks its criteria with this.
 */
export function clausesByInstrument<T extends { key: string | null; bandSet: TBandSet }>(
  criteria: TCriteriaArg,
  instruments: readonly T[],
): { criterion: TCriterion; instrument: T }[] {
  return listOf(criteria).map((criterion, i) => {
    const instrument = instrumentOfClause(criterion, instruments, `criteria.${i}.instrument`);
    assertClauseFitsBands(criterion, i, instrument.bandSet);
    return { criterion, instrument };
  });
}

/**
 * Checks a cycle against criteria whose clauses may name an instrument (decision 022):
 * each clause is judged on its instrument's figures and band set (the primary, first, when
 * it names none), all combined with AND. With one instrument of key null it is exactly
 * evaluateCriteria.
 */
export function evaluateInstrumentCriteria(
  criteria: TCriteriaArg,
  instruments: readonly TInstrumentCriteriaInput[],
): TCriteriaEvaluation {
  const counts = new Map<TInstrumentCriteriaInput, number[]>();
  const clauses = clausesByInstrument(criteria, instruments);
  for (const instrument of instruments) {
    if (clauses.some((c) => c.instrument === instrument)) {
      counts.set(instrument, checkInput(instrument.input, instrument.bandSet));
    }
  }

  // Each result's fragment starts lowercase so fragments can be joined into one sentence.
  const fragments: Fragment[] = [];
  const results = clauses.map(({ criterion, instrument }): TCriterionResult => {
    const one = oneResult(criterion, instrument.input, instrument.bandSet, counts.get(instrument)!);
    const { id, en, ...result } = criterion.instrument
      ? {
          ...one,
          id: `${onInstrument(criterion.instrument, 'id')}${one.id}`,
          en: `${onInstrument(criterion.instrument, 'en')}${one.en}`,
        }
      : one;
    fragments.push({ met: result.met, id, en });
    return { criterion, ...result, message: { id: capitalize(id), en: capitalize(en) } };
  });

  const met = results.length > 0 && results.every((r) => r.met);
  const shown = met ? fragments : fragments.filter((f) => !f.met);
  return {
    met,
    results,
    message: met
      ? {
          id: `Kriteria keberhasilan tercapai: ${shown.map((f) => f.id).join('; ')}`,
          en: `Success criteria met: ${shown.map((f) => f.en).join('; ')}`,
        }
      : {
          id: `Kriteria keberhasilan belum tercapai: ${shown.map((f) => f.id).join('; ')}`,
          en: `Success criteria not met: ${shown.map((f) => f.en).join('; ')}`,
        },
  };
}

/** A sheet's indicator scores, as stored: a score or "na" per indicator key. */
export type TSheetScores = Readonly<Record<string, TIndicatorScore>>;

/**
 * Each indicator's mean achievement over a cycle's sheets: the scores given / (the sheets
 * that scored it x the scale maximum) x 100, rounded half-up once to two places (the
 * sheet's own "skor perolehan / skor maksimal", per indicator). "na" leaves a sheet out of
 * that indicator; an indicator nobody scored has a null mean. Null for a summary rubric.
 */
export function indicatorMeans(
  def: TRubricDefinition,
  sheets: readonly TSheetScores[],
): TIndicatorMean[] | null {
  if (def.mode !== 'indicators') return null;
  return listIndicators(def).map(({ key, scale }) => {
    let sum = new D(0);
    let scored = 0;
    for (const sheet of sheets) {
      const score = Object.hasOwn(sheet, key) ? sheet[key] : undefined;
      if (typeof score !== 'number') continue;
      sum = sum.plus(score);
      scored++;
    }
    return {
      key,
      mean: scored === 0 ? null : round2(sum.times(100).dividedBy(new D(scored).times(scale.max))),
    };
  });
}

/**
 * The figures evaluateCriteria needs, from a cycle's percentages: n, mean, band counts,
 * the teachers reaching each pass mark of `criteria`, and (given) the indicator means.
 */
export function criteriaInputFromPercentages(
  percentages: readonly string[],
  bandSet: TBandSet,
  criteria: TCriteriaArg = [],
  means?: readonly TIndicatorMean[] | null,
): TCriteriaInput {
  const summary = summarizeCycle(percentages, bandSet);
  const shown = percentages.map((p) => round2(p));
  const input: TCriteriaInput = {
    n: summary.n,
    mean: summary.n === 0 ? null : meanOf(percentages),
    bandCounts: summary.bands.map(({ label, count }) => ({ label, count })),
  };
  const marks = passMarks(criteria);
  if (marks.length > 0) {
    input.passCounts = marks.map((kkm) => ({
      kkm,
      count: shown.filter((p) => new D(p).greaterThanOrEqualTo(kkm)).length,
    }));
  }
  if (means !== undefined) input.indicatorMeans = means;
  return input;
}

function joinList(parts: string[], and: string): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} ${and} ${parts[parts.length - 1]}`;
}

/** "pada instrumen rpp: " / "on instrument rpp: ", before a clause that names one. */
function onInstrument(key: string, lang: 'id' | 'en'): string {
  return lang === 'id' ? `pada instrumen ${key}: ` : `on instrument ${key}: `;
}

/** One clause in words, lowercase: "lebih dari 75% guru mencapai nilai minimal 78". */
export function describeCriterion(c: TCriterion, lang: 'id' | 'en'): string {
  const text = describeClause(c, lang);
  return c.instrument ? `${onInstrument(c.instrument, lang)}${text}` : text;
}

function describeClause(c: TCriterion, lang: 'id' | 'en'): string {
  if (c.kind === 'mean') {
    const v = round2(c.value);
    if (lang === 'id') return `rata-rata ${phrase(c.op, v, 'id')}`;
    return `mean ${c.op === '>' ? 'above' : 'at least'} ${v}`;
  }
  if (c.kind === 'indicatorMean') {
    const v = round2(c.value);
    if (lang === 'id') return `rata-rata setiap indikator ${phrase(c.op, v, 'id')}`;
    return `every indicator's mean ${c.op === '>' ? 'above' : 'at least'} ${v}`;
  }
  const p = trimZeros(round2(c.percent));
  const all = c.op === '>=' && p === '100';
  const share = (id: string, en: string) =>
    lang === 'id'
      ? all
        ? `semua guru ${id}`
        : `${phrase(c.op, p, 'id')}% guru ${id}`
      : all
        ? `all teachers ${en}`
        : `${phrase(c.op, p, 'en')}% of teachers ${en}`;
  if (c.kind === 'bandShare') {
    return share(`berkategori ${c.band} atau lebih`, `${c.band} or better`);
  }
  const kkm = trimZeros(round2(c.kkm));
  return share(`mencapai nilai minimal ${formatId(kkm)}`, `reaching at least ${kkm}`);
}

/**
 * The criteria as one sentence: "Rata-rata minimal 71,00 dan lebih dari 75% guru mencapai
 * nilai minimal 78" / "Mean at least 71.00 and more than 75% of teachers reaching at least 78".
 */
export function describeCriteria(criteria: TCriteriaArg, lang: 'id' | 'en'): string {
  const parts = listOf(criteria).map((c) => describeCriterion(c, lang));
  return capitalize(joinList(parts, lang === 'id' ? 'dan' : 'and'));
}
