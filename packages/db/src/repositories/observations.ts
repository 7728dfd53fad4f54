import type { TCycleStatus } from '@siklus/domain';
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import { iso } from '../iso';
import { jsonb } from '../json';
import type { DB } from '../schema';
import { type AuditEntryInput, auditInsert } from './audit';
import { EDITABLE_STATUSES, explainRefusedTouch } from './cycles';

/*
 * Observations: one teacher's sheet in one cycle. The percentage and band are computed by
 * the domain package before they reach here; this module only stores them, with the
 * indicator scores, and must be called inside the transaction that bumped the cycle's
 * version (touchCycle), so the sheet and its scores change together or not at all.
 */

type Db = Kysely<DB> | Transaction<DB>;

export interface ObservationWrite {
  districtId: string;
  cycleId: string;
  teacherId: string;
  observerId: string | null;
  observedOn: string | null;
  notes: string | null;
  percentage: string;
  band: string;
  /** Indicator key -> score, or 'na'; empty for a summary rubric. */
  scores: Record<string, number | 'na'>;
  /** The study's instrument the sheet scores (decision 022); 0, the primary, when absent. */
  instrument?: number;
}

/** The observations row of a write: the one mapping upsertObservation and the bulk import share. */
export function observationRow(o: ObservationWrite) {
  return {
    district_id: o.districtId,
    cycle_id: o.cycleId,
    teacher_id: o.teacherId,
    observer_id: o.observerId,
    observed_on: o.observedOn,
    notes: o.notes,
    percentage: o.percentage,
    band: o.band,
    instrument: o.instrument ?? 0,
  };
}

/** Inserts or replaces a teacher's observation in a cycle, with its indicator scores. */
export async function upsertObservation(db: Db, o: ObservationWrite): Promise<{ id: string }> {
  const { rows } = await sql<{ id: string }>`
    with written as (${observationInsert(o, sql`values (${sql.join(observationValues(o))})`)})
    ${scoreWrites(o)}
    select id from written`.execute(db);
  return rows[0]!;
}

export interface SavedObservation {
  id: string;
  /** The cycle's version after the write. */
  version: number;
  /** The cycle's stage dates as stored ('YYYY-MM-DD'), for checking the sheet's date. */
  planningDate: string | null;
  reflectionDate: string | null;
}

/**
 * A principal's save, in one statement: bumps the cycle's version (optimistic lock, only
 * from an editable status), writes the sheet and its scores, and the audit row (its
 * entity id the sheet's). Nothing is written when the version is stale or the status does
 * not allow it; then the same errors as touchCycle. One round trip instead of six (issue
 * 19); the statement is atomic on its own, so a caller needs a transaction only when it
 * checks something afterwards (it throws, and the transaction rolls the save back).
 *
 * With a `changeId` (a save from a device's outbox, decision 024) the same statement
 * remembers the id, and a second send of it writes nothing and answers what the first
 * wrote (`replayed`), so a save repeated after a timeout is stored once, in one round trip.
 */
