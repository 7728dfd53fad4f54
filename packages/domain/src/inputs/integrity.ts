import { z } from 'zod';
import { bi } from '../zod-error';
import { ZId } from './directory';
import { ZSheetScores } from './pts';

/*
 * Inputs of co-observation and integrity signals (issue 18), shared by the procedures and
 * the forms.
 */

const ZDate = z.iso.date(bi('Tanggal harus berformat YYYY-MM-DD', 'A date must be YYYY-MM-DD'));

/**
 * A new co-observed lesson. A principal names the second observer (a supervisor of the
 * district, or another principal account of the same school); a supervisor creating one is
 * the second observer and the school's principal is the first.
 */
export const ZCoObservationCreateInput = z
  .object({
    cycleId: ZId,
    teacherId: ZId,
    secondObserverId: ZId.optional(),
    observedOn: ZDate.nullable().optional(),
  })
  .strict();
export type TCoObservationCreateInput = z.infer<typeof ZCoObservationCreateInput>;

export const ZCoObservationGetInput = z.object({ coObservationId: ZId }).strict();
export type TCoObservationGetInput = z.infer<typeof ZCoObservationGetInput>;

export const ZCoObservationListInput = z.object({ cycleId: ZId }).strict();
export type TCoObservationListInput = z.infer<typeof ZCoObservationListInput>;

/** One observer's own sheet of the lesson; the server computes the percentage and band. */
export const ZCoObservationSaveInput = z.discriminatedUnion('kind', [
  z
    .object({
      coObservationId: ZId,
      kind: z.literal('indicators'),
      scores: ZSheetScores,
    })
    .strict(),
  z
    .object({
      coObservationId: ZId,
      kind: z.literal('summary'),
      percentage: z.string().trim().max(10),
    })
    .strict(),
]);
export type TCoObservationSaveInput = z.infer<typeof ZCoObservationSaveInput>;

export const ZCalibrationInput = z
  .object({ minPairs: z.number().int().min(2).max(100).optional() })
  .strict()
  .optional();
export type TCalibrationInput = z.infer<typeof ZCalibrationInput>;

// Integrity signals

export const ZIntegritySchoolInput = z.object({ schoolId: ZId }).strict();
export type TIntegritySchoolInput = z.infer<typeof ZIntegritySchoolInput>;

export const ZIntegrityDistrictInput = z
  .object({ includeDismissed: z.boolean().optional() })
  .strict()
  .optional();
export type TIntegrityDistrictInput = z.infer<typeof ZIntegrityDistrictInput>;

export const ZIntegrityDismissInput = z
  .object({
    schoolId: ZId,
    signalKey: z.string().trim().min(1).max(300),
    reason: z
      .string()
      .trim()
      .min(
        5,
        bi(
          'Tulis alasan minimal 5 huruf agar dapat ditelusuri',
          'Write a reason of at least 5 characters so it can be traced',
        ),
      )
      .max(1_000, bi('Alasan paling panjang 1.000 huruf', 'A reason is at most 1,000 characters')),
  })
  .strict();
export type TIntegrityDismissInput = z.infer<typeof ZIntegrityDismissInput>;

export const ZIntegritySettingsInput = z
  .object({
    jumpPoints: z
      .string()
      .trim()
      .regex(
        /^\d{1,3}([.,]\d{1,2})?$/,
        bi('Ambang harus angka, misalnya 20', 'The threshold must be a number such as 20'),
      ),
  })
  .strict();
export type TIntegritySettingsInput = z.infer<typeof ZIntegritySettingsInput>;
