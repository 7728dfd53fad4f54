import {
  districtComparison,
  getCycleContext,
  getCycleRecord,
  getDistrictName,
  getImportPercentHeader,
  getStudyHeading,
  insertNextCycle,
  listStudyAttachments,
  listStudyCycles,
  listStudyInstruments,
  listTeachers,
  printedFiguresPatch,
  reportSigners,
  setImportPercentHeader,
  touchCycle,
  upsertObservations,
} from '@siklus/db';
import {
  AppError,
  cycleLabel,
  detailForInstrument,
  PRIMARY_INSTRUMENT_KEY,
  RosterIndex,
  type TFigureBasis,
  ZDistrictComparisonInput,
  ZFigureBasis,
  ZInstrumentNumber,
  ZScoreScale,
} from '@siklus/domain';
import { z } from 'zod';
import { audit } from '../audit/record';
import type { Context } from '../context';
import { cycleView } from '../cycles/cycle-view';
import { studyInstrument } from '../cycles/instruments';
import { transitionCycleIn } from '../cycles/workflow';
import { letterheadView } from '../district/letterhead';
import { notFound } from '../errors';
import { districtToday, followUpViews } from '../follow-ups/follow-up-view';
import { schoolDetail } from '../reports/school-detail';
import { cycleScoped, districtProcedure, router, studyScoped } from '../trpc';
import { buildChapter, type ChapterRecap, focusPhrase, type ResultsChapter } from './chapter';
import { type ImportResult, type ImportRow, interpretSheet } from './import-sheet';
import { decodeUpload, MAX_IMPORT_BYTES, readSheet } from './read-sheet';
import { interpretRecap, type RecapResult } from './recap-sheet';
import { chapterToDocx } from './report-docx';
import {
  CSV_TYPE,
  DOCX_TYPE,
  type FileOut,
  fileOut,
  fileSlug,
  toCsv,
  toCsvSections,
  toXlsx,
  XLSX_TYPE,
} from './spreadsheet';
import {
  comparisonSheet,
  cycleTableSheet,
  evidenceSheet,
  followUpsSheet,
  gainsSheet,
  recapSheet,
  templateSheet,
} from './tables';

/**
 * Spreadsheets in, report out (issue 7). Exports reuse the figures of reports.schoolDetail
 * and cycles.get through the same services (`schoolDetail`, `cycleView`), after this
 * router's own scope check, so every figure comes from one place; downloads in apps/server call these procedures and send the bytes. Imports read a
 * CSV/XLSX sent as base64 in JSON (mutations are JSON-only), preview it, and confirm writes
 * every row in one transaction through the cycle's optimistic lock.
 */

const ZFormat = z.enum(['xlsx', 'csv']);
const ZId = z.uuid();
/** base64 of MAX_IMPORT_BYTES plus room for a data: prefix; the exact limit is checked decoded. */
const ZContent = z
  .string()
  .min(1)
  .max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 1024 * 1024);
const ZFileName = z.string().trim().min(1).max(255);

/** The principal's answers to the preview's questions (which column, which teacher). */
const ZImportAnswers = {
  percentColumn: z
    .string()
    .regex(/^[A-Za-z]{1,3}$/)
    .nullish(),
  teacherAnswers: z
    .array(z.object({ row: z.number().int().min(1), teacherId: ZId }).strict())
    .max(5_000)
    .optional(),
  /** The scale the principal confirmed for the percentage column (1-4/1-5 mean, total of N). */
  scale: ZScoreScale.nullish(),
};
/** Which of the study's instruments the sheet scores (decision 022); the primary when absent. */
const ZInstrumentField = { instrument: ZInstrumentNumber.optional() };
const ZImportPreviewInput = z
  .object({
    cycleId: ZId,
    fileName: ZFileName,
    contentBase64: ZContent,
    ...ZInstrumentField,
    ...ZImportAnswers,
  })
  .strict();
const ZImportConfirmInput = z
  .object({
    cycleId: ZId,
    version: z.number().int().min(1),
    fileName: ZFileName,
    contentBase64: ZContent,
    ...ZInstrumentField,
    ...ZImportAnswers,
  })
  .strict();
// A recap fills the primary's sheets only (decision 022).
const ZRecapPreviewInput = z
  .object({ studyId: ZId, fileName: ZFileName, contentBase64: ZContent, ...ZImportAnswers })
  .strict()
  .omit({ percentColumn: true });