export async function saveObservation(
  db: Db,
  args: {
    version: number;
    observation: ObservationWrite;
    audit: AuditEntryInput;
    changeId?: string | null;
  },
): Promise<SavedObservation & { replayed: boolean }> {
  const o = args.observation;
  const changeId = args.changeId ?? null;
  const { rows } = await sql<SavedObservation & { replayed: boolean }>`
    with prior as (
      select c.observation_id as id, c.version from observation_changes c
        join observations ob on ob.id = c.observation_id and ob.cycle_id = ${o.cycleId}
       where c.district_id = ${o.districtId} and c.change_id = ${changeId}::uuid),
    touched as (
      update cycles set version = version + 1, updated_at = now()
       where district_id = ${o.districtId} and id = ${o.cycleId} and version = ${args.version}
         and status in (${sql.join(EDITABLE_STATUSES)})
         and not exists (select 1 from prior)
         -- A closed study is read-only (study-closing.ts) until an admin reopens it.
         and not exists (select 1 from studies s
                          where s.id = cycles.study_id and s.closed_at is not null)
      returning version, planning_date, reflection_date),
    written as (${observationInsert(o, sql`select ${sql.join(observationValues(o))} from touched`)})
    ${scoreWrites(o)},
    logged as (${auditInsert(args.audit, sql`written.id::text`, sql`from written`)}),
    remembered as (
      insert into observation_changes (district_id, change_id, observation_id, version)
      select ${o.districtId}::uuid, ${changeId}::uuid, w.id, t.version from written w, touched t
       where ${changeId}::uuid is not null
      -- Only a forged id repeats on another cycle: that save stands, unremembered.
      on conflict do nothing)
    select w.id, t.version, t.planning_date::text as "planningDate",
           t.reflection_date::text as "reflectionDate", false as replayed
      from written w, touched t
    union all
    select p.id, p.version, null::text, null::text, true from prior p`.execute(db);
  return (
    rows[0] ?? explainRefusedTouch(db, o.districtId, o.cycleId, args.version, EDITABLE_STATUSES)
  );
}

function observationValues(o: ObservationWrite): RawBuilder<unknown>[] {
  return [
    sql`${o.districtId}::uuid`,
    sql`${o.cycleId}::uuid`,
    sql`${o.teacherId}::uuid`,
    sql`${o.observerId}::uuid`,
    sql`${o.observedOn}::date`,
    sql`${o.notes}::text`,
    sql`${o.percentage}::numeric`,
    sql`${o.band}::text`,
    sql`${o.instrument ?? 0}::smallint`,
  ];
}

/** The sheet's upsert, its row from `source` (values or a select), returning its id. */
function observationInsert(o: ObservationWrite, source: RawBuilder<unknown>) {
  return sql`insert into observations
      (district_id, cycle_id, teacher_id, observer_id, observed_on, notes, percentage, band,
       instrument)
    ${source}
    on conflict (cycle_id, teacher_id, instrument) do update set
      observer_id = excluded.observer_id, observed_on = excluded.observed_on,
      notes = excluded.notes, percentage = excluded.percentage, band = excluded.band,
      updated_at = now()
    returning id`;
}

/**
 * The sheet's indicator scores as CTEs after `written`: scores of other indicators go,
 * the given ones are upserted (an empty set for a summary rubric removes them all). The
 * two touch different keys, so they can share the statement.
 */
function scoreWrites(o: ObservationWrite): RawBuilder<unknown> {
  const scores = Object.entries(o.scores).map(([k, s]) => ({
    k,
    s: s === 'na' ? null : s,
    na: s === 'na',
  }));
  return sql`,
    given as (select * from jsonb_to_recordset(${jsonb(scores)}) as g(k text, s int, na boolean)),
    dropped as (
      delete from indicator_scores i using written w
       where i.district_id = ${o.districtId} and i.observation_id = w.id
         and i.indicator_key not in (select k from given)),
    scored as (
      insert into indicator_scores (district_id, observation_id, indicator_key, score, not_applicable)
      select ${o.districtId}::uuid, w.id, g.k, g.s, g.na from written w, given g
      on conflict (observation_id, indicator_key) do update
        set score = excluded.score, not_applicable = excluded.not_applicable)`;
}

/** Removes a teacher's sheet of one instrument (its scores cascade); its figures as they were, or null when there was none. */
export async function deleteObservation(
  db: Db,
  cycleId: string,
  teacherId: string,
  instrument = 0,
): Promise<ObservationFigures | null> {
  const row = await db
    .deleteFrom('observations')
    .where('cycle_id', '=', cycleId)
    .where('teacher_id', '=', teacherId)
    .where('instrument', '=', instrument)
    .returning(['percentage', 'band'])
    .executeTakeFirst();
  return row ?? null;
}

export interface ObservationFigures {
  percentage: string;
  band: string;
}

