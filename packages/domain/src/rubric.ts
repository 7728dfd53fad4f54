import { z } from 'zod';
import { zText } from './inputs/text';
import { bi } from './zod-error';

/** Keys end up in field paths (`scores.B2`) and URLs, so keep them plain. */
const KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const ZKey = z
  .string()
  .trim()
  .min(1, bi('Kode wajib diisi', 'A key is required'))
  .max(32, bi('Kode paling panjang 32 huruf', 'A key is at most 32 characters'))
  .regex(
    KEY,
    bi(
      'Kode hanya boleh berisi huruf, angka, titik, garis bawah dan tanda hubung',
      'A key may contain only letters, digits, dots, underscores and hyphens',
    ),
  );

export const ZScaleLevel = z.object({
  value: z
    .number()
    .int(bi('Nilai tingkat harus bilangan bulat', 'A level value must be an integer')),
  label: zText(
    { id: 'Label tingkat', en: 'A level label' },
    {
      max: 200,
      required: true,
      requiredMessages: { id: 'Label tingkat wajib diisi', en: 'A level needs a label' },
    },
  ),
  descriptor: zText(
    { id: 'Deskriptor tingkat', en: 'A level descriptor' },
    {
      max: 2_000,
      multiline: true,
    },
  ).optional(),
});
export type TScaleLevel = z.infer<typeof ZScaleLevel>;

/** The widest scale accepted, so a typo such as max 1000 cannot ask for 1000 level labels. */
export const MAX_SCALE_SPAN = 20;

/**
 * An integer scale min..max with one labelled level per integer. min >= 0 keeps the
 * maximum score positive, so "skor perolehan / skor maksimal" is always defined.
 */
export const ZScale = z
  .object({
    min: z
      .number()
      .int(bi('Skor minimum harus bilangan bulat', 'The scale minimum must be an integer'))
      .min(0, bi('Skor minimum tidak boleh negatif', 'The scale minimum cannot be negative')),
    max: z
      .number()
      .int(bi('Skor maksimum harus bilangan bulat', 'The scale maximum must be an integer')),
    levels: z.array(ZScaleLevel),
  })
  .superRefine((scale, ctx) => {
    const { min, max } = scale;
    if (min >= max) {
      ctx.addIssue({
        code: 'custom',
        path: ['max'],
        message: bi(
          `Skor maksimum (${max}) harus lebih besar dari skor minimum (${min})`,
          `The scale maximum (${max}) must be greater than the minimum (${min})`,
        ),
      });
      return;
    }
    if (max - min > MAX_SCALE_SPAN) {
      ctx.addIssue({
        code: 'custom',
        path: ['max'],
        message: bi(
          `Skala paling lebar ${MAX_SCALE_SPAN + 1} tingkat`,
          `A scale has at most ${MAX_SCALE_SPAN + 1} levels`,
        ),
      });
      return;
    }
    const seen = new Set<number>();
    scale.levels.forEach((level, i) => {
      if (level.value < min || level.value > max) {
        ctx.addIssue({
          code: 'custom',
          path: ['levels', i, 'value'],
          message: bi(
            `Tingkat ${level.value} di luar skala ${min}-${max}`,
            `Level ${level.value} is outside the scale ${min}-${max}`,
          ),
        });
      } else if (seen.has(level.value)) {
        ctx.addIssue({
          code: 'custom',
          path: ['levels', i, 'value'],
          message: bi(
            `Tingkat ${level.value} ditulis dua kali`,
            `Level ${level.value} appears twice`,
          ),
        });
      }
      seen.add(level.value);
    });
    for (let v = min; v <= max; v++) {
      if (!seen.has(v)) {
        ctx.addIssue({
          code: 'custom',
          path: ['levels'],
          message: bi(
            `Tingkat ${v} pada skala ${min}-${max} belum memiliki label`,
            `Level ${v} of the scale ${min}-${max} has no label`,
          ),
        });
      }
    }
  });
export type TScale = z.infer<typeof ZScale>;

export const ZIndicator = z.object({
  key: ZKey,
  text: zText(
    { id: 'Teks indikator', en: 'An indicator text' },
    {
      max: 2_000,
      required: true,
      requiredMessages: { id: 'Teks indikator wajib diisi', en: 'An indicator needs a text' },
    },
  ),
  weight: z
    .number()
    .positive(bi('Bobot harus lebih besar dari 0', 'A weight must be greater than 0'))
    .max(1000, bi('Bobot paling besar 1000', 'A weight is at most 1000'))
    .optional(),
  scale: ZScale,
});
export type TIndicator = z.infer<typeof ZIndicator>;

export const ZAspect = z.object({
  key: ZKey,
  title: zText(
    { id: 'Judul aspek', en: 'An aspect title' },
    {
      max: 500,
      required: true,
      requiredMessages: { id: 'Judul aspek wajib diisi', en: 'An aspect needs a title' },
    },
  ),
  indicators: z
    .array(ZIndicator)
    .min(
      1,
      bi('Setiap aspek perlu minimal satu indikator', 'Every aspect needs at least one indicator'),
    ),
});
export type TAspect = z.infer<typeof ZAspect>;

export const ZIndicatorsRubric = z
  .object({
    mode: z.literal('indicators'),
    aspects: z
      .array(ZAspect)
      .min(1, bi('Instrumen perlu minimal satu aspek', 'A rubric needs at least one aspect')),
  })
  .superRefine((rubric, ctx) => {
    // Aspect and indicator keys share one namespace, so a key names one thing in a rubric.
    const seen = new Map<string, string>();
    const check = (key: string, path: (string | number)[]) => {
      const where = seen.get(key);
      if (where !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: bi(
            `Kode “${key}” dipakai lebih dari sekali dalam instrumen`,
            `Key “${key}” is used more than once in the rubric`,
          ),
        });
      } else {
        seen.set(key, path.join('.'));
      }
    };
    rubric.aspects.forEach((aspect, a) => {
      check(aspect.key, ['aspects', a, 'key']);
      aspect.indicators.forEach((indicator, i) => {
        check(indicator.key, ['aspects', a, 'indicators', i, 'key']);
      });
    });
  });

/** Historical or paper data: the percentage is entered directly (0.00-100.00). */
export const ZSummaryRubric = z.object({ mode: z.literal('summary') });

export const ZRubricDefinition = z.discriminatedUnion('mode', [ZIndicatorsRubric, ZSummaryRubric]);
export type TRubricDefinition = z.infer<typeof ZRubricDefinition>;
export type TIndicatorsRubric = z.infer<typeof ZIndicatorsRubric>;
export type TSummaryRubric = z.infer<typeof ZSummaryRubric>;

export type TListedIndicator = TIndicator & { aspectKey: string };

/** Every indicator in order, with its aspect's key; [] for a summary rubric. */
export function listIndicators(def: TRubricDefinition): TListedIndicator[] {
  if (def.mode !== 'indicators') return [];
  return def.aspects.flatMap((aspect) =>
    aspect.indicators.map((indicator) => ({ ...indicator, aspectKey: aspect.key })),
  );
}

/**
 * The maximum every indicator's scale shares (a 1-4 or 1-5 sheet), or null when they differ
 * or the rubric takes a percentage directly: what a mean "dari 5" can be reported on.
 */
export function sharedScaleMax(def: TRubricDefinition): number | null {
  const maxima = new Set(listIndicators(def).map((i) => i.scale.max));
  return maxima.size === 1 ? [...maxima][0]! : null;
}
