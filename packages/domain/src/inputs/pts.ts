import { z } from 'zod';
import { ZInstrumentKey } from '../criteria';
import { ZCycleStatus } from '../cycle';
import { ZGainConvention } from '../gains';
import { ZScoreScale } from '../score-scale';
import { ZIndicatorScore } from '../scoring';
import { ZFigureBasis } from '../standing';
import { bi } from '../zod-error';
import { ZId, ZSubdistrict } from './directory';
import { zDate, zText } from './text';

/**
 * Inputs of the PTS procedures: studies, cycles and observations, review, reports and the
 * district's configuration (rubrics, band sets, success criteria). Every object is strict
 * and every string and list is bounded. Figures travel as decimal strings.
 *
 * Writes to a cycle carry the `version` read with it: a stale one is refused with
 * CONFLICT, so two people editing one cycle never silently overwrite each other.
 */

// Shared pieces

/** The cycle's optimistic-lock version, as last read. */
export const ZCycleVersion = z
  .number({ error: bi('Versi siklus wajib diisi', 'The cycle version is required') })
  .int()
  .min(1)
  .max(2_147_483_647);

export const NOTES_MAX = 10_000;
export const COMMENT_MAX = 5_000;

const ZNotes = (id: string, en: string) => zText({ id, en }, { max: NOTES_MAX, multiline: true });

export const ZSchoolYear = z
  .string()
  .trim()
  .regex(
    /^[0-9]{4}\/[0-9]{4}$/,
    bi('Tahun ajaran ditulis seperti 2024/2025', 'A school year is written like 2024/2025'),
  )
  .refine(
    (y) => Number(y.slice(5)) === Number(y.slice(0, 4)) + 1,
    bi(
      'Tahun kedua tahun ajaran harus tahun pertama + 1',
      'The second year of a school year must follow the first',
    ),
  );

export const ZSemester = z.enum(['ganjil', 'genap']);

const ZRequiredText = (max: number, id: string, en: string, multiline = false) =>
  zText({ id, en }, { max, required: true, multiline });

/** A percentage as typed: "35,75" or "35.75"; the domain checks the range and places. */
const ZPercentageText = z
  .string({
    error: bi('Persentase wajib diisi sebagai teks', 'The percentage is required as text'),
  })
  .trim()
  .max(10);

// Studies

export const ZStudyListInput = z.object({ schoolId: ZId }).strict();
export type TStudyListInput = z.infer<typeof ZStudyListInput>;

export const ZStudyGetInput = z.object({ studyId: ZId }).strict();
export type TStudyGetInput = z.infer<typeof ZStudyGetInput>;

/** Closing a study makes it read-only, so the API asks for it to be said out loud. */
export const ZStudyCloseInput = z
  .object({
    studyId: ZId,
    confirmClose: z.literal(true, {
      error: bi(
        'Konfirmasi bahwa penelitian yang ditutup hanya dapat dibaca',
        'Confirm that the closed study becomes read-only',
      ),
    }),
  })
  .strict();
export type TStudyCloseInput = z.infer<typeof ZStudyCloseInput>;

export const ZStudyReopenInput = z
  .object({
    studyId: ZId,
    reason: ZRequiredText(COMMENT_MAX, 'Alasan membuka kembali', 'A reason to reopen', true),
  })
  .strict();
export type TStudyReopenInput = z.infer<typeof ZStudyReopenInput>;

/** The primary instrument's key when a study names none (decision 022). */
export const PRIMARY_INSTRUMENT_KEY = 'utama';
/** Instruments beside the primary: numbers 1 to 4. */
export const MAX_MORE_INSTRUMENTS = 4;
/** Which of the study's instruments a sheet scores: 0 the primary (default), 1 to 4 the others. */
export const ZInstrumentNumber = z
  .number()
  .int()
  .min(0, bi('Nomor instrumen 0 sampai 4', 'An instrument number from 0 to 4'))
  .max(MAX_MORE_INSTRUMENTS, bi('Nomor instrumen 0 sampai 4', 'An instrument number from 0 to 4'));

