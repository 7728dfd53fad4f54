import type {
  TFollowUpStatus,
  TFollowUpSupport,
  TIndicatorScore,
  TRubricDefinition,
} from '@siklus/domain';
import { type Kysely, sql, type Transaction } from 'kysely';
import { iso, isoOrNull } from '../iso';
import type { DB } from '../schema';

/*
 * Follow-up plans (RTL, issue 17). A plan is written from one teacher's sheet in a cycle
 * (its origin) and checked on the study's next cycle (ordinal + 1). Reads return each
 * plan with the raw scores of both sheets, so the API computes "improved?" with the domain
 * (followUpProgress) and no SQL recomputes a figure. Every read is a fixed number of
 * queries, whatever the number of plans.
 */

type Db = Kysely<DB> | Transaction<DB>;
type Scores = Record<string, TIndicatorScore>;

export interface FollowUpWrite {
  districtId: string;
  schoolId: string;
  studyId: string;
  cycleId: string;
  teacherId: string;
  indicatorKeys: string[];
  actions: string;
  support: TFollowUpSupport;
  supportTeacherId: string | null;
  dueOn: string;
  carriedFromId: string | null;
  createdBy: string | null;
}

export async function insertFollowUp(db: Db, p: FollowUpWrite): Promise<{ id: string }> {
  return db
    .insertInto('follow_up_plans')
    .values({
      district_id: p.districtId,
      school_id: p.schoolId,
      study_id: p.studyId,
      cycle_id: p.cycleId,
      teacher_id: p.teacherId,
      indicator_keys: JSON.stringify(p.indicatorKeys),
      actions: p.actions,
      support: p.support,
      support_teacher_id: p.supportTeacherId,
      due_on: p.dueOn,
      carried_from_id: p.carriedFromId,
      created_by: p.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** What the scope check and closing need of a plan. */
export interface FollowUpScope {
  id: string;
  districtId: string;
  schoolId: string;
  studyId: string;
  cycleId: string;
  teacherId: string;
  status: TFollowUpStatus;
}

export async function followUpScopeOf(db: Db, id: string): Promise<FollowUpScope | undefined> {
  return db
    .selectFrom('follow_up_plans')
    .select([
      'id',
      'district_id as districtId',
      'school_id as schoolId',
      'study_id as studyId',
      'cycle_id as cycleId',
      'teacher_id as teacherId',
      'status',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * Closes an open plan (done or carried); undefined when it was no longer open (someone
 * closed it meanwhile): the caller refuses then. The row is locked by the update.
 */
export async function closeFollowUp(
  db: Db,
  c: {
    id: string;
    status: Exclude<TFollowUpStatus, 'open'>;
    note: string | null;
    closedBy: string;
  },
): Promise<FollowUpRecord | undefined> {
  const row = await db
    .updateTable('follow_up_plans')
    .set({
      status: c.status,
      closing_note: c.note,
      closed_at: sql<Date>`now()`,
      closed_by: c.closedBy,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', c.id)
    .where('status', '=', 'open')
    .returning([
      'id',
      'indicator_keys as indicatorKeys',
      'actions',
      'support',
      'support_teacher_id as supportTeacherId',
      'due_on as dueOn',
    ])
    .executeTakeFirst();
  return row;
}

export interface FollowUpRecord {
  id: string;
  indicatorKeys: string[];
  actions: string;
  support: TFollowUpSupport;
  supportTeacherId: string | null;
  dueOn: string;
}

/** The study's cycle right after `cycleId` (the one that checks its plans), if opened. */
export async function nextCycleOf(
  db: Db,
  cycleId: string,
): Promise<{ id: string; ordinal: number } | undefined> {
  return db
    .selectFrom('cycles as c')
    .innerJoin('cycles as me', (j) =>
      j.onRef('me.study_id', '=', 'c.study_id').onRef('me.district_id', '=', 'c.district_id'),
    )
    .select(['c.id', 'c.ordinal'])
    .where('me.id', '=', cycleId)
    .whereRef('c.ordinal', '=', sql`me.ordinal + 1`)
    .executeTakeFirst();
}

export interface FollowUpItem {
  id: string;
  schoolId: string;
  studyId: string;
  /** The cycle whose sheet it was written from. */
  cycleId: string;
  ordinal: number;
  /** The study's next cycle, which checks it; null until opened. */
  checkCycleId: string | null;
  teacherId: string;
  teacherName: string;
  className: string | null;
  indicatorKeys: string[];
  actions: string;
  support: TFollowUpSupport;
  supportTeacherId: string | null;
  supportTeacherName: string | null;
  dueOn: string;
  status: TFollowUpStatus;
  closingNote: string | null;
  closedAt: string | null;
  closedByName: string | null;
  carriedFromId: string | null;
  createdByName: string | null;
  createdAt: string;
  rubricVersionId: string;
  /** The teacher's sheet in the plan's cycle, and in the next cycle (null until scored). */
  before: { percentage: string; scores: Scores | null } | null;
  after: { percentage: string; scores: Scores | null } | null;
}

export type FollowUpFilter =
  /** Plans written in the cycle, and plans the cycle checks (written in the one before). */
  { cycleId: string } | { studyId: string } | { schoolId: string; openOnly?: boolean };

/** Follow-up plans with both sheets' raw scores, oldest cycle first, then teacher order. */
export async function listFollowUps(db: Db, filter: FollowUpFilter): Promise<FollowUpItem[]> {
  const where =
    'cycleId' in filter
      ? sql`(p.cycle_id = ${filter.cycleId} or nx.id = ${filter.cycleId})`
      : 'studyId' in filter
        ? sql`p.study_id = ${filter.studyId}`
        : filter.openOnly
          ? sql`p.school_id = ${filter.schoolId} and p.status = 'open'`
          : sql`p.school_id = ${filter.schoolId}`;
  const sheet = (cycle: string) => sql`(
    select jsonb_build_object('percentage', o.percentage::text, 'scores', (
      select jsonb_object_agg(i.indicator_key,
               case when i.not_applicable or i.score is null then to_jsonb('na'::text)
                    else to_jsonb(i.score) end)
      from indicator_scores i where i.observation_id = o.id))
    from observations o
    where o.cycle_id = ${sql.ref(cycle)} and o.teacher_id = p.teacher_id)`;
  const { rows } = await sql<
    Omit<FollowUpItem, 'closedAt' | 'createdAt'> & { closedAt: Date | null; createdAt: Date }
  >`
    select p.id, p.school_id as "schoolId", p.study_id as "studyId", p.cycle_id as "cycleId",
           c.ordinal, nx.id as "checkCycleId",
           p.teacher_id as "teacherId", t.name as "teacherName", t.class_name as "className",
           p.indicator_keys as "indicatorKeys", p.actions, p.support,
           p.support_teacher_id as "supportTeacherId", st.name as "supportTeacherName",
           p.due_on as "dueOn", p.status, p.closing_note as "closingNote",
           p.closed_at as "closedAt", cb.full_name as "closedByName",
           p.carried_from_id as "carriedFromId", cr.full_name as "createdByName",
           p.created_at as "createdAt", s.rubric_version_id as "rubricVersionId",
           ${sheet('p.cycle_id')} as before,
           case when nx.id is null then null else ${sheet('nx.id')} end as after
    from follow_up_plans p
    join cycles c on c.id = p.cycle_id
    join studies s on s.id = p.study_id
    join teachers t on t.id = p.teacher_id
    left join teachers st on st.id = p.support_teacher_id
    left join users cb on cb.id = p.closed_by
    left join users cr on cr.id = p.created_by
    left join cycles nx on nx.study_id = p.study_id and nx.ordinal = c.ordinal + 1
    where ${where}
    order by c.ordinal, t.sort_order, t.name, p.created_at, p.id`.execute(db);
  return rows.map((r) => ({
    ...r,
    closedAt: isoOrNull(r.closedAt),
    createdAt: iso(r.createdAt),
  }));
}

/** The rubric definitions of some rubric versions (one query), by version id. */
export async function rubricDefinitionsOf(
  db: Db,
  versionIds: readonly string[],
): Promise<Map<string, TRubricDefinition>> {
  const ids = [...new Set(versionIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('rubric_versions')
    .select(['id', 'definition'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.definition]));
}

export interface DueFollowUp {
  id: string;
  districtId: string;
  schoolId: string;
  schoolName: string;
  studyId: string;
  cycleId: string;
  ordinal: number;
  /** Where the plan is checked (the next cycle), else where it was written. */
  linkCycleId: string;
  teacherId: string;
  teacherName: string;
  dueOn: string;
}

/**
 * Open plans due on or before `dueOnOrBefore` (a calendar day of the district), earliest
 * first: the home pages' "due" and "overdue" lists, and what a notification job asks for
 * ("follow-up due"). The caller computes the day in the district's zone (domain
 * `localDate`) and classifies each with `followUpDueState`.
 */
export async function listDueFollowUps(
  db: Db,
  q: { districtId: string; dueOnOrBefore: string; schoolId?: string; limit?: number },
): Promise<{ total: number; items: DueFollowUp[] }> {
  let base = db
    .selectFrom('follow_up_plans as p')
    .where('p.district_id', '=', q.districtId)
    .where('p.status', '=', 'open')
    .where('p.due_on', '<=', q.dueOnOrBefore);
  if (q.schoolId) base = base.where('p.school_id', '=', q.schoolId);
  const [items, total] = await Promise.all([
    base
      .innerJoin('schools as sch', 'sch.id', 'p.school_id')
      .innerJoin('teachers as t', 't.id', 'p.teacher_id')
      .innerJoin('cycles as c', 'c.id', 'p.cycle_id')
      .leftJoin('cycles as nx', (j) =>
        j.onRef('nx.study_id', '=', 'p.study_id').on('nx.ordinal', '=', sql`c.ordinal + 1`),
      )
      .select([
        'p.id',
        'p.district_id as districtId',
        'p.school_id as schoolId',
        'sch.name as schoolName',
        'p.study_id as studyId',
        'p.cycle_id as cycleId',
        'c.ordinal',
        sql<string>`coalesce(nx.id, p.cycle_id)`.as('linkCycleId'),
        'p.teacher_id as teacherId',
        't.name as teacherName',
        'p.due_on as dueOn',
      ])
      .orderBy('p.due_on')
      .orderBy('sch.name')
      .orderBy('t.name')
      .orderBy('p.id')
      .limit(q.limit ?? 50)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return { total: total.total, items };
}

export interface SchoolFollowUpCounts {
  schoolId: string;
  schoolName: string;
  open: number;
  overdue: number;
}

/** Per school of the district with an open plan: open plans and those overdue on `today`. */
export async function followUpCountsBySchool(
  db: Db,
  q: { districtId: string; today: string },
): Promise<SchoolFollowUpCounts[]> {
  return db
    .selectFrom('follow_up_plans as p')
    .innerJoin('schools as sch', 'sch.id', 'p.school_id')
    .select([
      'p.school_id as schoolId',
      'sch.name as schoolName',
      sql<number>`count(*)::int`.as('open'),
      sql<number>`(count(*) filter (where p.due_on < ${q.today}))::int`.as('overdue'),
    ])
    .where('p.district_id', '=', q.districtId)
    .where('p.status', '=', 'open')
    .groupBy(['p.school_id', 'sch.name'])
    .orderBy(sql`count(*) filter (where p.due_on < ${q.today})`, 'desc')
    .orderBy('sch.name')
    .execute();
}
