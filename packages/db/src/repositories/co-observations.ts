import type { Kysely, Transaction } from 'kysely';
import { iso } from '../iso';
import { jsonb } from '../json';
import type { CoObservationSide, DB, ObservationInputJson } from '../schema';

/*
 * Co-observation (issue 18): the school's observer (first) and an independent one
 * (second) score the same lesson. This module stores and reads; who may see which sheet
 * is decided by the API (a side is shown to the other observer only when both are saved).
 */

type Db = Kysely<DB> | Transaction<DB>;

export interface CoObservationScope {
  districtId: string;
  schoolId: string;
  firstObserverId: string;
  secondObserverId: string;
}

/** Where a co-observation lives and who its two observers are (for the scope check). */
export function loadCoObservationScope(
  db: Db,
  id: string,
): Promise<CoObservationScope | undefined> {
  return db
    .selectFrom('co_observations')
    .select([
      'district_id as districtId',
      'school_id as schoolId',
      'first_observer_id as firstObserverId',
      'second_observer_id as secondObserverId',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A user who might observe: role, school and whether the account is active. */
export function getObserverCandidate(db: Db, districtId: string, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'role', 'school_id as schoolId', 'active', 'full_name as fullName'])
    .where('district_id', '=', districtId)
    .where('id', '=', userId)
    .executeTakeFirst();
}

/** Active accounts of one role, as id and name: the base of the two candidate lists below. */
function activeUsersOfRole(db: Db, role: 'principal' | 'supervisor') {
  return db
    .selectFrom('users')
    .select(['id', 'full_name as fullName'])
    .where('role', '=', role)
    .where('active', '=', true);
}

/** The school's active principal accounts, oldest first. */
export function listSchoolPrincipals(db: Db, schoolId: string) {
  return activeUsersOfRole(db, 'principal')
    .where('school_id', '=', schoolId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Supervisors of a district (candidates for the second observer). */
export function listDistrictSupervisors(db: Db, districtId: string) {
  return activeUsersOfRole(db, 'supervisor')
    .where('district_id', '=', districtId)
    .orderBy('full_name')
    .execute();
}

export interface CoObservationCreate {
  districtId: string;
  schoolId: string;
  cycleId: string;
  teacherId: string;
  firstObserverId: string;
  secondObserverId: string;
  observedOn: string | null;
  createdBy: string;
}

/** A new pair; undefined when the same second observer already has this lesson. */
export async function insertCoObservation(
  db: Db,
  c: CoObservationCreate,
): Promise<{ id: string } | undefined> {
  return db
    .insertInto('co_observations')
    .values({
      district_id: c.districtId,
      school_id: c.schoolId,
      cycle_id: c.cycleId,
      teacher_id: c.teacherId,
      first_observer_id: c.firstObserverId,
      second_observer_id: c.secondObserverId,
      observed_on: c.observedOn,
      created_by: c.createdBy,
    })
    .onConflict((oc) => oc.columns(['cycle_id', 'teacher_id', 'second_observer_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

/** The teacher, both observers and the day of a pair, as every read of pairs names them. */
const PAIR_PEOPLE = [
  'co.teacher_id as teacherId',
  't.name as teacherName',
  'co.first_observer_id as firstObserverId',
  'f.full_name as firstObserverName',
  'co.second_observer_id as secondObserverId',
  'o.full_name as secondObserverName',
  'co.observed_on as observedOn',
] as const;

/** A pair with its cycle, school and first observer: what every read of pairs joins. */
function pairBase(db: Db) {
  return db
    .selectFrom('co_observations as co')
    .innerJoin('cycles as c', 'c.id', 'co.cycle_id')
    .innerJoin('schools as sc', 'sc.id', 'co.school_id')
    .innerJoin('users as f', 'f.id', 'co.first_observer_id');
}

/**
 * A pair with its cycle, study, the study's rubric and band set versions, school and first
 * observer: what both the pair's page and the calibration list read.
 */
function withStudyVersions(db: Db) {
  return pairBase(db)
    .innerJoin('studies as s', 's.id', 'c.study_id')
    .innerJoin('rubric_versions as rv', 'rv.id', 's.rubric_version_id')
    .innerJoin('band_set_versions as bv', 'bv.id', 's.band_set_version_id');
}

/** One pair with everything its page shows, except the sheets. */
export function getCoObservation(db: Db, id: string) {
  return withStudyVersions(db)
    .innerJoin('teachers as t', 't.id', 'co.teacher_id')
    .innerJoin('users as o', 'o.id', 'co.second_observer_id')
    .select([
      'co.id',
      'co.district_id as districtId',
      'co.school_id as schoolId',
      'sc.name as schoolName',
      'co.cycle_id as cycleId',
      'c.ordinal',
      's.id as studyId',
      's.title as studyTitle',
      ...PAIR_PEOPLE,
      'rv.definition',
      'bv.bands',
    ])
    .where('co.id', '=', id)
    .executeTakeFirst();
}

export interface CoObservationSheet {
  side: CoObservationSide;
  observerId: string;
  input: ObservationInputJson;
  percentage: string;
  band: string;
  savedAt: string;
}

/** The saved sheets of one pair (zero, one or two). */
export async function listCoObservationSheets(db: Db, id: string): Promise<CoObservationSheet[]> {
  const rows = await db
    .selectFrom('co_observation_sheets')
    .select([
      'side',
      'observer_id as observerId',
      'input',
      'percentage',
      'band',
      'saved_at as savedAt',
    ])
    .where('co_observation_id', '=', id)
    .orderBy('side')
    .execute();
  return rows.map((r) => ({ ...r, savedAt: iso(r.savedAt) }));
}

/**
 * Locks the pair's row for the rest of the transaction, so two observers saving at the
 * same moment are serialised and the "both saved, now locked" rule cannot be raced.
 */
export async function lockCoObservation(db: Transaction<DB>, id: string): Promise<void> {
  await db.selectFrom('co_observations').select('id').where('id', '=', id).forUpdate().execute();
}

export interface CoObservationSheetWrite {
  coObservationId: string;
  districtId: string;
  side: CoObservationSide;
  observerId: string;
  input: ObservationInputJson;
  percentage: string;
  band: string;
}

/** Saves (or replaces) one side's sheet. */
export async function upsertCoObservationSheet(db: Db, s: CoObservationSheetWrite): Promise<void> {
  await db
    .insertInto('co_observation_sheets')
    .values({
      co_observation_id: s.coObservationId,
      district_id: s.districtId,
      side: s.side,
      observer_id: s.observerId,
      input: jsonb(s.input),
      percentage: s.percentage,
      band: s.band,
    })
    .onConflict((oc) =>
      oc.columns(['co_observation_id', 'side']).doUpdateSet({
        input: jsonb(s.input),
        percentage: s.percentage,
        band: s.band,
        saved_at: new Date(),
      }),
    )
    .execute();
}

/** The pairs of a cycle, with which sides are saved (no scores). */
export async function listCycleCoObservations(db: Db, cycleId: string) {
  const rows = await pairListQuery(db).where('co.cycle_id', '=', cycleId).execute();
  return rows.map((r) => ({ ...r, createdAt: iso(r.createdAt) }));
}

/** The pairs a user observes in, either side, newest first. */
export async function listUserCoObservations(db: Db, districtId: string, userId: string) {
  const rows = await pairListQuery(db)
    .where('co.district_id', '=', districtId)
    .where((eb) =>
      eb.or([eb('co.first_observer_id', '=', userId), eb('co.second_observer_id', '=', userId)]),
    )
    .limit(200)
    .execute();
  return rows.map((r) => ({ ...r, createdAt: iso(r.createdAt) }));
}

function pairListQuery(db: Db) {
  return pairBase(db)
    .innerJoin('teachers as t', 't.id', 'co.teacher_id')
    .innerJoin('users as o', 'o.id', 'co.second_observer_id')
    .select((eb) => {
      // Whether that side's sheet is stored yet.
      const saved = (side: CoObservationSide) =>
        eb.exists(
          eb
            .selectFrom('co_observation_sheets as s')
            .select('s.side')
            .whereRef('s.co_observation_id', '=', 'co.id')
            .where('s.side', '=', side),
        );
      return [
        'co.id',
        'co.school_id as schoolId',
        'sc.name as schoolName',
        'co.cycle_id as cycleId',
        'c.ordinal',
        ...PAIR_PEOPLE,
        'co.created_at as createdAt',
        saved('first').as('firstSaved'),
        saved('second').as('secondSaved'),
      ];
    })
    .orderBy('co.created_at', 'desc')
    .orderBy('co.id');
}

/**
 * Every completed pair of a district (both sides saved), with both inputs and the sheet's
 * rubric and bands, for calibration. The agreement figures are computed by the domain
 * package from these, not in SQL.
 */
export function listCompletedCoObservations(db: Db, districtId: string) {
  return withStudyVersions(db)
    .innerJoin('co_observation_sheets as a', (j) =>
      j.onRef('a.co_observation_id', '=', 'co.id').on('a.side', '=', 'first'),
    )
    .innerJoin('co_observation_sheets as b', (j) =>
      j.onRef('b.co_observation_id', '=', 'co.id').on('b.side', '=', 'second'),
    )
    .select([
      'co.id',
      'co.school_id as schoolId',
      'sc.name as schoolName',
      'sc.subdistrict',
      'co.first_observer_id as firstObserverId',
      'f.full_name as firstObserverName',
      'a.input as firstInput',
      'b.input as secondInput',
      'rv.definition',
      'bv.bands',
    ])
    .where('co.district_id', '=', districtId)
    .orderBy('co.first_observer_id')
    .orderBy('co.created_at')
    .execute();
}
