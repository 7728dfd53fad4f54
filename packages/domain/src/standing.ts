import { z } from 'zod';
import type { TBandSet } from './bands';
import {
  evaluateInstrumentCriteria,
  type TCriteriaArg,
  type TCriteriaEvaluation,
  type TCriteriaInput,
  type TInstrumentCriteriaInput,
} from './criteria';
import { CYCLE_STATUS_LABELS, cycleLabel, type TCycleStatus } from './cycle';
import { AppError, type TBilingual } from './errors';

/*
 * Which cycles count as results. A figure a supervisor or a report reads is based on
 * approved cycles by default; the reader may choose to include submitted ones (still
 * awaiting review). Drafts and returned cycles are the principal's work in progress and
 * never count. The db package's SQL (repositories/comparison.ts) applies the same rule and
 * is property-tested against these functions.
 */

export const FIGURE_BASES = ['approved', 'submitted'] as const;
/** 'approved': approved cycles only (default); 'submitted': approved and submitted ones. */
export type TFigureBasis = (typeof FIGURE_BASES)[number];
export const ZFigureBasis = z.enum(FIGURE_BASES);
export const DEFAULT_FIGURE_BASIS: TFigureBasis = 'approved';

/** The statuses whose cycles count under `basis`, for SQL `status in (...)` too. */
export function countedStatuses(basis: TFigureBasis): TCycleStatus[] {
  return basis === 'submitted' ? ['approved', 'submitted'] : ['approved'];
}

export function countsAsResult(status: TCycleStatus, basis: TFigureBasis): boolean {
  return countedStatuses(basis).includes(status);
}

/**
 * The cycles a study's figures are read from: the baseline (ordinal 0) when it counts, and
 * the latest counted cycle with at least one observation. Gains need both and a latest
 * past the baseline. Null where nothing counts.
 */
export function resultCycles<C extends { ordinal: number; status: TCycleStatus; n: number }>(
  cycles: readonly C[],
  basis: TFigureBasis,
): { baseline: C | null; latest: C | null } {
  const counted = cycles.filter((c) => countsAsResult(c.status, basis));
  const baseline = counted.find((c) => c.ordinal === 0 && c.n > 0) ?? null;
  let latest: C | null = null;
  for (const c of counted) {
    if (c.n > 0 && (latest === null || c.ordinal > latest.ordinal)) latest = c;
  }
  return { baseline, latest };
}

/** How much of the school's active roster a cycle observed. */
export type TRosterCoverage = {
  /** Active teachers of the roster with an observation in the cycle. */
  observed: number;
  /** Active teachers of the school's roster. */
  roster: number;
  /** Every active teacher observed (and there is at least one). */
  complete: boolean;
};

export function rosterCoverage(observedActive: number, roster: number): TRosterCoverage {
  return { observed: observedActive, roster, complete: roster > 0 && observedActive >= roster };
}

/** "belum lengkap: 1 dari 6 guru". */
export function incompleteMessage(c: TRosterCoverage): TBilingual {
  return {
    id: `belum lengkap: ${c.observed} dari ${c.roster} guru diobservasi`,
    en: `incomplete: ${c.observed} of ${c.roster} teachers observed`,
  };
}

/** "sementara: 1 dari 6 guru diobservasi, belum ditinjau" for a cycle that is not approved. */
export function provisionalMessage(status: TCycleStatus, c: TRosterCoverage): TBilingual {
  const review: TBilingual =
    status === 'submitted'
      ? { id: 'belum ditinjau', en: 'not yet reviewed' }
      : {
          id: `${CYCLE_STATUS_LABELS[status].id.toLowerCase()}, belum diajukan`,
          en: `${CYCLE_STATUS_LABELS[status].en.toLowerCase()}, not submitted`,
        };
  return {
    id: `sementara: ${c.observed} dari ${c.roster} guru diobservasi, ${review.id}`,
    en: `provisional: ${c.observed} of ${c.roster} teachers observed, ${review.en}`,
  };
}

/**
 * Where a cycle stands as a result: whether it counts under `basis`, whether it is
 * provisional (anything not approved) and how much of the roster it covers, with the
 * label a screen or report shows next to its figures (null for an approved, complete one).
 */
export type TCycleStanding = {
  counted: boolean;
  provisional: boolean;
  coverage: TRosterCoverage;
  label: TBilingual | null;
};