export const ZStudyCreateInput = z
  .object({
    schoolId: ZId,
    title: ZRequiredText(500, 'Judul', 'The title'),
    focus: ZRequiredText(1_000, 'Fokus penelitian', 'The focus', true),
    schoolYear: ZSchoolYear,
    semester: ZSemester.nullable().optional(),
    /** Published versions of the district, fixed for the study's life. */
    rubricVersionId: ZId,
    bandSetVersionId: ZId,
    criteriaSetVersionId: ZId,
    /** Where a historical study was published (a citation). */
    source: zText({ id: 'Sumber', en: 'The source' }, { max: 1_000 }).nullable().optional(),
    /** The gain convention shown first (default 'points'). */
    gainFirst: ZGainConvention.optional(),
    /**
     * The primary instrument's key (default "utama"): `rubricVersionId` with
     * `bandSetVersionId`, the one the dashboard ranks by (decision 022).
     */
    instrumentKey: ZInstrumentKey.optional(),
    /** Further instruments, each a published rubric version with its own band set. */
    instruments: z
      .array(
        z.object({ key: ZInstrumentKey, rubricVersionId: ZId, bandSetVersionId: ZId }).strict(),
      )
      .max(MAX_MORE_INSTRUMENTS, bi('Paling banyak 5 instrumen', 'At most 5 instruments'))
      .optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    const keys = [
      s.instrumentKey ?? PRIMARY_INSTRUMENT_KEY,
      ...(s.instruments ?? []).map((i) => i.key),
    ];
    keys.forEach((key, i) => {
      if (keys.indexOf(key) !== i) {
        ctx.addIssue({
          code: 'custom',
          path: ['instruments', i - 1, 'key'],
          message: bi(
            `Kunci instrumen “${key}” dipakai dua kali`,
            `The instrument key “${key}” is used twice`,
          ),
        });
      }
    });
  });
export type TStudyCreateInput = z.infer<typeof ZStudyCreateInput>;

/** Which gain convention a study shows first; the others follow, each labelled. */
export const ZStudySetGainFirstInput = z
  .object({ studyId: ZId, gainFirst: ZGainConvention })
  .strict();
export type TStudySetGainFirstInput = z.infer<typeof ZStudySetGainFirstInput>;

// Cycles

export const ZCycleGetInput = z.object({ cycleId: ZId }).strict();
export type TCycleGetInput = z.infer<typeof ZCycleGetInput>;

/** The next cycle of a study (ordinal = last + 1). */
export const ZCycleCreateInput = z.object({ studyId: ZId }).strict();
export type TCycleCreateInput = z.infer<typeof ZCycleCreateInput>;

export const STAGES = ['planning', 'action', 'observation', 'reflection'] as const;
export type TStage = (typeof STAGES)[number];

/** Stage notes and dates; a field left out is unchanged, null clears it. */
export const ZCycleUpdateNotesInput = z
  .object({
    cycleId: ZId,
    version: ZCycleVersion,
    planningNotes: ZNotes('Catatan perencanaan', 'The planning notes').nullable().optional(),
    planningDate: zDate({ id: 'Tanggal perencanaan', en: 'The planning date' })
      .nullable()
      .optional(),
    actionNotes: ZNotes('Catatan pelaksanaan', 'The action notes').nullable().optional(),
    actionDate: zDate({ id: 'Tanggal pelaksanaan', en: 'The action date' }).nullable().optional(),
    observationNotes: ZNotes('Catatan observasi', 'The observation notes').nullable().optional(),
    observationDate: zDate({ id: 'Tanggal observasi', en: 'The observation date' })
      .nullable()
      .optional(),
    reflectionNotes: ZNotes('Catatan refleksi', 'The reflection notes').nullable().optional(),
    reflectionDate: zDate({ id: 'Tanggal refleksi', en: 'The reflection date' })
      .nullable()
      .optional(),
  })
  .strict();
