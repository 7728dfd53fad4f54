import { D, round2, type TDecimal } from './decimal';
import type { TBilingual } from './errors';
import { listIndicators, type TRubricDefinition } from './rubric';
import type { TIndicatorScore } from './scoring';
import { localDate, type TTimeZone } from './time';

/*
 * Follow-up plans (rencana tindak lanjut, RTL; issue 17). After an observation the
 * principal and the teacher agree which indicators to improve, what to do, who supports,
 * and by when; the next cycle's sheet of that teacher checks it. Everything here is pure:
 * which indicators to suggest, and whether the named indicators improved, from the raw
 * scores of the two sheets, exactly.
 */

export const FOLLOW_UP_SUPPORTS = ['peer', 'principal', 'kkg'] as const;
export type TFollowUpSupport = (typeof FOLLOW_UP_SUPPORTS)[number];

/** open -> done, or open -> carried (a new open plan continues it in the next cycle). */
export const FOLLOW_UP_STATUSES = ['open', 'done', 'carried'] as const;
export type TFollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const FOLLOW_UP_SUPPORT_LABELS: Record<TFollowUpSupport, TBilingual> = {
  peer: { id: 'Guru sejawat', en: 'Peer teacher' },
  principal: { id: 'Kepala sekolah', en: 'Principal' },
  kkg: { id: 'KKG (Kelompok Kerja Guru)', en: 'KKG (teachers’ working group)' },
};

export const FOLLOW_UP_STATUS_LABELS: Record<TFollowUpStatus, TBilingual> = {
  open: { id: 'terbuka', en: 'open' },
  done: { id: 'selesai', en: 'done' },
  carried: { id: 'dilanjutkan', en: 'carried over' },
};

export const FOLLOW_UP_VERDICT_LABELS: Record<TFollowUpProgress['verdict'], TBilingual> = {
  improved: { id: 'Meningkat', en: 'Improved' },
  mixed: { id: 'Sebagian meningkat', en: 'Partly improved' },
  'not-improved': { id: 'Belum meningkat', en: 'Not improved' },
  'not-yet-scored': { id: 'Belum dinilai ulang', en: 'Not yet scored again' },
};

export type TScores = Record<string, TIndicatorScore>;

/**
 * The indicators worth a plan: the scored ones of a sheet, lowest share of their scale
 * first (score - min) / (max - min), then in rubric order; at most `count`. A summary
 * rubric, or a sheet without scores, suggests nothing.
 */
export function suggestFollowUpIndicators(
  def: TRubricDefinition,
  scores: TScores | null,
  count = 3,
): string[] {
  if (def.mode !== 'indicators' || !scores) return [];
  const ranked = listIndicators(def)
    .map((indicator, order) => {
      const score = scores[indicator.key];
      if (score === undefined || score === 'na') return null;
      const { min, max } = indicator.scale;
      return { key: indicator.key, order, share: new D(score - min).dividedBy(max - min) };
    })
    .filter((r) => r !== null);
  ranked.sort((a, b) => a.share.comparedTo(b.share) || a.order - b.order);
  // Only indicators below the top of their scale need a plan.
  return ranked
    .filter((r) => r.share.lessThan(1))
    .slice(0, count)
    .map((r) => r.key);
}

export type TIndicatorChange = 'improved' | 'same' | 'declined';

export interface TFollowUpIndicatorProgress {
  key: string;
  text: string;
  max: number;
  /** The score on the plan's sheet; null when not scored there ('na' or no sheet). */
  before: number | null;
  /** The score on the next cycle's sheet; null until it is scored. */
  after: number | null;
  change: TIndicatorChange | null;
}

export interface TFollowUpProgress {
  indicators: TFollowUpIndicatorProgress[];
  /**
   * Weighted points earned / possible x 100 over the named indicators scored on both
   * sheets (two places). Until the next sheet scores one, `before` covers the indicators
   * scored on the plan's own sheet and `after` is null. For a summary rubric: the sheets'
   * percentages.
   */
  before: string | null;
  after: string | null;
  /** after - before in points, two places; null until both exist. */
  points: string | null;
  /** Every named indicator scored on both sheets went up, or (summary) the percentage did. */
  verdict: 'improved' | 'mixed' | 'not-improved' | 'not-yet-scored';
}

const compare = (a: number, b: number): TIndicatorChange =>
  b > a ? 'improved' : b < a ? 'declined' : 'same';

/**
 * Whether the plan's indicators improved between its sheet and the next cycle's sheet of
 * the same teacher. Raw scores in, exact figures out: the share of weighted points over
 * the indicators scored on both sheets, as scoreObservation computes a sheet's.
 */
