import { z } from 'zod';
import { assertPercentage, D, exactMean, formatId, round2 } from './decimal';
import { badRequest, type TBilingual } from './errors';
import { bi } from './zod-error';

export type TGainCategory = 'high' | 'medium' | 'low';

/*
 * A gain is printed three ways in PTS reports (decision 017): in points ("naik 11,96%"),
 * as a relative increase ((post - pre) / pre, "naik 26,67%"), or as Hake's normalised gain.
 * Siklus computes all three and labels each; a study chooses which it shows first.
 */
export const GAIN_CONVENTIONS = ['points', 'relative', 'normalized'] as const;
export type TGainConvention = (typeof GAIN_CONVENTIONS)[number];
export const ZGainConvention = z.enum(GAIN_CONVENTIONS, {
  error: bi(
    'Cara menyajikan peningkatan harus poin, peningkatan relatif atau N-gain',
    'The gain convention must be points, relative or normalized',
  ),
});
export const DEFAULT_GAIN_CONVENTION: TGainConvention = 'points';

/** The label each convention carries wherever a gain is shown. */
export const GAIN_LABELS: Record<TGainConvention, TBilingual> = {
  points: { id: 'poin', en: 'points' },
  relative: { id: 'peningkatan relatif', en: 'relative increase' },
  normalized: { id: 'N-gain (Hake)', en: 'N-gain (Hake)' },
};

/** What the "rata-rata" row of a gains table is: the gain between the two cycle means. */
export const GAIN_OF_MEANS_NOTE: TBilingual = {
  id: 'peningkatan rata-rata kelas (dari rata-rata siklus, bukan rata-rata peningkatan tiap guru)',
  en: 'gain of the means (from the cycle means, not the mean of the teachers’ gains)',
};

export type TGain = {
  /** post - pre in percentage points, two places ("11.19"). */
  points: string;
  /** (post - pre) / pre as a percentage, two places ("26.67"); null when pre = 0 (undefined). */
  relative: string | null;
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
  const relative = a.isZero() ? null : round2(b.minus(a).times(100).dividedBy(a));
  const room = new D(100).minus(a);
  if (room.isZero()) return { points, relative, normalized: null, category: null };
  const normalized = round2(b.minus(a).dividedBy(room));
  return { points, relative, normalized, category: gainCategory(normalized) };
}

export type TGainFigure = {
  convention: TGainConvention;
  label: TBilingual;
  /** Two places: points ("11.60"), a relative increase in percent ("21.69"), an n-gain ("0.25"). */
  value: string | null;
  /** The figure as shown, with its unit: "+11,60 poin", "+21,69%", "0,25 (Rendah)"; or why it is undefined. */
  text: TBilingual;
};

const signed = (v: string) => (v.startsWith('-') ? v : `+${v}`);
const CATEGORY_WORDS: Record<TGainCategory, TBilingual> = {
  high: { id: 'Tinggi', en: 'High' },
  medium: { id: 'Sedang', en: 'Medium' },
  low: { id: 'Rendah', en: 'Low' },
};

/**
 * A gain's three figures, each labelled, `first` first and the others in their usual
 * order. An undefined figure says why: a relative increase from 0, an n-gain from 100.
 */
export function gainFigures(
  g: TGain,
  first: TGainConvention = DEFAULT_GAIN_CONVENTION,
): TGainFigure[] {
  const order = [first, ...GAIN_CONVENTIONS.filter((c) => c !== first)];
  return order.map((convention): TGainFigure => {
    const label = GAIN_LABELS[convention];
    if (convention === 'points') {
      return {
        convention,
        label,
        value: g.points,
        text: { id: `${formatId(signed(g.points))} poin`, en: `${signed(g.points)} points` },
      };
    }
    if (convention === 'relative') {
      return {
        convention,
        label,
        value: g.relative,
        text:
          g.relative === null
            ? {
                id: 'tidak terdefinisi: nilai awal 0',
                en: 'undefined: the starting value is 0',
              }
            : { id: `${formatId(signed(g.relative))}%`, en: `${signed(g.relative)}%` },
      };
    }
    return {
      convention,
      label,
      value: g.normalized,
      text:
        g.normalized === null || g.category === null
          ? {
              id: 'tidak terdefinisi: nilai awal 100',
              en: 'undefined: the starting value is 100',
            }
          : {
              id: `${formatId(g.normalized)} (${CATEGORY_WORDS[g.category].id})`,
              en: `${g.normalized} (${CATEGORY_WORDS[g.category].en})`,
            },
    };
  });
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