const ZRecapConfirmInput = ZRecapPreviewInput.extend({
  /** The version of the study's Kondisi Awal as the preview read it. */
  version: z.number().int().min(1),
}).strict();

/** The comparison's download: its filters and sort, every page, in one format. */
export const ZComparisonExportInput = ZDistrictComparisonInput.omit({
  page: true,
  pageSize: true,
}).extend({
  format: ZFormat,
});

/** The recap of a study (or an instrument) that has no observation yet. */
const NO_RECAP: ChapterRecap = {
  number: 1,
  caption: 'Rekapitulasi (belum ada observasi)',
  cycleLabels: [],
  gainLabel: null,
  gainOrder: [],
  gainHeaders: [],
  rows: [],
  means: [],
  meanBands: [],
  meanGain: null,
};

/** Approved cycles only unless the reader asks for submitted ones too (issue 14). */
const ZBasisField = { basis: ZFigureBasis.default('approved') };

/** The chapter of a study whose scope the procedure checked (`ctx.scope`). */
async function studyChapter(
  ctx: Context & { scope: { districtId: string } },
  studyId: string,
  basis: TFigureBasis,
): Promise<ResultsChapter> {
  return (await studyChapterAndDetail(ctx, studyId, basis)).chapter;
}

/** The chapter with the report it was built from (the recap adds a sheet per instrument). */
async function studyChapterAndDetail(
  ctx: Context & { scope: { districtId: string } },
  studyId: string,
  basis: TFigureBasis,
) {
  const [detail, { today }, attachments, letterhead, signers] = await Promise.all([
    schoolDetail(ctx.db, { districtId: ctx.scope.districtId, studyId, basis }),
    districtToday(ctx.db, ctx.scope.districtId, ctx.now()),
    listStudyAttachments(ctx.db, studyId),
    letterheadView(ctx, ctx.scope.districtId),
    reportSigners(ctx.db, studyId),
  ]);
  const plans = await followUpViews(ctx.db, { studyId }, today);
  const chapter = buildChapter(detail, plans, attachments, { letterhead, ...signers, today });
  return { chapter, detail };
}

async function studyHeading(ctx: Context, studyId: string) {
  const heading = await getStudyHeading(ctx.db, studyId);
  if (!heading) throw notFound();
  return heading;
}

/**
 * The cycle, its study and school, the roster, and the instrument a sheet scores (its
 * rubric and bands; the primary's unless `instrument` names another): what an import needs.
 */
async function importContext(ctx: Context, cycleId: string, instrument = 0) {
  const context = await getCycleContext(ctx.db, cycleId);
  if (!context) throw notFound();
  const [teachers, study, instruments] = await Promise.all([
    listTeachers(ctx.db, { schoolId: context.schoolId, includeInactive: true }),
    studyHeading(ctx, context.studyId),
    listStudyInstruments(ctx.db, context.studyId),
  ]);
  const chosen =
    instrument === 0
      ? {
          key: instruments[0]?.key ?? PRIMARY_INSTRUMENT_KEY,
          definition: context.definition,
          bands: context.bands,
        }
      : await studyInstrument(ctx.db, context.studyId, instrument);
  // A study of one instrument names none: its files are as before instruments.
  const sheet = { instrument, ...chosen, named: instruments.length > 1 };
  return { context, teachers, study, sheet };
}

/** "Siklus I rpp": a sheet's name when the study has several instruments, else the cycle's label. */
const sheetLabel = (label: string, sheet: { key: string; named: boolean }) =>
  sheet.named ? `${label} ${sheet.key}` : label;

