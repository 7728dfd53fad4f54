import {
  AppError,
  CYCLE_STATUS_LABELS,
  type TBandSet,
  type TCycleStatus,
  type TRubricDefinition,
  type TSuccessCriteria,
} from '@siklus/domain';
import { type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import { iso, isoOrNull } from '../iso';
import type { CyclesTable, DB, PrintedBandsJson } from '../schema';
import { studyClosedError } from './study-closing';

/*
 * Cycles and their optimistic lock. Every write to a cycle (notes, observations, status)
 * goes through `touchCycle`: `update cycles set version = version + 1 ... where id = ? and
 * version = ?`. The update takes the row lock first, so two writers with the same version
 * serialise on it: the first wins, the second re-reads the row after the first commits,
 * matches nothing and gets CONFLICT; its transaction then rolls back whole.
 */

type Db = Kysely<DB> | Transaction<DB>;

export const STALE_VERSION_MESSAGES = {
  id: 'Siklus ini telah diubah oleh orang lain. Muat ulang untuk melihat versi terbaru.',
  en: 'This cycle has been changed by someone else. Reload to see the latest version.',
};

export interface CycleContext {
  id: string;
  districtId: string;
  studyId: string;
  schoolId: string;
  ordinal: number;
  status: TCycleStatus;
  version: number;
  definition: TRubricDefinition;
  bands: TBandSet;
  criteria: TSuccessCriteria;
  /** The study is closed ("selesai"): nothing in it may change. */
  studyClosed: boolean;
}

/** The cycle with what scoring it needs: its study's rubric, band set and criteria. */
export async function getCycleContext(db: Db, cycleId: string): Promise<CycleContext | undefined> {
  return db
    .selectFrom('cycles as c')
    .innerJoin('studies as s', 's.id', 'c.study_id')
    .innerJoin('rubric_versions as rv', 'rv.id', 's.rubric_version_id')
    .innerJoin('band_set_versions as bv', 'bv.id', 's.band_set_version_id')
    .innerJoin('criteria_set_versions as cv', 'cv.id', 's.criteria_set_version_id')
    .select([
      'c.id',
      'c.district_id as districtId',
      'c.study_id as studyId',
      's.school_id as schoolId',
      'c.ordinal',
      'c.status',
      'c.version',
      'rv.definition',
      'bv.bands',
      'cv.criteria',
      sql<boolean>`s.closed_at is not null`.as('studyClosed'),
    ])
    .where('c.id', '=', cycleId)
    .executeTakeFirst();
}

export interface CycleRecord {
  id: string;
  studyId: string;
  ordinal: number;
  status: TCycleStatus;
  version: number;
  planningNotes: string | null;
  planningDate: string | null;
  actionNotes: string | null;
  actionDate: string | null;
  observationNotes: string | null;
  observationDate: string | null;
  reflectionNotes: string | null;
  reflectionDate: string | null;
  reviewComment: string | null;
  reviewedBy: string | null;
  reviewedByName: string | null;
  reviewedAt: string | null;
  submittedAt: string | null;
  approvedAt: string | null;
  printedMean: string | null;
  /** As typed from the paper; null for figures saved before it was kept. */
  printedMeanText: string | null;
  printedMeanBand: string | null;
  printedBands: PrintedBandsJson | null;
  updatedAt: string;
}

export async function getCycleRecord(db: Db, cycleId: string): Promise<CycleRecord | undefined> {
  const row = await db
    .selectFrom('cycles as c')
    .leftJoin('users as u', 'u.id', 'c.reviewed_by')
    .select([
      'c.id',
      'c.study_id as studyId',
      'c.ordinal',
      'c.status',
      'c.version',
      'c.planning_notes as planningNotes',
      'c.planning_date as planningDate',
      'c.action_notes as actionNotes',
      'c.action_date as actionDate',
      'c.observation_notes as observationNotes',
      'c.observation_date as observationDate',
      'c.reflection_notes as reflectionNotes',
      'c.reflection_date as reflectionDate',
      'c.review_comment as reviewComment',
      'c.reviewed_by as reviewedBy',
      'u.full_name as reviewedByName',
      'c.reviewed_at as reviewedAt',
      'c.submitted_at as submittedAt',
      'c.approved_at as approvedAt',
      'c.printed_mean as printedMean',
      'c.printed_mean_text as printedMeanText',
      'c.printed_mean_band as printedMeanBand',
      'c.printed_bands as printedBands',
      'c.updated_at as updatedAt',
    ])
    .where('c.id', '=', cycleId)
    .executeTakeFirst();
  return (
    row && {
      ...row,
      reviewedAt: isoOrNull(row.reviewedAt),
      submittedAt: isoOrNull(row.submittedAt),
      approvedAt: isoOrNull(row.approvedAt),
      updatedAt: iso(row.updatedAt),
    }
  );
}

export type CyclePatch = Omit<
  Updateable<CyclesTable>,
  'id' | 'district_id' | 'study_id' | 'ordinal' | 'version' | 'created_at' | 'updated_at'
>;

/** The statuses a principal's write is allowed from unless a write says otherwise. */
export const EDITABLE_STATUSES: readonly TCycleStatus[] = ['draft', 'returned'];

/**
 * The optimistic-locked write: applies `patch`, bumps the version, and returns the new
 * version. `onlyIn` lists the statuses the write is allowed from (default: the editable
 * ones). Throws CONFLICT for a stale version or a status that does not allow the write,
 * NOT_FOUND when the cycle is gone.
 */
export async function touchCycle(
  db: Db,
  args: {
    /** The signed-in user's district: the row's shard key (decision 004). */
    districtId: string;
    cycleId: string;
    version: number;
    patch?: CyclePatch;
    onlyIn?: readonly TCycleStatus[];
  },
): Promise<{ version: number; status: TCycleStatus }> {
  const onlyIn = args.onlyIn ?? EDITABLE_STATUSES;
  const updated = await db
    .updateTable('cycles')
    .set({
      ...(args.patch ?? {}),
      version: sql<number>`version + 1`,
      updated_at: sql<Date>`now()`,
    })
    .where('district_id', '=', args.districtId)
    .where('id', '=', args.cycleId)
    .where('version', '=', args.version)
    .where('status', 'in', [...onlyIn])
    // A closed study is read-only (study-closing.ts) until an admin reopens it.
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('studies as s')
            .select('s.id')
            .whereRef('s.district_id', '=', 'cycles.district_id')
            .whereRef('s.id', '=', 'cycles.study_id')
            .where('s.closed_at', 'is not', null),
        ),
      ),
    )
    .returning(['version', 'status'])
    .executeTakeFirst();
  if (updated) return updated;
  return explainRefusedTouch(db, args.districtId, args.cycleId, args.version, onlyIn);
}