export function followUpProgress(
  def: TRubricDefinition,
  indicatorKeys: readonly string[],
  before: { scores: TScores | null; percentage: string } | null,
  after: { scores: TScores | null; percentage: string } | null,
): TFollowUpProgress {
  if (def.mode === 'summary' || indicatorKeys.length === 0) {
    const b = before?.percentage ?? null;
    const a = after?.percentage ?? null;
    const points = a !== null && b !== null ? round2(new D(a).minus(b)) : null;
    return {
      indicators: [],
      before: b,
      after: a,
      points,
      verdict:
        points === null
          ? 'not-yet-scored'
          : new D(points).greaterThan(0)
            ? 'improved'
            : 'not-improved',
    };
  }
  const byKey = new Map(listIndicators(def).map((i) => [i.key, i]));
  const scoreOf = (scores: TScores | null | undefined, key: string): number | null => {
    const s = scores?.[key];
    return s === undefined || s === 'na' ? null : s;
  };
  let earnedBefore: TDecimal = new D(0);
  let earnedAfter: TDecimal = new D(0);
  let possible: TDecimal = new D(0);
  const indicators: TFollowUpIndicatorProgress[] = [];
  for (const key of indicatorKeys) {
    const indicator = byKey.get(key);
    if (!indicator) continue;
    const b = scoreOf(before?.scores, key);
    const a = scoreOf(after?.scores, key);
    const both = a !== null && b !== null;
    if (both) {
      const weight = new D(indicator.weight ?? 1);
      earnedBefore = earnedBefore.plus(weight.times(b));
      earnedAfter = earnedAfter.plus(weight.times(a));
      possible = possible.plus(weight.times(indicator.scale.max));
    }
    indicators.push({
      key,
      text: indicator.text,
      max: indicator.scale.max,
      before: b,
      after: a,
      change: both ? compare(b, a) : null,
    });
  }
  const compared = indicators.filter((i) => i.change !== null);
  if (compared.length === 0 || possible.isZero()) {
    // Not yet scored again: the plan's own sheet, over the indicators scored on it.
    return {
      indicators,
      before: shareOf(indicatorKeys, byKey, (key) => scoreOf(before?.scores, key)),
      after: null,
      points: null,
      verdict: 'not-yet-scored',
    };
  }
  const share = (earned: TDecimal) => earned.dividedBy(possible).times(100);
  const b = round2(share(earnedBefore));
  const a = round2(share(earnedAfter));
  const improved = compared.filter((i) => i.change === 'improved').length;
  return {
    indicators,
    before: b,
    after: a,
    // From the rounded shares shown, as gains of means are (gains.ts).
    points: round2(new D(a).minus(b)),
    verdict: improved === compared.length ? 'improved' : improved === 0 ? 'not-improved' : 'mixed',
  };
}

/** Weighted points / possible x 100 over the indicators with a score, or null if none. */
function shareOf(
  keys: readonly string[],
  byKey: Map<string, ReturnType<typeof listIndicators>[number]>,
  score: (key: string) => number | null,
): string | null {
  let earned: TDecimal = new D(0);
  let possible: TDecimal = new D(0);
  for (const key of keys) {
    const indicator = byKey.get(key);
    const s = score(key);
    if (!indicator || s === null) continue;
    const weight = new D(indicator.weight ?? 1);
    earned = earned.plus(weight.times(s));
    possible = possible.plus(weight.times(indicator.scale.max));
  }
  return possible.isZero() ? null : round2(earned.dividedBy(possible).times(100));
}

const DAY = 86_400_000;

/** Whole days from calendar day `from` to calendar day `to` ('YYYY-MM-DD'); negative if earlier. */
export function daysBetweenDates(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/**
 * Calendar days an instant is behind now, in the district's zone: submitted at 23:30 WIB
 * and read at 00:10 WIB the next day is one day, not zero.
 */
export function calendarDaysSince(instant: string | Date, now: Date, zone: TTimeZone): number {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  return daysBetweenDates(localDate(at, zone), localDate(now, zone));
}

/** A plan's state on a district calendar day: due within `soonDays`, overdue, or neither. */
export function followUpDueState(
  plan: { status: TFollowUpStatus; dueOn: string },
  today: string,
  soonDays = 7,
): 'overdue' | 'due-soon' | null {
  if (plan.status !== 'open') return null;
  const days = daysBetweenDates(today, plan.dueOn);
  if (days < 0) return 'overdue';
  return days <= soonDays ? 'due-soon' : null;
}
