import { z } from 'zod';
import { bandIndex, bandLabels, type TBandSet } from './bands';
import { D, formatId, meanOf, round2, toDecimal, trimZeros } from './decimal';
import { badRequest, type TBilingual } from './errors';
import { zText } from './inputs/text';
import { summarizeCycle } from './summary';
import { bi } from './zod-error';

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

export const ZCriterion = z.discriminatedUnion('kind', [
  /** The cycle mean (rounded) is at least `value`. */
  z.object({ kind: z.literal('meanAtLeast'), value: ZThreshold }),
  /** At least `percent`% of teachers are in `band` or a higher band. */
  z.object({ kind: z.literal('shareAtLeastBand'), percent: ZThreshold, band: ZBandName }),
  /** Every teacher is in `band` or a higher band. */
  z.object({ kind: z.literal('allAtLeastBand'), band: ZBandName }),
]);
export type TCriterion = z.infer<typeof ZCriterion>;

export const ZSuccessCriteria = z.object({
  criteria: z
    .array(ZCriterion)
    .min(
      1,
      bi('Perlu minimal satu kriteria keberhasilan', 'At least one success criterion is required'),
    )
    .max(10, bi('Paling banyak 10 kriteria', 'At most 10 criteria')),
});
export type TSuccessCriteria = z.infer<typeof ZSuccessCriteria>;

/** Either `{ criteria }` or the bare list; both readings of the contract work. */
export type TCriteriaArg = TSuccessCriteria | readonly TCriterion[];
function listOf(criteria: TCriteriaArg): readonly TCriterion[] {
  return 'criteria' in criteria ? criteria.criteria : criteria;
}

/** Aggregates a cycle's criteria are checked against; SQL can produce these directly. */
export type TCriteriaInput = {
  n: number;
  /** The mean (any number of places; it is rounded before comparing); null when n = 0. */
  mean: string | null;
  bandCounts: readonly { label: string; count: number }[];
};

export type TCriterionResult = {
  criterion: TCriterion;
  met: boolean;
  /** The threshold with two places: a mean ("71.00") or a share of teachers ("80.00"). */
  required: string;
  /** The figure it was compared with, two places; null when no teacher was observed. */
  actual: string | null;
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
    if (criterion.kind === 'meanAtLeast') return;
    if (bandIndex(bandSet, criterion.band) < 0) {
      const labels = bandLabels(bandSet).join(', ');
      throw badRequest(
        `Kategori “${criterion.band}” tidak ada dalam himpunan kategori (${labels})`,
        `Band “${criterion.band}” is not in the band set (${labels})`,
        `criteria.${i}.band`,
      );
    }
  });
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
  return counts;
}

const capitalize = (s: string) => s.charAt(0).toLocaleUpperCase('id') + s.slice(1);

/**
 * Checks a cycle against the success criteria. Means and shares are compared as shown
 * (rounded to two places), so the verdict agrees with the figures on screen. With n = 0
 * nothing is met: there is no evidence yet.
 */
export function evaluateCriteria(
  criteria: TCriteriaArg,
  input: TCriteriaInput,
  bandSet: TBandSet,
): TCriteriaEvaluation {
  assertCriteriaFitBands(criteria, bandSet);
  const counts = checkInput(input, bandSet);
  const { n } = input;
  const atOrAbove = (band: string) =>
    counts.slice(bandIndex(bandSet, band)).reduce((s, c) => s + c, 0);

  // Each result's fragment starts lowercase so fragments can be joined into one sentence.
  const fragments: { met: boolean; id: string; en: string }[] = [];
  const results = listOf(criteria).map((criterion): TCriterionResult => {
    let required: string;
    let actual: string | null = null;
    let met = false;
    let id: string;
    let en: string;
    if (criterion.kind === 'meanAtLeast') {
      required = round2(criterion.value);
      if (n === 0 || input.mean === null) {
        id = `rata-rata belum ada (minimal ${formatId(required)})`;
        en = `no mean yet (at least ${required} required)`;
      } else {
        actual = round2(toDecimal(input.mean, 'mean'));
        met = new D(actual).greaterThanOrEqualTo(required);
        id = met
          ? `rata-rata ${formatId(actual)} mencapai minimal ${formatId(required)}`
          : `rata-rata ${formatId(actual)} di bawah minimal ${formatId(required)}`;
        en = met
          ? `mean ${actual} reaches the minimum ${required}`
          : `mean ${actual} is below the minimum ${required}`;
      }
    } else {
      const band = criterion.band;
      required = criterion.kind === 'allAtLeastBand' ? '100.00' : round2(criterion.percent);
      if (n === 0) {
        id = `belum ada guru yang diobservasi (${band} atau lebih)`;
        en = `no teacher observed yet (${band} or better)`;
      } else {
        const good = atOrAbove(band);
        const below = n - good;
        actual = round2(new D(good).times(100).dividedBy(n));
        if (criterion.kind === 'allAtLeastBand') {
          met = below === 0;
          id = met
            ? `semua ${n} guru berkategori ${band} atau lebih`
            : `${below} dari ${n} guru di bawah ${band}`;
          en = met
            ? `all ${n} teachers are ${band} or better`
            : `${below} of ${n} teachers below ${band}`;
        } else {
          met = new D(actual).greaterThanOrEqualTo(required);
          const need = trimZeros(required);
          id = met
            ? `${good} dari ${n} guru (${formatId(actual)}%) berkategori ${band} atau lebih, minimal ${formatId(need)}%`
            : `${below} dari ${n} guru di bawah ${band}; hanya ${formatId(actual)}% berkategori ${band} atau lebih, minimal ${formatId(need)}%`;
          en = met
            ? `${good} of ${n} teachers (${actual}%) are ${band} or better, at least ${need}% required`
            : `${below} of ${n} teachers below ${band}; only ${actual}% are ${band} or better, at least ${need}% required`;
        }
      }
    }
    fragments.push({ met, id, en });
    return {
      criterion,
      met,
      required,
      actual,
      message: { id: capitalize(id), en: capitalize(en) },
    };
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

/** The counts evaluateCriteria needs, from a cycle's percentages. */
export function criteriaInputFromPercentages(
  percentages: readonly string[],
  bandSet: TBandSet,
): TCriteriaInput {
  const summary = summarizeCycle(percentages, bandSet);
  return {
    n: summary.n,
    mean: summary.n === 0 ? null : meanOf(percentages),
    bandCounts: summary.bands.map(({ label, count }) => ({ label, count })),
  };
}

function joinList(parts: string[], and: string): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} ${and} ${parts[parts.length - 1]}`;
}

/**
 * The criteria as one sentence: "Rata-rata minimal 71,00 dan minimal 80% guru berkategori
 * Baik atau lebih" / "Mean at least 71.00 and at least 80% of teachers Baik or better".
 */
export function describeCriteria(criteria: TCriteriaArg, lang: 'id' | 'en'): string {
  const parts = listOf(criteria).map((c) => {
    if (c.kind === 'meanAtLeast') {
      const v = round2(c.value);
      return lang === 'id' ? `rata-rata minimal ${formatId(v)}` : `mean at least ${v}`;
    }
    if (c.kind === 'shareAtLeastBand') {
      const p = trimZeros(round2(c.percent));
      return lang === 'id'
        ? `minimal ${formatId(p)}% guru berkategori ${c.band} atau lebih`
        : `at least ${p}% of teachers ${c.band} or better`;
    }
    return lang === 'id'
      ? `semua guru berkategori ${c.band} atau lebih`
      : `all teachers ${c.band} or better`;
  });
  return capitalize(joinList(parts, lang === 'id' ? 'dan' : 'and'));
}