async function previewFile(ctx: Context, input: z.infer<typeof ZImportPreviewInput>) {
  const { context, teachers, sheet } = await importContext(
    ctx,
    input.cycleId,
    input.instrument ?? 0,
  );
  const rememberedHeader = await getImportPercentHeader(ctx.db, context.schoolId);
  const bytes = decodeUpload(input.contentBase64);
  // A workbook may hold every cycle's table: the sheet named like this cycle wins.
  // With several instruments, the sheet named like this cycle and instrument ("Siklus I rpp").
  const grid = await readSheet(input.fileName, bytes, [
    ...(sheet.named
      ? [
          sheetLabel(cycleLabel(context.ordinal, 'id'), sheet),
          sheetLabel(cycleLabel(context.ordinal, 'en'), sheet),
        ]
      : []),
    cycleLabel(context.ordinal, 'id'),
    cycleLabel(context.ordinal, 'en'),
    `Tabel ${context.ordinal + 1}`,
  ]);
  const result = interpretSheet(grid, {
    definition: sheet.definition,
    bandSet: sheet.bands,
    roster: new RosterIndex(teachers),
    percentColumn: input.percentColumn,
    answers: new Map((input.teacherAnswers ?? []).map((a) => [a.row, a.teacherId])),
    // A recap sheet's column headed like this cycle is this cycle's percentage.
    cycleHeaders: [cycleLabel(context.ordinal, 'id'), cycleLabel(context.ordinal, 'en')],
    rememberedHeader,
    scale: input.scale,
  });
  return { context, grid, result, teachers, sheet };
}

/**
 * A recap sheet goes into a study that has nothing yet: its Kondisi Awal in draft, with no
 * observation, and no later cycle. Anything else would mix the sheet with what is there.
 */
async function recapFile(ctx: Context, input: z.infer<typeof ZRecapPreviewInput>) {
  const cycles = await listStudyCycles(ctx.db, input.studyId);
  const baseline = cycles[0];
  if (!baseline || cycles.length > 1 || baseline.status !== 'draft' || baseline.n > 0) {
    throw new AppError(
      'CONFLICT',
      {
        id: 'Rekap per siklus hanya dapat diimpor ke penelitian yang masih kosong (Kondisi Awal berstatus draf, belum ada observasi). Buat penelitian baru untuk rekap ini.',
        en: 'A recap per cycle can only be imported into an empty study (its Kondisi Awal in draft, no observation yet). Create a new study for this recap.',
      },
      { field: 'studyId' },
    );
  }
  const { context, teachers } = await importContext(ctx, baseline.id);
  const bytes = decodeUpload(input.contentBase64);
  const grid = await readSheet(input.fileName, bytes, ['Rekap', 'Rekapitulasi', 'Recap']);
  const result = interpretRecap(grid, {
    definition: context.definition,
    bandSet: context.bands,
    roster: new RosterIndex(teachers),
    answers: new Map((input.teacherAnswers ?? []).map((a) => [a.row, a.teacherId])),
    scale: input.scale,
  });
  return { baseline, context, grid, result, teachers };
}

function recapOut(
  fileName: string,
  grid: { format: 'xlsx' | 'csv'; sheetName: string | null },
  result: RecapResult,
  baseline: { id: string; version: number },
) {
  return {
    fileName,
    format: grid.format,
    sheetName: grid.sheetName,
    headerRow: result.headerRow,
    scale: result.scale,
    baseline: { id: baseline.id, version: baseline.version },
    cycles: result.cycles.map((c) => ({
      ordinal: c.ordinal,
      label: c.label,
      column: c.column,
      header: c.header,
      columns: c.result.columns,
      rows: c.result.rows.map(({ observation: _o, ...r }) => r),
      summary: c.result.summary,
      printedMean: c.printedMean,
      printedMeanBand: c.printedMeanBand,
    })),
    problems: result.problems.slice(0, MAX_PROBLEMS_SHOWN),
    problemCount: result.problems.length,
    questions: result.questions.slice(0, MAX_PROBLEMS_SHOWN),
    ok: result.ok,
  };
}

/** Refuses a file with open questions or problems: nothing is written from it. */
function assertSavable(
  questions: readonly unknown[],
  problems: ImportResult['problems'],
  rows: number,
): void {
  if (questions.length > 0) {
    // Nothing is stored from a column, or for a teacher, the principal has not confirmed.
    throw new AppError(
      'BAD_REQUEST',
      {
        id: `Masih ada ${questions.length} pertanyaan pada pratinjau; jawab dahulu, lalu simpan.`,
        en: `The preview still has ${questions.length} open question(s); answer them first, then save.`,
      },
      { field: 'contentBase64' },
    );
  }
  if (problems.length > 0 || rows === 0) {
    const n = problems.length;
    throw new AppError(
      'BAD_REQUEST',
      {
        id: `Berkas masih memiliki ${n} masalah; tidak ada yang disimpan. Perbaiki lalu unggah lagi.`,
        en: `The file still has ${n} problem(s); nothing was saved. Fix them and upload again.`,
      },
      {
        field: 'contentBase64',
        details: {
          issues: problems.slice(0, 50).map((p) => ({
            field: p.row === null ? 'file' : `row.${p.row}${p.column ? `.${p.column}` : ''}`,
            messages: p.message,
          })),
        },
      },
    );
  }
}