export type TCycleUpdateNotesInput = z.infer<typeof ZCycleUpdateNotesInput>;

export const MAX_INDICATORS = 500;

/** A sheet's scores by indicator key (a score or "na"), as every observation form sends them. */
export const ZSheetScores = z
  .record(z.string().max(50), ZIndicatorScore, {
    error: bi(
      'Skor indikator harus berupa daftar skor per indikator',
      'The indicator scores must be a list of scores by indicator',
    ),
  })
  .refine(
    (s) => Object.keys(s).length <= MAX_INDICATORS,
    bi(`Paling banyak ${MAX_INDICATORS} indikator`, `At most ${MAX_INDICATORS} indicators`),
  );

const observationCommon = {
  cycleId: ZId,
  version: ZCycleVersion,
  teacherId: ZId,
  instrument: ZInstrumentNumber.optional(),
  observedOn: zDate({ id: 'Tanggal pengamatan', en: 'The observation date' }).nullable().optional(),
  notes: ZNotes('Catatan pengamatan', 'The observation notes').nullable().optional(),
  /**
   * A save from a device's outbox carries the id the device gave the change: sent again
   * after a timeout, it is stored once (decision 024).
   */
  changeId: ZId.optional(),
};

/**
 * One teacher's observation sheet: the indicator scores (number or "na" per key) or, for
 * a summary rubric, the percentage. The percentage and band are computed by the domain
 * package on the server; a figure typed by the client is never stored.
 */
export const ZObservationUpsertInput = z.discriminatedUnion('kind', [
  z
    .object({
      ...observationCommon,
      kind: z.literal('indicators'),
      scores: ZSheetScores,
    })
    .strict(),
  z
    .object({
      ...observationCommon,
      kind: z.literal('summary'),
      /** The teacher's figure as typed: a percentage, or a value on `scale`. */
      percentage: ZPercentageText,
      /**
       * A mean on a 1-4/1-5 scale or a total out of N ("3,8" of 5): the server converts it
       * (value ÷ maximum × 100, half-up at two) and stores the percentage.
       */
      scale: ZScoreScale.optional(),
    })
    .strict(),
]);
export type TObservationUpsertInput = z.infer<typeof ZObservationUpsertInput>;

export const ZObservationDeleteInput = z
  .object({
    cycleId: ZId,
    version: ZCycleVersion,
    teacherId: ZId,
    instrument: ZInstrumentNumber.optional(),
  })
  .strict();
export type TObservationDeleteInput = z.infer<typeof ZObservationDeleteInput>;

export const ZCycleSubmitInput = z.object({ cycleId: ZId, version: ZCycleVersion }).strict();
export type TCycleSubmitInput = z.infer<typeof ZCycleSubmitInput>;

/** Takes a submission back to draft before a supervisor has reviewed it. */
export const ZCycleWithdrawInput = z
  .object({
    cycleId: ZId,
    version: ZCycleVersion,
    reason: zText({ id: 'Alasan', en: 'The reason' }, { max: COMMENT_MAX, multiline: true })
      .nullable()
      .optional(),
  })
  .strict();
export type TCycleWithdrawInput = z.infer<typeof ZCycleWithdrawInput>;

/**
 * Figures as printed in an existing (paper) report, for the consistency check. The
 * platform never shows them as its own; `printedBands` follows the printed table's order.
 */
export const ZCyclePrintedFiguresInput = z
  .object({
    cycleId: ZId,
    version: ZCycleVersion,
    /** Whose printed figures: 0, the primary, when absent (decision 022). */
    instrument: ZInstrumentNumber.optional(),
    printedMean: ZPercentageText.nullable(),
    printedMeanBand: zText(
      { id: 'Kategori rata-rata tercetak', en: 'The printed mean band' },
      {
        max: 40,
      },
    ).nullable(),
    printedBands: z
      .array(zText({ id: 'Kategori tercetak', en: 'A printed band' }, { max: 40 }).nullable())
      .max(100)
      .nullable(),
  })
  .strict();
