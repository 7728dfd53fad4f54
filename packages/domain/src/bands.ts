import type Decimal from 'decimal.js';
import { z } from 'zod';
import { assertPercentage, D, round2 } from './decimal';
import { badRequest, type TBilingual } from './errors';
import { zText } from './inputs/text';
import { bi } from './zod-error';

/** A lower bound as typed in the admin: "51", "51.5" or "51.00" (0 to below 100, <= 2 places). */
const BOUND_TEXT = /^\d{1,2}(\.\d{1,2})?$/;

export const ZBand = z.object({
  from: z
    .string()
    .trim()
    .regex(
      BOUND_TEXT,
      bi(
        'Batas bawah harus angka dari 0 sampai di bawah 100 dengan paling banyak dua desimal',
        'A lower bound must be a number from 0 to below 100 with at most two decimals',
      ),
    ),
  label: zText(
    { id: 'Nama kategori', en: 'A band label' },
    {
      max: 40,
      required: true,
      requiredMessages: { id: 'Nama kategori wajib diisi', en: 'A band needs a label' },
    },
  ),
  /** An optional letter grade printed for the band ("A", "B", "C", "D"). */
  letter: z
    .string()
    .trim()
    .regex(
      /^[A-Za-z][+-]?$/,
      bi(
        'Huruf predikat berupa satu huruf, boleh diikuti + atau - (mis. A, B+)',
        'A letter grade is one letter, optionally followed by + or - (e.g. A, B+)',
      ),
    )
    .optional(),
  /** Other names papers print for this band ("Baik Sekali" for "Sangat Baik"). */
  aliases: z
    .array(
      zText(
        { id: 'Nama lain kategori', en: 'A band alias' },
        {
          max: 40,
          required: true,
          requiredMessages: { id: 'Nama lain tidak boleh kosong', en: 'An alias cannot be empty' },
        },
      ),
    )
    .max(10, bi('Paling banyak 10 nama lain per kategori', 'At most 10 aliases per band'))
    .optional(),
});
export type TBand = z.infer<typeof ZBand>;

/** A label as compared: spacing collapsed, case folded ("  baik   SEKALI " -> "baik sekali"). */
export function foldLabel(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('id');
}

/**
 * Names that mean the same band wherever they are printed, folded. A printed label in one
 * group names the band whose label is in the same group.
 */
export const KNOWN_BAND_SYNONYMS: readonly (readonly string[])[] = [
  ['sangat baik', 'baik sekali', 'amat baik'],
  ['sangat kurang', 'kurang sekali'],
  ['cukup baik', 'cukup'],
];

/**
 * The band a printed label names: its label, letter or one of its aliases (case and
 * spacing folded), else a known synonym of its label; -1 when it names none. Several bands
 * matching a synonym (a set with both "Sangat Baik" and "Amat Baik") is not a match: the
 * label is ambiguous there.
 */
export function placeLabel(bandSet: TBandSet, text: string): number {
  const key = foldLabel(text);
  if (key === '') return -1;
  const direct = bandSet.bands.findIndex(
    (b) =>
      foldLabel(b.label) === key ||
      (b.letter !== undefined && foldLabel(b.letter) === key) ||
      (b.aliases ?? []).some((a) => foldLabel(a) === key),
  );
  if (direct >= 0) return direct;
  const group = KNOWN_BAND_SYNONYMS.find((g) => g.includes(key));
  if (!group) return -1;
  const matches = bandSet.bands.flatMap((b, i) => (group.includes(foldLabel(b.label)) ? [i] : []));
  return matches.length === 1 ? (matches[0] ?? -1) : -1;
}

/**
 * A band set: inclusive lower bounds, sorted, the first at 0. Each band runs up to the
 * next bound (exclusive) and the last to 100, so 0-100 is covered with no gap and no
 * overlap by construction; a printed "51-70" rubric still puts 50.50 in exactly one band.
 */