export async function hasObservation(db: Db, cycleId: string, teacherId: string): Promise<boolean> {
  const row = await db
    .selectFrom('observations')
    .select('id')
    .where('cycle_id', '=', cycleId)
    .where('teacher_id', '=', teacherId)
    .executeTakeFirst();
  return row !== undefined;
}

/** A cycle's sheets: of every instrument, or of the one named (decision 022). */
export async function countObservations(
  db: Db,
  cycleId: string,
  instrument?: number,
): Promise<number> {
  let query = db
    .selectFrom('observations')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('cycle_id', '=', cycleId);
  if (instrument !== undefined) query = query.where('instrument', '=', instrument);
  const row = await query.executeTakeFirstOrThrow();
  return row.n;
}

export interface CycleObservation {
  id: string;
  teacherId: string;
  teacherName: string;
  className: string | null;
  teacherActive: boolean;
  sortOrder: number;
  percentage: string;
  band: string;
  observedOn: string | null;
  notes: string | null;
  updatedAt: string;
  /** Indicator key -> score or 'na'; null for a summary rubric. */
  scores: Record<string, number | 'na'> | null;
  /** The study's instrument (0 the primary, decision 022). */
  instrument: number;
}

/** A cycle's observations of every instrument in roster order, with their indicator scores. */
export async function listCycleObservations(db: Db, cycleId: string): Promise<CycleObservation[]> {
  const rows = await db
    .selectFrom('observations as o')
    .innerJoin('teachers as t', 't.id', 'o.teacher_id')
    .select([
      'o.id',
      'o.teacher_id as teacherId',
      't.name as teacherName',
      't.class_name as className',
      't.active as teacherActive',
      't.sort_order as sortOrder',
      'o.percentage',
      'o.band',
      'o.observed_on as observedOn',
      'o.notes',
      'o.updated_at as updatedAt',
      'o.instrument',
      sql<{ k: string; s: number | null; na: boolean }[] | null>`(
        select jsonb_agg(jsonb_build_object('k', i.indicator_key, 's', i.score, 'na', i.not_applicable))
        from indicator_scores i where i.observation_id = o.id)`.as('scoreRows'),
    ])
    .where('o.cycle_id', '=', cycleId)
    .orderBy('o.instrument')
    .orderBy('t.sort_order')
    .orderBy('t.name')
    .execute();
  return rows.map(({ scoreRows, ...r }) => ({
    ...r,
    updatedAt: iso(r.updatedAt),
    // The table's check makes a null score and not_applicable one and the same.
    scores: scoreRows
      ? Object.fromEntries(
          scoreRows.map((s) => [s.k, s.na || s.s === null ? ('na' as const) : s.s]),
        )
      : null,
  }));
}

/**
 * The indicator scores of the sheets of some cycles of a district, per cycle: one record
 * (indicator key -> score or 'na') per scored sheet, for the domain's indicatorMeans. A
 * summary sheet has no scores and no entry. One query whatever the number of cycles.
 */
export async function cycleSheetScores(
  db: Db,
  {
    districtId,
    cycleIds,
    instrument = 0,
  }: { districtId: string; cycleIds: readonly string[]; instrument?: number },
): Promise<Map<string, Record<string, number | 'na'>[]>> {
  const bySheet = new Map<string, { cycleId: string; scores: Record<string, number | 'na'> }>();
  if (cycleIds.length > 0) {
    const rows = await db
      .selectFrom('indicator_scores as i')
      .innerJoin('observations as o', 'o.id', 'i.observation_id')
      .select(['o.cycle_id', 'i.observation_id', 'i.indicator_key', 'i.score', 'i.not_applicable'])
      .where('i.district_id', '=', districtId)
      .where('o.district_id', '=', districtId)
      .where('o.cycle_id', 'in', [...cycleIds])
      .where('o.instrument', '=', instrument)
      .execute();
    for (const r of rows) {
      const sheet = bySheet.get(r.observation_id) ?? { cycleId: r.cycle_id, scores: {} };
      // The table's check makes a null score and not_applicable one and the same.
      sheet.scores[r.indicator_key] = r.not_applicable || r.score === null ? 'na' : r.score;
      bySheet.set(r.observation_id, sheet);
    }
  }
  const byCycle = new Map<string, Record<string, number | 'na'>[]>(cycleIds.map((id) => [id, []]));
  for (const { cycleId, scores } of bySheet.values()) byCycle.get(cycleId)?.push(scores);
  return byCycle;
}