export type TCyclePrintedFiguresInput = z.infer<typeof ZCyclePrintedFiguresInput>;

// Review

export const ZReviewQueueInput = z
  .object({
    limit: z.number().int().min(1).max(200).default(50),
    offset: z.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
export type TReviewQueueInput = z.input<typeof ZReviewQueueInput>;

export const ZCycleApproveInput = z
  .object({
    cycleId: ZId,
    version: ZCycleVersion,
    comment: zText({ id: 'Komentar', en: 'The comment' }, { max: COMMENT_MAX, multiline: true })
      .nullable()
      .optional(),
    /**
     * Approval locks the cycle, so the API asks for it to be said out loud: the UI sends
     * `true` only after the reviewer confirms the dialog.
     */
    confirmLock: z.literal(true, {
      error: bi(
        'Konfirmasi bahwa siklus yang disetujui akan terkunci',
        'Confirm that the approved cycle will be locked',
      ),
    }),
  })
  .strict();
export type TCycleApproveInput = z.infer<typeof ZCycleApproveInput>;

export const ZCycleReturnInput = z
  .object({
    cycleId: ZId,
    version: ZCycleVersion,
    comment: ZRequiredText(COMMENT_MAX, 'Komentar pengembalian', 'A return comment', true),
  })
  .strict();
export type TCycleReturnInput = z.infer<typeof ZCycleReturnInput>;

export const ZCycleReopenInput = z
  .object({
    cycleId: ZId,
    version: ZCycleVersion,
    reason: ZRequiredText(COMMENT_MAX, 'Alasan membuka kembali', 'A reason to reopen', true),
  })
  .strict();
export type TCycleReopenInput = z.infer<typeof ZCycleReopenInput>;

// Reports

export const COMPARISON_SORTS = [
  'schoolName',
  'npsn',
  'subdistrict',
  'studyTitle',
  'schoolYear',
  'cycleCount',
  'baselineMean',
  'latestMean',
  'gainPoints',
  'normalizedGain',
  'latestStatus',
  'teacherCount',
] as const;

export const ZDistrictComparisonInput = z
  .object({
    sort: z
      .object({ by: z.enum(COMPARISON_SORTS), dir: z.enum(['asc', 'desc']).default('asc') })
      .strict()
      .optional(),
    subdistrict: ZSubdistrict.optional(),
    schoolYear: ZSchoolYear.optional(),
    /** The latest cycle's status; 'none' = schools without a study. */
    status: z.union([ZCycleStatus, z.literal('none')]).optional(),
    search: zText({ id: 'Pencarian', en: 'The search' }, { max: 100 }).optional(),
    /** Only schools needing attention: no study, or an overdue latest cycle. */
    attention: z.boolean().optional(),
    /** Figures from approved cycles only (default), or approved and submitted ones. */
    basis: ZFigureBasis.default('approved'),
    page: z.number().int().min(1).max(100_000).default(1),
    pageSize: z.number().int().min(1).max(200).default(50),
  })
  .strict();
export type TDistrictComparisonInput = z.input<typeof ZDistrictComparisonInput>;

/** The headline's figures: approved cycles only (default), or with submitted ones. */
export const ZDistrictHeadlineInput = z
  .object({ basis: ZFigureBasis.default('approved') })
  .strict()
  .default({ basis: 'approved' });
export type TDistrictHeadlineInput = z.input<typeof ZDistrictHeadlineInput>;

export const ZSchoolDetailInput = z
  .object({ studyId: ZId, basis: ZFigureBasis.default('approved') })
  .strict();
export type TSchoolDetailInput = z.infer<typeof ZSchoolDetailInput>;

export const ZTeacherTrajectoryInput = z.object({ teacherId: ZId }).strict();
export type TTeacherTrajectoryInput = z.infer<typeof ZTeacherTrajectoryInput>;

export const COMPARE_SCHOOLS_MAX = 20;
export const ZCompareSchoolsInput = z
  .object({
    schoolIds: z
      .array(ZId)
      .min(1)
      .max(
        COMPARE_SCHOOLS_MAX,
        bi(
          `Paling banyak ${COMPARE_SCHOOLS_MAX} sekolah`,
          `At most ${COMPARE_SCHOOLS_MAX} schools`,
        ),
      ),
    basis: ZFigureBasis.default('approved'),
  })
  .strict();
export type TCompareSchoolsInput = z.infer<typeof ZCompareSchoolsInput>;

// Configuration: rubrics, band sets, success criteria (admin of the district)

/**
 * A versioned item's payload arrives unparsed and bounded in size; the procedure checks
 * it with the domain's schema (ZRubricDefinition, ZBandSet, ZSuccessCriteria) so the
 * errors name the field inside it.
 */
export const CONFIG_PAYLOAD_MAX_CHARS = 200_000;
const ZPayload = z
  .unknown()
  .refine(
    (v) => v !== undefined && JSON.stringify(v).length <= CONFIG_PAYLOAD_MAX_CHARS,
    bi('Isi terlalu besar atau kosong', 'The content is too large or missing'),
  );

const ZConfigName = ZRequiredText(200, 'Nama', 'The name');
const ZDescription = zText(
  { id: 'Keterangan', en: 'The description' },
  {
    max: 2_000,
    multiline: true,
  },
)
  .nullable()
  .optional();

export const ZConfigVersionInput = z.object({ versionId: ZId }).strict();
export type TConfigVersionInput = z.infer<typeof ZConfigVersionInput>;

export const ZConfigCreateInput = z
  .object({ name: ZConfigName, description: ZDescription, payload: ZPayload })
  .strict();
export type TConfigCreateInput = z.infer<typeof ZConfigCreateInput>;

export const ZConfigUpdateDraftInput = z
  .object({
    versionId: ZId,
    name: ZConfigName.optional(),
    description: ZDescription,
    payload: ZPayload.optional(),
  })
  .strict();
export type TConfigUpdateDraftInput = z.infer<typeof ZConfigUpdateDraftInput>;

export const ZConfigDuplicateInput = z.object({ versionId: ZId, name: ZConfigName }).strict();
export type TConfigDuplicateInput = z.infer<typeof ZConfigDuplicateInput>;

/** An exported item as JSON (`config.*.export`), optionally renamed on import. */
export const ZConfigImportInput = z
  .object({
    document: z
      .object({
        format: z.literal('siklus.config'),
        formatVersion: z.literal(1),
        kind: z.enum(['rubric', 'bandSet', 'criteriaSet']),
        name: ZConfigName,
        description: ZDescription,
        payload: ZPayload,
      })
      .strict(),
    name: ZConfigName.optional(),
  })
  .strict();
export type TConfigImportInput = z.infer<typeof ZConfigImportInput>;

/** Criteria drafts can be checked against a band set's labels as they are edited. */
export const ZCriteriaCreateInput = ZConfigCreateInput.extend({
  bandSetVersionId: ZId.optional(),
}).strict();
export type TCriteriaCreateInput = z.infer<typeof ZCriteriaCreateInput>;
export const ZCriteriaUpdateDraftInput = ZConfigUpdateDraftInput.extend({
  bandSetVersionId: ZId.optional(),
}).strict();
export type TCriteriaUpdateDraftInput = z.infer<typeof ZCriteriaUpdateDraftInput>;

/**
 * How `bands`, published as `versionId` (the band set version being edited), would
 * reclassify the figures of the studies on that band set (docs/decisions/008).
 */
export const ZBandSetPreviewInput = z
  .object({
    versionId: ZId,
    bands: z
      .array(
        z
          .object({
            from: z.string().max(10),
            label: zText({ id: 'Nama kategori', en: 'A band label' }, { max: 40 }),
          })
          .strict(),
      )
      .max(20),
  })
  .strict();
export type TBandSetPreviewInput = z.infer<typeof ZBandSetPreviewInput>;