export const ZBandSet = z
  .object({
    bands: z
      .array(ZBand)
      .min(
        1,
        bi('Himpunan kategori perlu minimal satu kategori', 'A band set needs at least one band'),
      )
      .max(20, bi('Paling banyak 20 kategori', 'At most 20 bands')),
  })
  .superRefine((set, ctx) => {
    const seenLabels = new Map<string, number>();
    set.bands.forEach((band, i) => {
      if (!BOUND_TEXT.test(band.from)) return; // already reported by the regex
      const from = new D(band.from);
      if (i === 0 && !from.isZero()) {
        ctx.addIssue({
          code: 'custom',
          path: ['bands', 0, 'from'],
          message: bi(
            `Kategori pertama harus dimulai dari 0.00, bukan ${band.from}`,
            `The first band must start at 0.00, not ${band.from}`,
          ),
        });
      }
      const prev = i > 0 ? set.bands[i - 1] : undefined;
      if (prev && BOUND_TEXT.test(prev.from)) {
        const prevFrom = new D(prev.from);
        if (from.equals(prevFrom)) {
          ctx.addIssue({
            code: 'custom',
            path: ['bands', i, 'from'],
            message: bi(
              `Batas bawah ${round2(from)} dipakai dua kali (“${prev.label}” dan “${band.label}”)`,
              `Lower bound ${round2(from)} is used twice (“${prev.label}” and “${band.label}”)`,
            ),
          });
        } else if (from.lessThan(prevFrom)) {
          ctx.addIssue({
            code: 'custom',
            path: ['bands', i, 'from'],
            message: bi(
              `Kategori harus urut naik: batas bawah “${band.label}” (${round2(from)}) harus lebih besar dari “${prev.label}” (${round2(prevFrom)})`,
              `Bands must be in ascending order: the lower bound of “${band.label}” (${round2(from)}) must be greater than that of “${prev.label}” (${round2(prevFrom)})`,
            ),
          });
        }
      }
      // A label, letter or alias names one band only, compared as the consistency check does.
      type Named = [string, (string | number)[]];
      const names: Named[] = [
        [band.label, ['label']],
        ...(band.letter ? [[band.letter, ['letter']] satisfies Named] : []),
        ...(band.aliases ?? []).map((a, k): Named => [a, ['aliases', k]]),
      ];
      for (const [name, path] of names) {
        const key = foldLabel(name);
        if (key === '') continue;
        const first = seenLabels.get(key);
        if (first !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['bands', i, ...path],
            message: bi(
              `Nama kategori “${name}” dipakai dua kali`,
              `Band label “${name}” is used twice`,
            ),
          });
        } else {
          seenLabels.set(key, i);
        }
      }
    });
  });
export type TBandSet = z.infer<typeof ZBandSet>;

export type TClassification = { label: string; index: number };

/**
 * The band of a percentage. The value is rounded half-up to two places first, so the
 * label always matches the figure shown (70.995 shows as 71.00 and is Baik, not Cukup).
 * A value outside 0-100 is BAD_REQUEST.
 */
export function classify(bandSet: TBandSet, value: string | Decimal): TClassification {
  // Range-check the rounded figure: 100.004 shows as 100.00 and is fine.
  const shown = assertPercentage(round2(value));
  let index = -1;
  for (let i = 0; i < bandSet.bands.length; i++) {
    const band = bandSet.bands[i];
    if (band && shown.greaterThanOrEqualTo(band.from)) index = i;
  }
  const band = bandSet.bands[index];
  if (!band) {
    throw badRequest(
      'Himpunan kategori tidak dimulai dari 0',
      'The band set does not start at 0',
      'bands',
    );
  }
  return { label: band.label, index };
}

export type TBandRange = { label: string; from: string; to: string };

/** Readable ranges: Kurang 0.00 - 50.99, Cukup 51.00 - 70.99, ..., the last to 100.00. */
export function bandRanges(bandSet: TBandSet): TBandRange[] {
  return bandSet.bands.map((band, i) => {
    const next = bandSet.bands[i + 1];
    return {
      label: band.label,
      from: round2(band.from),
      to: next ? round2(new D(next.from).minus('0.01')) : '100.00',
    };
  });
}

/** The position of a band by its label (exact match), or -1. */
export function bandIndex(bandSet: TBandSet, label: string): number {
  return bandSet.bands.findIndex((b) => b.label === label);
}

/** The labels in order. */
export function bandLabels(bandSet: TBandSet): string[] {
  return bandSet.bands.map((b) => b.label);
}

/** The usual PTS criteria: Kurang < 51 <= Cukup < 71 <= Baik < 86 <= Sangat Baik. */
export const PTS_DEFAULT_BANDS: TBandSet = {
  bands: [
    { from: '0.00', label: 'Kurang' },
    { from: '51.00', label: 'Cukup' },
    { from: '71.00', label: 'Baik' },
    { from: '86.00', label: 'Sangat Baik' },
  ],
};

/** The teacher performance appraisal (PKG) scale: Kurang, Sedang 51, Cukup 61, Baik 76, Amat Baik 91. */
export const PKG_BANDS: TBandSet = {
  bands: [
    { from: '0.00', label: 'Kurang' },
    { from: '51.00', label: 'Sedang' },
    { from: '61.00', label: 'Cukup' },
    { from: '76.00', label: 'Baik' },
    { from: '91.00', label: 'Amat Baik' },
  ],
};

export type TBandPresetId = 'pts-default' | 'pkg';
export type TBandPreset = { id: TBandPresetId; name: TBilingual; bandSet: TBandSet };

export const BAND_PRESETS: readonly TBandPreset[] = [
  {
    id: 'pts-default',
    name: { id: 'Kriteria PTS (bawaan)', en: 'PTS criteria (default)' },
    bandSet: PTS_DEFAULT_BANDS,
  },
  {
    id: 'pkg',
    name: { id: 'Penilaian Kinerja Guru (PKG)', en: 'Teacher performance appraisal (PKG)' },
    bandSet: PKG_BANDS,
  },
];