/**
 * Why an optimistic-locked write of a cycle touched no row: NOT_FOUND when the cycle is
 * gone, CONFLICT for a stale version or a status that does not allow the write. Always
 * throws; shared by touchCycle and writes that touch the cycle in their own statement.
 */
export async function explainRefusedTouch(
  db: Db,
  districtId: string,
  cycleId: string,
  version: number,
  onlyIn: readonly TCycleStatus[],
): Promise<never> {
  const current = await db
    .selectFrom('cycles as c')
    .innerJoin('studies as s', (j) =>
      j.onRef('s.id', '=', 'c.study_id').onRef('s.district_id', '=', 'c.district_id'),
    )
    .select(['c.version', 'c.status', 's.closed_at as closedAt'])
    .where('c.district_id', '=', districtId)
    .where('c.id', '=', cycleId)
    .executeTakeFirst();
  if (!current) {
    throw new AppError('NOT_FOUND', {
      id: 'Siklus tidak ditemukan.',
      en: 'The cycle was not found.',
    });
  }
  if (current.closedAt !== null) throw studyClosedError();
  if (current.version !== version) {
    throw new AppError('CONFLICT', STALE_VERSION_MESSAGES, {
      field: 'version',
      details: { currentVersion: current.version },
    });
  }
  const label = CYCLE_STATUS_LABELS[current.status];
  throw new AppError(
    'CONFLICT',
    current.status === 'approved'
      ? {
          id: 'Siklus sudah disetujui dan terkunci; hanya admin yang dapat membukanya kembali.',
          en: 'The cycle is approved and locked; only an admin can reopen it.',
        }
      : current.status === 'submitted' && onlyIn.includes('draft')
        ? {
            id: 'Siklus sedang diajukan untuk ditinjau dan tidak dapat diubah.',
            en: 'The cycle is submitted for review and cannot be changed.',
          }
        : {
            id: `Siklus berstatus ${label.id} tidak dapat diubah dengan cara ini.`,
            en: `A cycle that is ${label.en.toLowerCase()} cannot be changed this way.`,
          },
    { field: 'status', details: { status: current.status } },
  );
}

/** Printed figures as the API hands them over (numbers normalised by the caller). */
export interface PrintedFiguresInput {
  printedMean: string | null;
  /** The mean as typed; defaults to printedMean. */
  printedMeanText?: string | null;
  printedMeanBand: string | null;
  printedBands: PrintedBandsJson | null;
}

/** A cycle's fixed printed figures, stored as given: the cycle row's columns, or an instrument's row's. */
export function printedFiguresPatch(p: PrintedFiguresInput) {
  return {
    printed_mean: p.printedMean,
    printed_mean_text: p.printedMeanText !== undefined ? p.printedMeanText : p.printedMean,
    printed_mean_band: p.printedMeanBand,
    // A JSON string: `pg` would send an array as a Postgres array literal (see json.ts).
    printed_bands: p.printedBands === null ? null : JSON.stringify(p.printedBands),
  } satisfies CyclePatch;
}

