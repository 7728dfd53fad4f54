import { assertPercentage, D, exactMean, round2 } from './decimal';
import { badRequest } from './errors';

export type TGainCategory = 'high' | 'medium' | 'low';

export type TGain = {
  /** post - pre in percentage points, two places ("11.19"). */
  points: string;
  /** (post - pre) / (100 - pre), two places; null when pre = 100 (no room to gain). */
  normalized: string | null;
  /** high >= 0.70, medium >= 0.30, low below (Hake), from the rounded figure; null with it. */
  category: TGainCategory | null;
};

/** Classifies a normalised gain as shown (two places). */
export function gainCategory(normalized: string): TGainCategory {
  const g = new D(normalized);
  if (g.greaterThanOrEqualTo('0.70')) return 'high';
  if (g.greaterThanOrEqualTo('0.30')) return 'medium';
  return 'low';
}

/** The gain from pre to post (both percentages 0-100). */
export function gain(pre: string, post: string): TGain {
  const a = assertPercentage(pre, 'pre');
  const b = assertPercentage(post, 'post');
  const points = round2(b.minus(a));
  const room = new D(100).minus(a);
  if (room.isZero()) return { points, normalized: null, category: null };
  const normalized = round2(b.minus(a).dividedBy(room));
  return { points, normalized, category: gainCategory(normalized) };
}

export type TTeacherPercentage = { teacherId: string; percentage: string };

export type TTeacherGain = TGain & { teacherId: string; pre: string; post: string };

export type TTeacherGains = {
  /** Teachers observed in both cycles, in the order of `post`. */
  gains: TTeacherGain[];
  /** Teachers observed in only one cycle; `missingFrom` names the cycle without them. */
  missing: { teacherId: string; missingFrom: 'pre' | 'post' }[];
};

function byTeacher(rows: readonly TTeacherPercentage[], side: 'pre' | 'post') {
  const map = new Map<string, string>();
  rows.forEach((row, i) => {
    if (map.has(row.teacherId)) {
      throw badRequest(
        `Guru ${row.teacherId} muncul dua kali dalam data ${side}`,
        `Teacher ${row.teacherId} appears twice in the ${side} data`,
        `${side}.${i}.teacherId`,
      );
    }
    map.set(row.teacherId, row.percentage);
  });
  return map;
}

/**
 * Per-teacher gains between two cycles, paired by teacher id. A teacher who joined or
 * left between the cycles is listed under `missing` instead of failing the whole table.
 */
export function teacherGains(
  pre: readonly TTeacherPercentage[],
  post: readonly TTeacherPercentage[],
): TTeacherGains {
  const before = byTeacher(pre, 'pre');
  const after = byTeacher(post, 'post');
  const gains: TTeacherGain[] = [];
  const missing: TTeacherGains['missing'] = [];
  for (const [teacherId, postValue] of after) {
    const preValue = before.get(teacherId);
    if (preValue === undefined) {
      missing.push({ teacherId, missingFrom: 'pre' });
    } else {
      gains.push({
        teacherId,
        pre: round2(preValue),
        post: round2(postValue),
        ...gain(preValue, postValue),
      });
    }
  }
  for (const teacherId of before.keys()) {
    if (!after.has(teacherId)) missing.push({ teacherId, missingFrom: 'post' });
  }
  return { gains, missing };
}

export type TMeanGain = TGain & { preMean: string; postMean: string };

/**
 * The gain between two cycles' means. It uses the rounded means shown on screen, so the
 * figures a reader checks by hand (65.08 - 53.48 = 11.60) agree. Null when a cycle is empty.
 */
export function gainOfMeans(pre: readonly string[], post: readonly string[]): TMeanGain | null {
  if (pre.length === 0 || post.length === 0) return null;
  const preMean = round2(exactMean(pre.map((p, i) => assertPercentage(p, `pre.${i}`))));
  const postMean = round2(exactMean(post.map((p, i) => assertPercentage(p, `post.${i}`))));
  return { preMean, postMean, ...gain(preMean, postMean) };
}