/**
 * Active teachers of a school without a sheet in the cycle, in roster order: of one
 * instrument, or (instrument omitted) of the instrument numbers given, any missing one.
 */
export async function listUnobservedTeachers(
  db: Db,
  cycleId: string,
  schoolId: string,
  instruments: readonly number[] = [0],
): Promise<{ id: string; name: string; className: string | null }[]> {
  return db
    .selectFrom('teachers as t')
    .select(['t.id', 't.name', 't.class_name as className'])
    .where('t.school_id', '=', schoolId)
    .where('t.active', '=', true)
    .where((eb) =>
      eb.or(
        instruments.map((instrument) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('observations as o')
                .select('o.id')
                .where('o.cycle_id', '=', cycleId)
                .where('o.instrument', '=', instrument)
                .whereRef('o.teacher_id', '=', 't.id'),
            ),
          ),
        ),
      ),
    )
    .orderBy('t.sort_order')
    .orderBy('t.name')
    .execute();
}

export interface TrajectoryPoint {
  studyId: string;
  studyTitle: string;
  schoolYear: string;
  cycleId: string;
  ordinal: number;
  status: TCycleStatus;
  percentage: string;
  band: string;
  observedOn: string | null;
}

/** Every observation of a teacher, study by study, cycle by cycle. */
export async function teacherObservations(db: Db, teacherId: string): Promise<TrajectoryPoint[]> {
  return (
    db
      .selectFrom('observations as o')
      .innerJoin('cycles as c', 'c.id', 'o.cycle_id')
      .innerJoin('studies as s', 's.id', 'c.study_id')
      .select([
        's.id as studyId',
        's.title as studyTitle',
        's.school_year as schoolYear',
        'c.id as cycleId',
        'c.ordinal',
        'c.status',
        'o.percentage',
        'o.band',
        'o.observed_on as observedOn',
      ])
      .where('o.teacher_id', '=', teacherId)
      // A teacher's trajectory follows each study's primary instrument (decision 022).
      .where('o.instrument', '=', 0)
      .orderBy('s.created_at')
      .orderBy('s.id')
      .orderBy('c.ordinal')
      .execute()
  );
}

export interface InstrumentCompleteness {
  instrument: number;
  key: string;
  /** Active teachers of the school without a sheet of this instrument in the cycle. */
  missing: number;
}

/**
 * Per instrument of the cycle's study (the primary first), how many active teachers have
 * no sheet of it in the cycle (decision 022: a cycle of several instruments is submitted
 * only when every instrument's sheets are complete).
 */
export async function instrumentCompleteness(
  db: Db,
  cycleId: string,
): Promise<InstrumentCompleteness[]> {
  const { rows } = await sql<InstrumentCompleteness>`
    with c as (select c.id, c.study_id, s.school_id, s.instrument_key
                 from cycles c join studies s on s.id = c.study_id where c.id = ${cycleId}),
    i as (select 0 as instrument, c.instrument_key as key from c
          union all
          select si.instrument, si.key from study_instruments si join c on si.study_id = c.study_id)
    select i.instrument, i.key, (
             select count(*)::int from teachers t, c
              where t.school_id = c.school_id and t.active
                and not exists (select 1 from observations o
                                 where o.cycle_id = c.id and o.instrument = i.instrument
                                   and o.teacher_id = t.id)) as missing
      from i order by i.instrument`.execute(db);
  return rows;
}