/**
 * A further instrument's (1 to 4) printed figures of a cycle (decision 022; the primary's
 * are the cycle row's): kept in its row, which goes when nothing printed is left. The
 * caller has bumped the cycle's version in the same transaction.
 */
export async function saveInstrumentPrintedFigures(
  db: Db,
  args: { districtId: string; cycleId: string; instrument: number; figures: PrintedFiguresInput },
): Promise<void> {
  const columns = printedFiguresPatch(args.figures);
  if (
    columns.printed_mean === null &&
    columns.printed_mean_band === null &&
    columns.printed_bands === null
  ) {
    await db
      .deleteFrom('cycle_printed_figures')
      .where('district_id', '=', args.districtId)
      .where('cycle_id', '=', args.cycleId)
      .where('instrument', '=', args.instrument)
      .execute();
    return;
  }
  await db
    .insertInto('cycle_printed_figures')
    .values({
      district_id: args.districtId,
      cycle_id: args.cycleId,
      instrument: args.instrument,
      ...columns,
    })
    .onConflict((oc) => oc.columns(['cycle_id', 'instrument']).doUpdateSet(columns))
    .execute();
}

/** One instrument's printed figures of a cycle, as `CycleRecord` carries the primary's. */
export type InstrumentPrintedFigures = Pick<
  CycleRecord,
  'printedMean' | 'printedMeanText' | 'printedMeanBand' | 'printedBands'
> & { instrument: number };

/** The further instruments' printed figures of a cycle (none for the primary: see CycleRecord). */
export async function listInstrumentPrintedFigures(
  db: Db,
  cycleId: string,
): Promise<InstrumentPrintedFigures[]> {
  return db
    .selectFrom('cycle_printed_figures')
    .select([
      'instrument',
      'printed_mean as printedMean',
      'printed_mean_text as printedMeanText',
      'printed_mean_band as printedMeanBand',
      'printed_bands as printedBands',
    ])
    .where('cycle_id', '=', cycleId)
    .orderBy('instrument')
    .execute();
}

/** The next cycle of a study. Call in a transaction; the study row is locked first. */
export async function insertNextCycle(
  db: Db,
  studyId: string,
): Promise<
  { id: string; ordinal: number } | { blockedBy: { ordinal: number; status: TCycleStatus } }
> {
  // Lock the study so two "add cycle" clicks cannot both read the same last ordinal.
  const study = await db
    .selectFrom('studies')
    .select(['id', 'district_id', 'closed_at'])
    .where('id', '=', studyId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (study.closed_at !== null) throw studyClosedError();
  const last = await db
    .selectFrom('cycles')
    .select(['ordinal', 'status'])
    .where('study_id', '=', studyId)
    .orderBy('ordinal', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (last && last.status !== 'submitted' && last.status !== 'approved') {
    return { blockedBy: last };
  }
  const ordinal = last ? last.ordinal + 1 : 0;
  const row = await db
    .insertInto('cycles')
    .values({ district_id: study.district_id, study_id: studyId, ordinal })
    .returning(['id', 'ordinal'])
    .executeTakeFirstOrThrow();
  return row;
}

export interface ReviewQueueItem {
  cycleId: string;
  version: number;
  ordinal: number;
  status: TCycleStatus;
  submittedAt: string | null;
  studyId: string;
  studyTitle: string;
  schoolId: string;
  schoolName: string;
  npsn: string;
  subdistrict: string;
  n: number;
  mean: string | null;
}

/** Submitted cycles of a district, oldest submission first. */
export async function reviewQueue(
  db: Db,
  q: { districtId: string; limit: number; offset: number },
): Promise<{ total: number; items: ReviewQueueItem[] }> {
  const base = db
    .selectFrom('cycles as c')
    .where('c.district_id', '=', q.districtId)
    .where('c.status', '=', 'submitted');
  const [items, total] = await Promise.all([
    base
      .innerJoin('studies as s', 's.id', 'c.study_id')
      .innerJoin('schools as sch', 'sch.id', 's.school_id')
      .leftJoin('cycle_aggregates as a', (j) =>
        j
          .onRef('a.cycle_id', '=', 'c.id')
          .onRef('a.district_id', '=', 'c.district_id')
          .on('a.instrument', '=', 0),
      )
      .select([
        'c.id as cycleId',
        'c.version',
        'c.ordinal',
        'c.status',
        'c.submitted_at as submittedAt',
        's.id as studyId',
        's.title as studyTitle',
        'sch.id as schoolId',
        'sch.name as schoolName',
        'sch.npsn',
        'sch.subdistrict',
        sql<number>`coalesce(a.n, 0)`.as('n'),
        'a.mean',
      ])
      .orderBy('c.submitted_at', 'asc')
      .orderBy('c.id')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: total.total,
    items: items.map((i) => ({ ...i, submittedAt: isoOrNull(i.submittedAt) })),
  };
}