/** Problems shown at most; the count says how many there were. */
const MAX_PROBLEMS_SHOWN = 500;

function previewOut(
  fileName: string,
  grid: { format: 'xlsx' | 'csv'; sheetName: string | null },
  result: ImportResult,
  context: { version: number; status: string; ordinal: number },
  unmatched: { id: string; name: string }[],
  sheet: { instrument: number; key: string } = { instrument: 0, key: PRIMARY_INSTRUMENT_KEY },
) {
  return {
    fileName,
    /** The instrument whose rubric and bands scored the rows (decision 022). */
    instrument: { number: sheet.instrument, key: sheet.key },
    format: grid.format,
    sheetName: grid.sheetName,
    mode: result.mode,
    headerRow: result.headerRow,
    columns: result.columns,
    rows: result.rows.map(({ observation: _o, ...r }) => r),
    problems: result.problems.slice(0, MAX_PROBLEMS_SHOWN),
    problemCount: result.problems.length,
    questions: result.questions.slice(0, MAX_PROBLEMS_SHOWN),
    summary: result.summary,
    /** The scale the percentage column was read on ('percent' unless the principal said). */
    scale: result.scale,
    /** Active teachers of the roster without a row in the file (kept as they are). */
    unmatchedTeachers: unmatched,
    cycle: {
      version: context.version,
      status: context.status,
      editable: context.status === 'draft' || context.status === 'returned',
      label: { id: cycleLabel(context.ordinal, 'id'), en: cycleLabel(context.ordinal, 'en') },
    },
    ok: result.problems.length === 0 && result.questions.length === 0 && result.rows.length > 0,
  };
}

/**
 * A read sheet's rows as the observations to write (the preview matched every row and
 * computed its figure); a row read from indicator columns keeps its scores (a recap is
 * read in summary mode, so its rows carry none).
 */
function observationsOf(
  rows: readonly ImportRow[],
  at: { districtId: string; cycleId: string; observerId: string; instrument?: number },
) {
  return rows.map((row) => ({
    ...at,
    teacherId: row.teacherId!,
    observedOn: null,
    notes: null,
    percentage: row.percentage!,
    band: row.band!,
    scores: row.observation?.kind === 'indicators' ? row.observation.scores : {},
  }));
}