export function cycleStanding(args: {
  status: TCycleStatus;
  basis: TFigureBasis;
  observedActive: number;
  roster: number;
}): TCycleStanding {
  const coverage = rosterCoverage(args.observedActive, args.roster);
  const provisional = args.status !== 'approved';
  return {
    counted: countsAsResult(args.status, args.basis),
    provisional,
    coverage,
    label: provisional
      ? provisionalMessage(args.status, coverage)
      : coverage.complete
        ? null
        : incompleteMessage(coverage),
  };
}

/**
 * The success-criteria verdict, judged only on a cycle that observed every active teacher
 * of the roster: otherwise `met` is null and the message says how far it got. One teacher
 * out of six meeting a threshold is not the school meeting it.
 */
export type TJudgedCriteria =
  | (TCriteriaEvaluation & { complete: true })
  | (Omit<TCriteriaEvaluation, 'met'> & { met: null; complete: false });

export function judgeCriteria(
  criteria: TCriteriaArg,
  input: TCriteriaInput,
  bandSet: TBandSet,
  coverage: TRosterCoverage,
): TJudgedCriteria {
  return judgeInstrumentCriteria(criteria, [{ key: null, input, bandSet }], coverage);
}

/**
 * judgeCriteria for a study of several instruments (decision 022): each clause on its
 * instrument's figures; `coverage` is the least complete instrument's.
 */
export function judgeInstrumentCriteria(
  criteria: TCriteriaArg,
  instruments: readonly TInstrumentCriteriaInput[],
  coverage: TRosterCoverage,
): TJudgedCriteria {
  const evaluation = evaluateInstrumentCriteria(criteria, instruments);
  if (coverage.complete) return { ...evaluation, complete: true };
  const why = incompleteMessage(coverage);
  return {
    ...evaluation,
    met: null,
    complete: false,
    message: {
      id: `Kriteria keberhasilan belum dapat dinilai: ${why.id}`,
      en: `Success criteria cannot be judged yet: ${why.en}`,
    },
  };
}

/**
 * A closed study's final verdict: the criteria verdict on its last approved cycle past the
 * baseline that observed the whole roster, kept as it read when the study was closed.
 */
export const ZFinalVerdict = z.object({
  ordinal: z.number().int().min(1),
  met: z.boolean(),
  n: z.number().int().min(0),
  mean: z.string().nullable(),
  message: z.object({ id: z.string(), en: z.string() }),
});
export type TFinalVerdict = z.infer<typeof ZFinalVerdict>;

/** What closing reads of each cycle. */
export type TClosingCycle = {
  ordinal: number;
  status: TCycleStatus;
  n: number;
  mean: string | null;
  criteria: TJudgedCriteria;
};

/**
 * Whether a study may be closed now, and with which verdict. Every cycle must be approved
 * (nothing in progress or awaiting review is left behind a closed study), and at least one
 * approved cycle past the baseline must have observed every active teacher, since that is
 * the only cycle a verdict can be read from. Refusals are CONFLICT naming the cycle.
 */
export function finalVerdict(cycles: readonly TClosingCycle[]): TFinalVerdict {
  const open = [...cycles]
    .sort((a, b) => a.ordinal - b.ordinal)
    .find((c) => c.status !== 'approved');
  if (open) {
    const s = CYCLE_STATUS_LABELS[open.status];
    throw new AppError(
      'CONFLICT',
      {
        id: `${cycleLabel(open.ordinal, 'id')} masih berstatus ${s.id.toLowerCase()}; penelitian hanya dapat ditutup bila semua siklus disetujui.`,
        en: `${cycleLabel(open.ordinal, 'en')} is still ${s.en.toLowerCase()}; a study can be closed only when every cycle is approved.`,
      },
      { field: 'studyId', details: { ordinal: open.ordinal, status: open.status } },
    );
  }
  let last: TClosingCycle | null = null;
  for (const c of cycles) {
    if (c.ordinal > 0 && c.criteria.complete && (last === null || c.ordinal > last.ordinal)) {
      last = c;
    }
  }
  if (last === null || last.criteria.met === null) {
    throw new AppError(
      'CONFLICT',
      {
        id: 'Belum ada siklus yang disetujui dengan semua guru aktif diobservasi; penelitian belum dapat ditutup.',
        en: 'No approved cycle has observed every active teacher yet; the study cannot be closed.',
      },
      { field: 'studyId' },
    );
  }
  const label = { id: cycleLabel(last.ordinal, 'id'), en: cycleLabel(last.ordinal, 'en') };
  return {
    ordinal: last.ordinal,
    met: last.criteria.met,
    n: last.n,
    mean: last.mean,
    message: {
      id: `${label.id}: ${last.criteria.message.id}`,
      en: `${label.en}: ${last.criteria.message.en}`,
    },
  };
}