export const ioRouter = router({
  /**
   * `{ cycleId, format }` (anyone who may read the cycle): its table as XLSX or CSV. A study
   * of several instruments gets a table per instrument, the primary first (decision 022): a
   * sheet each in the XLSX, a section each in the CSV, named by the instrument's key.
   */
  cycleTable: cycleScoped.any
    .input(z.object({ cycleId: ZId, format: ZFormat }).strict())
    .query(async ({ ctx, input }): Promise<FileOut> => {
      const cycle = await cycleView(ctx.db, input.cycleId);
      const study = await studyHeading(ctx, cycle.studyId);
      const label = cycle.label.id;
      const meta = { schoolName: study.schoolName, studyTitle: study.title };
      const several = cycle.instruments.length > 1;
      const sheets = cycle.instruments.map((instrument) => {
        const sheet = cycleTableSheet(
          {
            // Tables are numbered as the paper numbers them: Kondisi Awal is Tabel 1.
            number: cycle.ordinal + 1,
            caption: `Tabel ${cycle.ordinal + 1}. ${focusPhrase(study.focus)} pada ${label}${several ? ` (instrumen ${instrument.key})` : ''}`,
            cycleId: cycle.id,
            ordinal: cycle.ordinal,
            label,
            rows: instrument.observations.map((o, i) => ({
              no: i + 1,
              name: o.teacherName,
              className: o.className,
              percentage: o.percentage,
              band: o.band,
            })),
            n: instrument.summary.n,
            mean: instrument.summary.mean,
            meanBand: instrument.summary.meanBand,
            bands: instrument.summary.bands,
          },
          meta,
        );
        return {
          sheet: several ? { ...sheet, name: `${label} ${instrument.key}` } : sheet,
          heading: `Instrumen ${instrument.key}: ${instrument.rubric.name}`,
        };
      });
      const name = `Tabel-${fileSlug(label)}-${fileSlug(study.schoolName)}.${input.format}`;
      const first = sheets[0]!.sheet;
      if (input.format === 'xlsx') {
        const bytes = await toXlsx(
          sheets.map((s) => s.sheet),
          { title: first.title![0]! },
        );
        return fileOut(name, XLSX_TYPE, bytes);
      }
      return fileOut(
        name,
        CSV_TYPE,
        several
          ? toCsvSections(sheets.map((s) => ({ label: s.heading, table: s.sheet })))
          : toCsv(first),
      );
    }),

  /**
   * `{ studyId, format }`: the teacher x cycle recap with gains and n-gain; the XLSX adds a
   * sheet per cycle table and one of the gains between cycles. A study of several
   * instruments (decision 022): the XLSX adds a recap per instrument after the primary's and
   * has each instrument's cycle tables and gains, named by its key; the CSV has a recap
   * section per instrument, the primary first.
   */
  studyRecap: studyScoped.any
    .input(z.object({ studyId: ZId, format: ZFormat, ...ZBasisField }).strict())
    .query(async ({ ctx, input }): Promise<FileOut> => {
      const { chapter, detail } = await studyChapterAndDetail(ctx, input.studyId, input.basis);
      const meta = { schoolName: chapter.study.schoolName, studyTitle: chapter.study.title };
      const name = `Rekap-${fileSlug(chapter.study.schoolName)}.${input.format}`;
      const sections = chapter.instruments ?? [];
      const recap = recapSheet(chapter.recap ?? NO_RECAP, meta);
      if (input.format === 'csv') {
        return fileOut(
          name,
          CSV_TYPE,
          sections.length < 2
            ? toCsv(recap)
            : toCsvSections(
                sections.map((s) => ({
                  label: s.heading,
                  table: recapSheet(s.recap ?? NO_RECAP, meta),
                })),
              ),
        );
      }
      // One recap per instrument, its own bands and means; the first sheet stays the primary's.
      const perInstrument =
        detail.instruments.length < 2
          ? []
          : detail.instruments.flatMap((instrument) => {
              const own = buildChapter(detailForInstrument(detail, instrument)).recap;
              return own
                ? [
                    {
                      ...recapSheet(
                        { ...own, caption: `${own.caption} (instrumen ${instrument.key})` },
                        meta,
                      ),
                      name: `Rekap ${instrument.key}`.slice(0, 31),
                    },
                  ]
                : [];
            });
      const results =
        sections.length < 2
          ? [
              ...chapter.tables.map((t) => cycleTableSheet(t, meta)),
              ...(chapter.gains ? [gainsSheet(chapter.gains)] : []),
            ]
          : sections.flatMap((s) => [
              ...s.tables.map((t) => ({
                ...cycleTableSheet(t, meta),
                name: `${t.label} ${s.key}`,
              })),
              ...(s.gains ? [{ ...gainsSheet(s.gains), name: `Peningkatan ${s.key}` }] : []),
            ]);
      const sheets = [
        recap,
        ...perInstrument,
        ...results,
        ...(chapter.followUps ? [followUpsSheet(chapter.followUps, meta)] : []),
        ...(chapter.evidence ? [evidenceSheet(chapter.evidence, meta)] : []),
      ];
      return fileOut(name, XLSX_TYPE, await toXlsx(sheets, { title: recap.title![0]! }));
    }),

  /** `{ studyId }`: the results chapter as data, for the printable page. */
  resultsChapter: studyScoped.any
    .input(z.object({ studyId: ZId, ...ZBasisField }).strict())
    .query(({ ctx, input }) => studyChapter(ctx, input.studyId, input.basis)),

  /** `{ studyId }`: the results chapter (Bab IV) as a Word document. */
  studyReport: studyScoped.any
    .input(z.object({ studyId: ZId, ...ZBasisField }).strict())
    .query(async ({ ctx, input }): Promise<FileOut> => {
      const chapter = await studyChapter(ctx, input.studyId, input.basis);
      return fileOut(
        `Bab-IV-Hasil-${fileSlug(chapter.study.schoolName)}.docx`,
        DOCX_TYPE,
        await chapterToDocx(chapter),
      );
    }),

  /**
   * The district comparison with the filters on screen, every row (not one page), as XLSX
   * or CSV (supervisors and admins of the district).
   */
  districtComparison: districtProcedure
    .input(ZComparisonExportInput)
    .query(async ({ ctx, input }): Promise<FileOut> => {
      const { format, ...filters } = input;
      const { sort, basis, ...rest } = filters;
      const rows = [];
      for (let page = 1; ; page++) {
        const result = await districtComparison(ctx.db, {
          districtId: ctx.user.districtId,
          filters: rest,
          sort,
          basis,
          page,
          pageSize: 200,
        });
        rows.push(...result.rows);
        if (result.rows.length < 200 || rows.length >= result.total) break;
      }
      const districtName = await getDistrictName(ctx.db, ctx.user.districtId);
      if (districtName === undefined) throw notFound();
      const sheet = comparisonSheet(rows, districtName);
      const name = `Perbandingan-${fileSlug(districtName)}.${format}`;
      return format === 'xlsx'
        ? fileOut(name, XLSX_TYPE, await toXlsx([sheet], { title: sheet.title![0]! }))
        : fileOut(name, CSV_TYPE, toCsv(sheet));
    }),

  /**
   * `{ cycleId, format, instrument? }` (the school's principal): the empty observation sheet
   * to fill in, on the instrument's rubric (the primary's when absent); with several
   * instruments its sheet and file are named by the instrument's key.
   */
  importTemplate: cycleScoped.principal
    .input(z.object({ cycleId: ZId, format: ZFormat, ...ZInstrumentField }).strict())
    .query(async ({ ctx, input }): Promise<FileOut> => {
      const { context, teachers, study, sheet } = await importContext(
        ctx,
        input.cycleId,
        input.instrument ?? 0,
      );
      const label = sheetLabel(cycleLabel(context.ordinal, 'id'), sheet);
      const table = templateSheet(
        sheet.definition,
        teachers.filter((t) => t.active),
        { cycleLabel: label, studyTitle: study.title, schoolName: study.schoolName },
      );
      const name = `Lembar-Observasi-${fileSlug(label)}-${fileSlug(study.schoolName)}.${input.format}`;
      return input.format === 'xlsx'
        ? fileOut(name, XLSX_TYPE, await toXlsx([table], { title: table.title![0]! }))
        : fileOut(name, CSV_TYPE, toCsv(table));
    }),

  /**
   * `{ cycleId, fileName, contentBase64 }` (principal): reads the sheet and answers what
   * confirm would write, with every problem by row and column. Writes nothing (a mutation
   * only because the file travels in the body).
   */
  previewImport: cycleScoped.principal
    .input(ZImportPreviewInput)
    .mutation(async ({ ctx, input }) => {
      const { context, grid, result, teachers, sheet } = await previewFile(ctx, input);
      const inFile = new Set(result.rows.flatMap((r) => (r.teacherId ? [r.teacherId] : [])));
      const unmatched = teachers
        .filter((t) => t.active && !inFile.has(t.id))
        .map((t) => ({ id: t.id, name: t.name }));
      return previewOut(input.fileName, grid, result, context, unmatched, sheet);
    }),

  /**
   * `{ cycleId, version, fileName, contentBase64 }` (principal): parses the file again and
   * writes every row in one transaction, or nothing: any problem refuses the whole file.
   * Teachers not in the file keep their observations. Bumps the cycle's version once.
   */
  confirmImport: cycleScoped.principal
    .input(ZImportConfirmInput)
    .mutation(async ({ ctx, input }) => {
      const { context, result, sheet } = await previewFile(ctx, input);
      assertSavable(result.questions, result.problems, result.rows.length);
      const observerId = ctx.user.id;
      const written = await ctx.db.transaction().execute(async (tx) => {
        const touched = await touchCycle(tx, {
          districtId: ctx.user.districtId,
          cycleId: input.cycleId,
          version: input.version,
        });
        await upsertObservations(
          tx,
          observationsOf(result.rows, {
            districtId: context.districtId,
            cycleId: input.cycleId,
            observerId,
            instrument: sheet.instrument,
          }),
        );
        // A column the principal picked is remembered for the school's next file.
        const picked = result.columns.find((c) => c.key === 'percentage' && c.chosen === 'picked');
        if (picked) await setImportPercentHeader(tx, context.schoolId, picked.header);
        await audit(
          ctx,
          {
            action: 'cycle.import',
            entity: 'cycle',
            entityId: input.cycleId,
            schoolId: context.schoolId,
            after: {
              fileName: input.fileName,
              ...(sheet.instrument === 0 ? {} : { instrument: sheet.key }),
              rows: result.rows.length,
              mean: result.summary.mean,
              scale: result.scale,
              // Which column each figure came from, as the preview named it.
              columns: result.columns.map((c) => ({
                key: c.key,
                column: c.column,
                header: c.header,
                chosen: c.chosen,
              })),
            },
          },
          tx,
        );
        return touched;
      });
      const record = await getCycleRecord(ctx.db, input.cycleId);
      return {
        version: written.version,
        status: record?.status ?? written.status,
        imported: result.rows.length,
        summary: result.summary,
      };
    }),

  /**
   * `{ studyId, fileName, contentBase64, teacherAnswers?, scale? }` (principal): reads a
   * recap sheet (one column per cycle) against an empty study and answers what confirm
   * would write for each cycle, with the printed "Rata-rata" of each. Writes nothing.
   */
  previewRecap: studyScoped.principal.input(ZRecapPreviewInput).mutation(async ({ ctx, input }) => {
    const { baseline, grid, result } = await recapFile(ctx, input);
    return recapOut(input.fileName, grid, result, baseline);
  }),

  /**
   * `{ studyId, version, fileName, contentBase64, ... }` (principal): in one transaction,
   * fills Kondisi Awal, opens and fills each later cycle, stores each cycle's printed mean
   * and band, and submits every cycle; any problem writes nothing. The cycles are submitted
   * together as the one paper they come from (decision 016), so the consistency check of
   * each is there for the reviewer; answers every cycle's figures and that check.
   */
  confirmRecap: studyScoped.principal.input(ZRecapConfirmInput).mutation(async ({ ctx, input }) => {
    const { baseline, context, result } = await recapFile(ctx, input);
    assertSavable(
      result.questions,
      result.problems,
      result.cycles.length === 0 ? 0 : Math.min(...result.cycles.map((c) => c.result.rows.length)),
    );
    const observerId = ctx.user.id;
    const schoolId = context.schoolId;
    const written = await ctx.db.transaction().execute(async (tx) => {
      const ids: string[] = [];
      for (const cycle of result.cycles) {
        let cycleId = baseline.id;
        let version = input.version;
        if (cycle.ordinal > 0) {
          const opened = await insertNextCycle(tx, input.studyId);
          if ('blockedBy' in opened) throw new Error('the previous recap cycle was not submitted');
          cycleId = opened.id;
          version = 1;
        }
        const touched = await touchCycle(tx, {
          districtId: ctx.user.districtId,
          cycleId,
          version,
          patch: printedFiguresPatch({
            printedMean: cycle.printedMean?.value ?? null,
            printedMeanText: cycle.printedMean?.typed ?? null,
            printedMeanBand: cycle.printedMeanBand,
            printedBands: null,
          }),
        });
        await upsertObservations(
          tx,
          observationsOf(cycle.result.rows, {
            districtId: context.districtId,
            cycleId,
            observerId,
          }),
        );
        await transitionCycleIn(tx, ctx, {
          cycleId,
          version: touched.version,
          action: 'submit',
          actor: ctx.user,
          districtId: context.districtId,
          schoolId,
          patch: (now) => ({ submitted_at: now }),
        });
        ids.push(cycleId);
      }
      await audit(
        ctx,
        {
          action: 'study.recapImport',
          entity: 'study',
          entityId: input.studyId,
          schoolId,
          after: {
            fileName: input.fileName,
            scale: result.scale,
            cycles: result.cycles.map((c, i) => ({
              cycleId: ids[i],
              ordinal: c.ordinal,
              column: c.column,
              header: c.header,
              rows: c.result.rows.length,
              mean: c.result.summary.mean,
              printedMean: c.printedMean?.typed ?? null,
            })),
          },
        },
        tx,
      );
      return ids;
    });
    const views = await Promise.all(written.map((id) => cycleView(ctx.db, id)));
    return {
      studyId: input.studyId,
      cycles: views.map((v) => ({
        id: v.id,
        ordinal: v.ordinal,
        label: v.label,
        status: v.status,
        version: v.version,
        summary: v.summary,
        printed: v.printed,
        mismatches: v.mismatches,
      })),
    };
  }),
});
